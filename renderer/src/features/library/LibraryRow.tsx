// One plan in the library: its title (which opens it), where it comes from (issuer, document
// number, date, format), its tags, how many initiatives it has and how far the reader got;
// rename and trash on the right. Renaming happens in place: Enter saves, Escape cancels, an
// empty name goes back to the plan's own title.
import { useEffect, useRef, useState, type DragEvent, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from '../../i18n/ui-text';
import type { LibraryEntry } from '../../../../shared/api/library/methods';
import { FIELD_LIMITS } from '../../../../shared/text';
import { formatDate } from './library-order';
import { PlanTags } from './PlanTags';

interface Props {
  entry: LibraryEntry;
  current: boolean;
  highlighted: boolean;
  busy: boolean;
  failure: string | null;
  tagSuggestions: readonly string[];
  /** A rename to reopen with (the reader went back to editing after a conflict). */
  reopenWith: string | null | undefined;
  onReopened(): void;
  onOpen(): void;
  onRename(title: string | null): void;
  onTags(tags: string[]): void;
  onTrash(): void;
  onImportVersion(): void;
  /** Files dropped on the row: imported as a new version of this plan. */
  onDropVersion(files: File[]): void;
  /** The plan's versions (for a plan with more than one). */
  versions: ReactNode;
}

export function LibraryRow(props: Props) {
  const { entry, current, highlighted, busy, failure } = props;
  const { t, i18n } = useTranslation('library');
  const { t: tVersions } = useTranslation('versions');
  const { t: tCompare } = useTranslation('compare');
  // A file dragged over the row: dropping it imports a new version of this plan (the window's
  // own drop, a new plan, sees the drop already taken: defaultPrevented).
  const [dropping, setDropping] = useState(false);
  const carriesFiles = (e: DragEvent) => [...e.dataTransfer.types].includes('Files');
  const dropHandlers = {
    onDragOver: (e: DragEvent) => {
      if (!carriesFiles(e) || props.busy) return;
      e.preventDefault();
      e.dataTransfer.dropEffect = 'copy';
      if (!dropping) setDropping(true);
    },
    onDragLeave: (e: DragEvent<HTMLLIElement>) => {
      if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDropping(false);
    },
    onDrop: (e: DragEvent) => {
      setDropping(false);
      if (!carriesFiles(e) || props.busy) return;
      e.preventDefault();
      const files = [...e.dataTransfer.files];
      if (files.length) props.onDropVersion(files);
    },
  };
  const [draft, setDraft] = useState<string | null>(null);
  const rowRef = useRef<HTMLLIElement>(null);
  // The rename field's text: the reader's draft, or the name they went back to after a conflict.
  const { reopenWith, onReopened } = props;
  const editing = draft ?? (reopenWith === undefined ? null : (reopenWith ?? ''));
  const setEditing = (value: string | null) => {
    setDraft(value);
    if (value === null && reopenWith !== undefined) onReopened();
  };

  useEffect(() => {
    if (highlighted) rowRef.current?.scrollIntoView?.({ block: 'nearest' });
  }, [highlighted]);

  const finishRename = (value: string) => {
    setEditing(null);
    const title = value.trim();
    const next = title === '' || title === entry.originalTitle ? null : title;
    const now = entry.title === entry.originalTitle ? null : entry.title;
    if (next !== now) props.onRename(next);
  };
  const onRenameKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      finishRename(e.currentTarget.value);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      setEditing(null);
    }
  };

  const source = [
    entry.issuer,
    entry.docNumber,
    entry.date && formatDate(entry.date, i18n.language),
    entry.format === 'embedded' ? t('embedded') : t(`format.${entry.format}`),
  ].filter(Boolean);
  const { done } = entry.progress;
  const total = entry.itemCount;
  const ratio = total > 0 ? Math.min(1, done / total) : 0;

  return (
    <li
      ref={rowRef}
      className="library-row"
      data-plan-id={entry.id}
      data-current={current || undefined}
      data-highlighted={highlighted || undefined}
      aria-busy={busy || undefined}
      data-dropping={dropping || undefined}
      {...dropHandlers}
    >
      {dropping && (
        <p className="library-drop-hint" role="status">
          {tCompare('dropVersion', { title: entry.title })}
        </p>
      )}
      <div className="library-row-main">
        <div className="library-row-title">
          {editing !== null ? (
            <input
              type="text"
              className="library-rename"
              aria-label={t('renameLabel', { title: entry.title })}
              title={t('renameHint')}
              maxLength={FIELD_LIMITS.planTitle}
              autoFocus
              value={editing}
              onFocus={(e) => e.currentTarget.select()}
              onChange={(e) => setEditing(e.target.value)}
              onKeyDown={onRenameKey}
              onBlur={(e) => finishRename(e.currentTarget.value)}
            />
          ) : (
            <h3>
              <button type="button" className="library-open" title={t('open', { title: entry.title })} onClick={props.onOpen}>
                {entry.title}
              </button>
            </h3>
          )}
          {current && <span className="library-badge">{t('current')}</span>}
          {entry.version && <span className="library-badge">{tVersions('list.badge', entry.version)}</span>}
          {highlighted && <span className="library-badge library-badge-new">{t('highlightNew')}</span>}
        </div>
        <p className="library-source">
          {source.map((part, i) => (
            <span key={i}>{part}</span>
          ))}
        </p>
        {entry.title !== entry.originalTitle && <p className="library-original">{t('originalTitle', { title: entry.originalTitle })}</p>}
        {props.versions}
        <PlanTags title={entry.title} tags={entry.tags} suggestions={props.tagSuggestions} disabled={busy} onChange={props.onTags} />
        {failure && (
          <p className="library-failure" role="alert">
            {t('saveFailed', { message: failure })}
          </p>
        )}
      </div>
      <div className="library-row-stats">
        <span className="library-items">{t('items', { count: total })}</span>
        <span className="library-progress" title={t('progressLabel', { done, total, withStatus: entry.progress.withStatus })}>
          <span className="library-progress-bar" aria-hidden="true">
            <span style={{ width: `${ratio * 100}%` }} />
          </span>
          <span className="library-progress-text">{entry.progress.withStatus === 0 ? t('notStarted') : t('progress', { done, total })}</span>
        </span>
      </div>
      <div className="library-row-actions">
        <button
          type="button"
          className="library-action"
          aria-label={t('renameAction', { title: entry.title })}
          disabled={busy || editing !== null}
          onClick={() => setEditing(entry.title)}
        >
          {t('rename')}
        </button>
        <button
          type="button"
          className="library-action"
          aria-label={tVersions('list.importNewLabel', { title: entry.title })}
          disabled={busy}
          onClick={props.onImportVersion}
        >
          {tVersions('list.importNew')}
        </button>
        <button type="button" className="library-action" aria-label={t('trashLabel', { title: entry.title })} disabled={busy} onClick={props.onTrash}>
          {t('trash')}
        </button>
      </div>
    </li>
  );
}
