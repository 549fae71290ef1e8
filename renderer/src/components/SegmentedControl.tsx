// A small group of toggle buttons of which exactly one is on (aria-pressed), e.g. 中文 / English.
export interface Segment<T extends string> {
  value: T;
  label: string;
  title?: string;
  lang?: string;
}

interface Props<T extends string> {
  label: string;
  value: T;
  segments: ReadonlyArray<Segment<T>>;
  onChange(value: T): void;
  className?: string;
}

export function SegmentedControl<T extends string>({ label, value, segments, onChange, className }: Props<T>) {
  return (
    <div role="group" aria-label={label} className={className ? `segmented ${className}` : 'segmented'}>
      {segments.map((s) => (
        <button
          key={s.value}
          type="button"
          aria-pressed={s.value === value}
          title={s.title}
          lang={s.lang}
          onClick={() => {
            if (s.value !== value) onChange(s.value);
          }}
        >
          {s.label}
        </button>
      ))}
    </div>
  );
}
