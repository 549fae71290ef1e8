// A small group of toggle buttons of which exactly one is on (aria-pressed), e.g. 中文 / English.
export interface Segment<T extends string> {
  value: T;
  label: string;
  title?: string;
  lang?: string;
  /** A shorter word the app bar shows instead on a narrow window (CSS decides when); the
   *  button's name and tooltip stay the full label. */
  short?: string;
}

interface Props<T extends string> {
  /** The group's accessible name (e.g. 正文语言). */
  label: string;
  /** A short visible word before the group (e.g. 正文), part of `label` so what a reader sees is
   *  what a screen reader or voice control names. Two groups with the same buttons (the plan
   *  text's language and the interface's) need it to be told apart. */
  caption?: string;
  value: T;
  segments: ReadonlyArray<Segment<T>>;
  onChange(value: T): void;
  className?: string;
}

export function SegmentedControl<T extends string>({ label, caption, value, segments, onChange, className }: Props<T>) {
  const group = (
    <div role="group" aria-label={label} className={className ? `segmented ${className}` : 'segmented'}>
      {segments.map((s) => (
        <button
          key={s.value}
          type="button"
          aria-pressed={s.value === value}
          aria-label={s.short ? s.label : undefined}
          data-short={s.short}
          title={s.title ?? (s.short ? s.label : undefined)}
          lang={s.lang}
          onClick={() => {
            if (s.value !== value) onChange(s.value);
          }}
        >
          {/* The short word is drawn by CSS (content: attr(data-short)), so the button's text
              stays its label. */}
          {s.short ? <span className="segment-label">{s.label}</span> : s.label}
        </button>
      ))}
    </div>
  );
  if (!caption) return group;
  // The caption is hidden from assistive technology: the group's name already says it.
  return (
    <div className="captioned-control">
      <span className="control-caption" aria-hidden="true">
        {caption}
      </span>
      {group}
    </div>
  );
}
