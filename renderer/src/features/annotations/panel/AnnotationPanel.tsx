// The annotation panel beside the text: on an item, the reader's fields, then every live
// highlight and note in text order (a click shows the passage in the text), with the ones that
// lost their place listed apart with their quotes; on the overview, the plan's own notes.
// Filters by colour and tag; each entry can be edited (the note editor opens in its place) or
// deleted (to the trash, with an Undo here and the library's trash for later).
import { useQuery } from '@tanstack/react-query';
import { lazy, memo, Suspense, useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from '../../../i18n/ui-text';
import {
  HIGHLIGHT_COLORS,
  type Annotation,
  type AnnotationEntry,
  type ColorNames,
  type HighlightColor,
  type NewAnnotation,
} from '../../../../../shared/api/annotations/methods';
import type { ApiClient } from '../../../api/client';
import { useAnnotationUi, type Editing } from '../annotation-ui';
import { useAnnotationList, useAnnotationWrites, useColorNames } from '../queries';
import { NoteEditor } from './NoteEditor';
import { NoteMarkdown } from './NoteMarkdown';
import type { NoteWrites } from './note-saver';
import './panel.css';
import { Select } from '../../../components/Select';

// A note's history (and the diff library it compares revisions with) loads when first asked for.
// The reader's fields edit with the table's cells, edit store and stylesheet: a chunk of their
// own (shared with the table's), so the first screen, an overview with no item, loads none of
// it. It is asked for as soon as the page opens on an item, and in idle time otherwise
// (preloadReaderFields), so it is there before an item's panel needs it.
const loadReaderFields = () => import('./ReaderFields');
const ReaderFields = lazy(() => loadReaderFields().then((m) => ({ default: m.ReaderFields })));
export function preloadReaderFields(): void {
  void loadReaderFields().catch(() => undefined);
}
const HistoryDialog = lazy(() => import('../history/HistoryDialog').then((m) => ({ default: m.HistoryDialog })));

interface Props {
  client: ApiClient;
  planId: string;
  /** The item open in the reading view; null on the plan's overview. */
  itemId: string | null;
}

const LOST = new Set(['ambiguous', 'orphaned']);
const isLost = (a: Annotation) => a.kind === 'highlight' && a.anchor !== null && LOST.has(a.anchor.status);

export function newNoteDraft(planId: string, itemId: string | null): NewAnnotation {
  return { id: crypto.randomUUID(), kind: 'note', planId, itemId, target: null, color: null, body: '', tags: [] };
}

export function AnnotationPanel({ client, planId, itemId }: Props) {
  const { t } = useTranslation('annotationPanel');
  const ui = useAnnotationUi();
  const list = useAnnotationList(client, itemId ? { planId, itemId, sort: 'text', limit: 500 } : { planId, kind: 'note', sort: 'text', limit: 500 });
  const colorNames = useColorNames(client).data ?? {};
  const mutations = useAnnotationWrites(client);
  const tagList = useQuery({ queryKey: ['tags', 'list'], queryFn: () => client.call('tags.list', {}) });
  const [color, setColor] = useState<HighlightColor | ''>('');
  const [tag, setTag] = useState('');
  const [trashed, setTrashed] = useState<Annotation | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [historyOf, setHistoryOf] = useState<string | null>(null);
  const ids = useId();

  // Another item: its editor closes (and saves what waited as it unmounts), filters reset.
  const shownItem = useRef(itemId);
  const { edit } = ui;
  useEffect(() => {
    if (shownItem.current === itemId) return;
    shownItem.current = itemId;
    edit(null);
    setColor('');
    setTag('');
    setTrashed(null);
  }, [itemId, edit]);

  const writes = useMemo<NoteWrites>(
    () => ({ create: (a) => mutations.create.mutateAsync(a), update: (a) => mutations.update.mutateAsync(a) }),
    // The mutation objects change on every state change; their mutateAsync functions do not.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [mutations.create.mutateAsync, mutations.update.mutateAsync],
  );

  const all = useMemo(() => (list.data?.entries ?? []).filter((e) => itemId !== null || e.itemId === null), [list.data, itemId]);
  const tags = useMemo(() => [...new Set(all.flatMap((e) => e.tags))].sort(), [all]);
  const colors = HIGHLIGHT_COLORS.filter((c) => color === c || all.some((e) => e.color === c));
  const shown = all.filter((e) => (color === '' || e.color === color) && (tag === '' || e.tags.includes(tag)));
  const placed = shown.filter((e) => !isLost(e));
  const lost = shown.filter(isLost);
  const filtered = color !== '' || tag !== '';

  const editing = ui.editing;
  const editingId = editing ? ('id' in editing ? editing.id : editing.draft.id) : null;
  const draftOnTop = editing && ('draft' in editing || !all.some((e) => e.id === editing.id));

  const removeAsync = mutations.remove.mutateAsync;
  const remove = useCallback(
    (entry: Annotation) => {
      setFailure(null);
      removeAsync({ id: entry.id, baseRevision: entry.revision }).then(
        (gone) => setTrashed(gone),
        (err: unknown) => setFailure(t('deleteFailed', { message: err instanceof Error ? err.message : String(err) })),
      );
    },
    [removeAsync, t],
  );
  const { focus } = ui;
  const editEntry = useCallback((id: string) => edit({ id }), [edit]);
  const undo = () => {
    if (!trashed) return;
    mutations.restore.mutateAsync({ id: trashed.id, baseRevision: trashed.revision }).then(
      () => setTrashed(null),
      (err: unknown) => setFailure(t('deleteFailed', { message: err instanceof Error ? err.message : String(err) })),
    );
  };

  const editor = (start: { record: Annotation } | { draft: NewAnnotation }) => (
    <NoteEditor
      key={'record' in start ? start.record.id : start.draft.id}
      start={start}
      writes={writes}
      tagSuggestions={(tagList.data ?? []).map((x) => x.tag)}
      quote={'record' in start ? (start.record.target?.selectors.quote.exact ?? null) : (start.draft.target?.selectors.quote.exact ?? null)}
      onClose={() => ui.edit(null)}
    />
  );
  const entry = (e: AnnotationEntry) =>
    // A draft's editor stays on top once its first save puts it in the list (moving it would
    // take the caret away mid-sentence).
    e.id === editingId && editing && 'draft' in editing ? null : e.id === editingId ? (
      <li key={e.id} className="apanel-entry apanel-entry-editing">
        {editor({ record: e })}
      </li>
    ) : (
      <EntryCard
        key={e.id}
        entry={e}
        colorNames={colorNames}
        focused={ui.focusedId === e.id}
        onFocus={focus}
        onEdit={editEntry}
        onHistory={setHistoryOf}
        onDelete={remove}
      />
    );

  return (
    <div className="apanel-body">
      {itemId && (
        <Suspense fallback={null}>
          <ReaderFields client={client} itemId={itemId} />
        </Suspense>
      )}
      <section className="apanel-section" aria-labelledby={`${ids}-list`}>
        <div className="apanel-section-head">
          <h3 id={`${ids}-list`}>{itemId ? t('annotations') : t('planNotes')}</h3>
          <button type="button" className="dialog-primary apanel-add" onClick={() => ui.edit({ draft: newNoteDraft(planId, itemId) })}>
            {itemId ? t('addNote') : t('addPlanNote')}
          </button>
        </div>
        {draftOnTop && <DraftEditor editing={editing} all={all} client={client} render={editor} />}
        {(trashed || failure) && (
          <p className="apanel-notice" role="status">
            {failure ?? t('deleted')}
            {trashed && !failure && (
              <button type="button" className="apanel-link-button" onClick={undo}>
                {t('undo')}
              </button>
            )}
          </p>
        )}
        {(colors.length > 0 || tags.length > 0) && (
          <div className="apanel-filters">
            {colors.length > 0 && (
              <Select aria-label={t('filterColor')} value={color} onChange={(e) => setColor(e.target.value as HighlightColor | '')}>
                <option value="">{t('allColors')}</option>
                {colors.map((c) => (
                  <option key={c} value={c}>
                    {colorLabel(c, colorNames, t)}
                  </option>
                ))}
              </Select>
            )}
            {tags.length > 0 && (
              <Select aria-label={t('filterTag')} value={tag} onChange={(e) => setTag(e.target.value)}>
                <option value="">{t('allTags')}</option>
                {tags.map((x) => (
                  <option key={x} value={x}>
                    {x}
                  </option>
                ))}
              </Select>
            )}
            {filtered && (
              <button
                type="button"
                className="apanel-link-button"
                onClick={() => {
                  setColor('');
                  setTag('');
                }}
              >
                {t('clearFilters')}
              </button>
            )}
          </div>
        )}
        {list.isPending ? (
          <p className="apanel-muted">{t('loading')}</p>
        ) : list.isError ? (
          <p className="apanel-error" role="alert">
            {t('failed', { message: list.error.message })}{' '}
            <button type="button" className="apanel-link-button" onClick={() => void list.refetch()}>
              {t('retry')}
            </button>
          </p>
        ) : all.length === 0 ? (
          !draftOnTop && <p className="apanel-muted">{itemId ? t('empty') : t('planEmpty')}</p>
        ) : shown.length === 0 ? (
          <p className="apanel-muted">{t('emptyFiltered')}</p>
        ) : (
          placed.length > 0 && <ol className="apanel-list">{placed.map(entry)}</ol>
        )}
      </section>
      {lost.length > 0 && (
        <section className="apanel-section apanel-lost" aria-labelledby={`${ids}-lost`}>
          <h3 id={`${ids}-lost`}>{t('unanchored')}</h3>
          <p className="apanel-muted">{t('unanchoredLead')}</p>
          <ol className="apanel-list">{lost.map(entry)}</ol>
        </section>
      )}
      {historyOf !== null && (
        <Suspense fallback={null}>
          <HistoryDialog client={client} id={historyOf} onClose={() => setHistoryOf(null)} />
        </Suspense>
      )}
    </div>
  );
}

/** The editor for a draft, or for an annotation not in this list (e.g. just made in the text). */
function DraftEditor({
  editing,
  all,
  client,
  render,
}: {
  editing: Editing;
  all: readonly AnnotationEntry[];
  client: ApiClient;
  render(start: { record: Annotation } | { draft: NewAnnotation }): React.ReactNode;
}) {
  const id = editing && 'id' in editing ? editing.id : null;
  const missing = useQuery({
    queryKey: ['annotations', 'get', id ?? ''],
    queryFn: () => client.call('annotation.get', { id: id ?? '' }),
    enabled: id !== null && !all.some((e) => e.id === id),
  });
  if (!editing) return null;
  if ('draft' in editing) return <div className="apanel-entry apanel-entry-editing">{render({ draft: editing.draft })}</div>;
  if (!missing.data) return null;
  return <div className="apanel-entry apanel-entry-editing">{render({ record: missing.data })}</div>;
}

function colorLabel(color: HighlightColor, names: ColorNames, t: (key: `color_${HighlightColor}`) => string): string {
  const name = names[color];
  return name ? `${name} · ${t(`color_${color}`)}` : t(`color_${color}`);
}

// Memoised: focusing one entry, or typing in the editor, re-renders the panel, not every card.
const EntryCard = memo(function EntryCard({
  entry,
  colorNames,
  focused,
  onFocus,
  onEdit,
  onHistory,
  onDelete,
}: {
  entry: AnnotationEntry;
  colorNames: ColorNames;
  focused: boolean;
  onFocus(id: string): void;
  onEdit(id: string): void;
  onHistory(id: string): void;
  onDelete(entry: Annotation): void;
}) {
  const { t } = useTranslation('annotationPanel');
  const quote = entry.target?.selectors.quote.exact ?? null;
  const status = entry.anchor?.status ?? null;
  const what = quote ? excerpt(quote, 24) : entry.body ? excerpt(entry.body, 24) : t('itemNote');
  return (
    <li className="apanel-entry" data-color={entry.color ?? undefined} data-focused={focused || undefined} data-kind={entry.kind}>
      {quote !== null ? (
        <button type="button" className="apanel-quote" onClick={() => onFocus(entry.id)} aria-label={t('focusLabel', { what })}>
          <span className="apanel-swatch" data-color={entry.color ?? undefined} title={entry.color ? colorLabel(entry.color, colorNames, t) : undefined} />
          <q lang={entry.target?.language === 'en' ? 'en' : 'zh-CN'}>{excerpt(quote, 140)}</q>
        </button>
      ) : (
        <p className="apanel-kind">{entry.itemId ? t('itemNote') : t('planNotes')}</p>
      )}
      {status && status !== 'anchored' && (
        <p className="apanel-anchor" data-status={status}>
          <span className="apanel-badge">{t(`anchor_${status as 'relocated' | 'ambiguous' | 'orphaned'}`)}</span>
          {status === 'relocated' && entry.anchor?.previousQuote && (
            <span className="apanel-previous">{t('previousQuote', { quote: excerpt(entry.anchor.previousQuote, 140) })}</span>
          )}
        </p>
      )}
      {entry.body.trim() !== '' && <NoteMarkdown source={entry.body} className="apanel-note" />}
      {entry.tags.length > 0 && (
        <ul className="apanel-tags" aria-label={t('tags')}>
          {entry.tags.map((x) => (
            <li key={x} className="itable-chip">
              <span className="itable-chip-text">{x}</span>
            </li>
          ))}
        </ul>
      )}
      <div className="apanel-actions">
        <button type="button" className="apanel-link-button" onClick={() => onEdit(entry.id)} aria-label={t('editLabel', { what })}>
          {t('edit')}
        </button>
        <button type="button" className="apanel-link-button" onClick={() => onHistory(entry.id)} aria-label={t('historyLabel', { what })}>
          {t('history')}
        </button>
        <button type="button" className="apanel-link-button apanel-danger" onClick={() => onDelete(entry)} aria-label={t('deleteLabel', { what })}>
          {t('delete')}
        </button>
      </div>
    </li>
  );
});

function excerpt(text: string, max: number): string {
  const chars = [...text.replace(/\s+/g, ' ').trim()];
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`;
}
