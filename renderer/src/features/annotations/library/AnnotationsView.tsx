// The annotations view: every highlight and note in the library in one list, filtered by plan,
// kind, colour, tag and anchoring and sorted by text order or date; each entry opens its passage
// (the reading view scrolls to it and flashes it). The trash is the same list of the annotations
// moved there, each one restorable, and emptied for good only after a confirmation that says
// how many go. The list is virtual and paged, so tens of thousands of entries scroll smoothly.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { observeElementRect, useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from '../../../i18n/ui-text';
import { COMMAND_ACCELERATORS } from '../../../../../shared/api/commands';
import type { Annotation, AnnotationEntry, AnnotationQuery } from '../../../../../shared/api/annotations/methods';
import { isStaleWrite } from '../../../api/api-call-error';
import type { ApiClient } from '../../../api/client';
import { ErrorScreen } from '../../../components/ErrorScreen';
import { SegmentedControl } from '../../../components/SegmentedControl';
import { HTML_LANG } from '../../../i18n/i18n';
import { isMacPlatform } from '../../../shell/shell-bridge';
import { ConfirmDialog } from '../../library/ConfirmDialog';
import { useAnnotationUi } from '../annotation-ui';
import { HistoryDialog } from '../history/HistoryDialog';
import { annotationKeys, invalidateAnnotationCounts, useAnnotationWrites, useColorNames } from '../queries';
import { AnnotationFilters, hasFilters, NO_FILTERS, type Filters } from './AnnotationFilters';
import { AnnotationRow } from './AnnotationRow';
import { ColorNamesDialog } from './ColorNamesDialog';
import { TagRenameDialog } from './TagRenameDialog';
import { PAGE_SIZE, useAnnotationPages, type ListQuery } from './use-annotation-pages';
import { useLibraryWrites, usePlanOptions, useTagOptions } from './use-library-data';
import './annotations-list.css';

interface Props {
  client: ApiClient;
  /** Goes to an annotation's place: its item in the reading view (its plan's overview for a plan note). */
  onOpenPassage(planId: string, itemId: string | null): void;
  /** Where the reading tab leads (the empty state's way there). */
  readHref: string;
}

type Tab = 'all' | 'trash';
type Notice = { tone: 'info' | 'error'; text: string; undo?: Annotation } | null;
type Dialog = { kind: 'history'; id: string } | { kind: 'tag'; tag: string } | { kind: 'colors' } | { kind: 'empty'; count: number } | null;

/** A first guess of an entry's height; each one is measured once shown. */
const ESTIMATED_ROW = 112;
const OVERSCAN = 6;

/** The browser's measurement, except that a box with no size yet (not laid out) keeps the last one. */
const observeRect: typeof observeElementRect = (instance, cb) =>
  observeElementRect(instance, (rect) => {
    if (rect.width > 0 || rect.height > 0) cb(rect);
  });

export function AnnotationsView({ client, onOpenPassage, readHref }: Props) {
  const { t, i18n } = useTranslation('annotationList');
  const ui = useAnnotationUi();
  const queryClient = useQueryClient();
  const titleId = useId();
  const [tab, setTab] = useState<Tab>('all');
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [notice, setNotice] = useState<Notice>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [dialogError, setDialogError] = useState<string | null>(null);
  const [busyIds, setBusyIds] = useState<ReadonlySet<string>>(new Set());

  const query = useMemo<ListQuery>(() => {
    const q: ListQuery = { sort: filters.sort, trashed: tab === 'trash' };
    if (filters.planId) q.planId = filters.planId;
    if (filters.kind) q.kind = filters.kind;
    if (filters.color) q.color = filters.color;
    if (filters.tag) q.tag = filters.tag;
    if (filters.anchor) q.anchor = filters.anchor;
    return q;
  }, [filters, tab]);
  const queryText = JSON.stringify(query);

  const plans = usePlanOptions(client);
  const tags = useTagOptions(client);
  const colorNames = useColorNames(client);
  const writes = useAnnotationWrites(client);
  const library = useLibraryWrites(client);
  // How many the query matches in all: the first page says (the same cached query the pages use).
  const firstPage: AnnotationQuery = { ...query, limit: PAGE_SIZE, offset: 0 };
  const head = useQuery({ queryKey: annotationKeys.list(firstPage), queryFn: () => client.call('annotation.list', firstPage) });
  const total = head.data?.total ?? 0;
  // How many are in the list (or the trash) whatever the filters: tells "none yet" from "none
  // match", and is what emptying the trash removes.
  const anyQuery: AnnotationQuery = { trashed: tab === 'trash', limit: 1 };
  const any = useQuery({ queryKey: annotationKeys.list(anyQuery), queryFn: () => client.call('annotation.list', anyQuery) });
  const unfiltered = hasFilters(filters) ? any.data?.total : total;

  const scrollRef = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read during render on purpose
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ESTIMATED_ROW,
    overscan: OVERSCAN,
    initialRect: { width: 1000, height: 640 },
    observeElementRect: observeRect,
    // Where nothing is laid out (a test's DOM), keep the estimate rather than a height of 0.
    measureElement: (el) => el.getBoundingClientRect().height || ESTIMATED_ROW,
  });
  const items = virtualizer.getVirtualItems();
  const pages = useAnnotationPages(client, query, items[0]?.index ?? 0, items.at(-1)?.index ?? -1);

  // A new filter, sort or tab starts at the top of its list.
  useEffect(() => {
    if (scrollRef.current) scrollRef.current.scrollTop = 0;
  }, [queryText]);

  const dateFormat = useMemo(
    () => new Intl.DateTimeFormat(HTML_LANG[i18n.language === 'en' ? 'en' : 'zh'], { dateStyle: 'medium', timeStyle: 'short' }),
    [i18n.language],
  );
  const formatDate = (iso: string) => dateFormat.format(new Date(iso));
  const numberFormat = useMemo(() => new Intl.NumberFormat(HTML_LANG[i18n.language === 'en' ? 'en' : 'zh']), [i18n.language]);

  const setBusy = (id: string, busy: boolean) =>
    setBusyIds((ids) => {
      const next = new Set(ids);
      if (busy) next.add(id);
      else next.delete(id);
      return next;
    });

  const explain = (error: unknown, method: 'annotation.delete' | 'annotation.restore'): string => {
    if (isStaleWrite(error, method)) return error.current ? t('conflict', { revision: error.current.revision }) : t('gone');
    return t('failedWrite', { message: error instanceof Error ? error.message : String(error) });
  };

  const move = async (entry: { id: string; revision: number }, to: 'trash' | 'back', undoable: boolean) => {
    const method = to === 'trash' ? 'annotation.delete' : 'annotation.restore';
    setBusy(entry.id, true);
    try {
      const args = { id: entry.id, baseRevision: entry.revision };
      const saved = await (to === 'trash' ? writes.remove.mutateAsync(args) : writes.restore.mutateAsync(args));
      setNotice({ tone: 'info', text: to === 'trash' ? t('trash.trashed') : t('trash.restored'), undo: undoable ? saved : undefined });
    } catch (error) {
      setNotice({ tone: 'error', text: explain(error, method) });
      // The list shows what is stored now, so the reader decides on that.
      void invalidateAnnotationCounts(queryClient);
    } finally {
      setBusy(entry.id, false);
    }
  };

  const open = (entry: AnnotationEntry) => {
    ui.focus(entry.id);
    onOpenPassage(entry.planId, entry.itemId);
  };

  const closeDialog = () => {
    setDialog(null);
    setDialogError(null);
  };
  const failure = (error: unknown) => setDialogError(t('failedWrite', { message: error instanceof Error ? error.message : String(error) }));

  const renameTag = (from: string, to: string) => {
    library.renameTag.mutate(
      { from, to },
      {
        onSuccess: ({ items: itemCount, annotations }) => {
          closeDialog();
          setFilters((f) => (f.tag === from ? { ...f, tag: to } : f));
          setNotice({ tone: 'info', text: t('tagRename.done', { from, to, items: itemCount, annotations }) });
        },
        onError: failure,
      },
    );
  };

  const emptyTrash = () => {
    closeDialog();
    library.emptyTrash.mutate(undefined, {
      onSuccess: ({ removed }) => setNotice({ tone: 'info', text: t('trash.emptied', { count: removed }) }),
      onError: (error) => setNotice({ tone: 'error', text: t('failedWrite', { message: error instanceof Error ? error.message : String(error) }) }),
    });
  };

  const accelerator = COMMAND_ACCELERATORS.newNote ?? '';
  const shortcut = isMacPlatform() ? accelerator.replace('CmdOrCtrl+', '⌘') : accelerator.replace('CmdOrCtrl', 'Ctrl');
  let body;
  if (head.isError && !head.data) {
    body = <ErrorScreen variant="inline" title={t('failed')} error={head.error} onRetry={() => void head.refetch()} />;
  } else if (!head.data) {
    body = (
      <p className="alist-status" role="status">
        {t('loading')}
      </p>
    );
  } else if (total === 0) {
    const nothingAtAll = unfiltered === 0;
    body =
      nothingAtAll && tab === 'trash' ? (
        <div className="alist-empty">
          <h3>{t('empty.trashTitle')}</h3>
          <p>{t('empty.trashBody')}</p>
        </div>
      ) : nothingAtAll ? (
        <div className="alist-empty">
          <div className="alist-empty-sample" aria-hidden="true">
            <span>
              推进<mark data-color="yellow">高水平对外开放</mark>，
            </span>
            <span className="alist-empty-toolbar">
              {(['yellow', 'green', 'blue', 'pink', 'purple'] as const).map((c) => (
                <span key={c} className="alist-swatch" data-color={c} />
              ))}
            </span>
          </div>
          <h3>{t('empty.title')}</h3>
          <p>{t('empty.body')}</p>
          <p>{t('empty.note', { shortcut })}</p>
          <a className="dialog-primary" href={readHref}>
            {t('empty.toRead')}
          </a>
        </div>
      ) : (
        <div className="alist-empty alist-empty-quiet">
          <p>{t('empty.noMatch')}</p>
          <button type="button" className="alist-link-button" onClick={() => setFilters({ ...NO_FILTERS, sort: filters.sort })}>
            {t('filters.clear')}
          </button>
        </div>
      );
  } else {
    body = (
      <div className="alist-scroll" ref={scrollRef}>
        <ul className="alist-list" aria-labelledby={titleId} style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const entry = pages.entryAt(item.index);
            return (
              <li
                key={item.key}
                ref={virtualizer.measureElement}
                data-index={item.index}
                className="alist-row"
                style={{ transform: `translateY(${item.start}px)` }}
              >
                {entry ? (
                  <AnnotationRow
                    entry={entry}
                    colorNames={colorNames.data}
                    formatDate={formatDate}
                    busy={busyIds.has(entry.id)}
                    t={t}
                    onOpen={open}
                    onHistory={(e) => setDialog({ kind: 'history', id: e.id })}
                    onTrash={(e) => void move(e, 'trash', true)}
                    onRestore={(e) => void move(e, 'back', false)}
                  />
                ) : (
                  <div className="alist-entry alist-entry-pending" aria-busy="true">
                    {t('entry.loading')}
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      </div>
    );
  }

  return (
    <section className="alist" aria-labelledby={titleId}>
      <div className="alist-header">
        <div className="alist-heading">
          <h2 id={titleId}>{tab === 'trash' ? t('tabs.trash') : t('title')}</h2>
          {head.data && <span className="alist-count">{t('count', { count: total, n: numberFormat.format(total) })}</span>}
        </div>
        <div className="alist-header-tools">
          {tab === 'trash' && unfiltered !== undefined && unfiltered > 0 && (
            <button type="button" className="alist-button-danger-quiet" onClick={() => setDialog({ kind: 'empty', count: unfiltered })}>
              {t('trash.empty')}
            </button>
          )}
          <SegmentedControl<Tab>
            label={t('tabs.label')}
            value={tab}
            segments={[
              { value: 'all', label: t('tabs.all') },
              { value: 'trash', label: t('tabs.trash') },
            ]}
            onChange={(next) => {
              setTab(next);
              setNotice(null);
            }}
          />
        </div>
      </div>
      <AnnotationFilters
        filters={filters}
        onChange={setFilters}
        plans={plans.data ?? []}
        tags={tags.data ?? []}
        colorNames={colorNames.data}
        onRenameTag={(tag) => setDialog({ kind: 'tag', tag })}
        onNameColors={() => setDialog({ kind: 'colors' })}
      />
      <div className="alist-notice-slot" aria-live="polite">
        {notice && (
          <p className="alist-notice" data-tone={notice.tone} role={notice.tone === 'error' ? 'alert' : undefined}>
            <span>{notice.text}</span>
            {notice.undo && (
              <button type="button" className="alist-link-button" onClick={() => void move(notice.undo!, 'back', false)}>
                {t('trash.undo')}
              </button>
            )}
            <button type="button" className="alist-notice-close" aria-label={t('dismiss')} onClick={() => setNotice(null)}>
              ×
            </button>
          </p>
        )}
      </div>
      {body}
      {dialog?.kind === 'history' && <HistoryDialog client={client} id={dialog.id} onClose={closeDialog} />}
      {dialog?.kind === 'tag' && (
        <TagRenameDialog
          client={client}
          from={dialog.tag}
          busy={library.renameTag.isPending}
          error={dialogError}
          onRename={(to) => renameTag(dialog.tag, to)}
          onCancel={closeDialog}
        />
      )}
      {dialog?.kind === 'colors' && (
        <ColorNamesDialog
          names={colorNames.data ?? {}}
          busy={library.setColorNames.isPending}
          error={dialogError}
          onSave={(names) => library.setColorNames.mutate(names, { onSuccess: closeDialog, onError: failure })}
          onCancel={closeDialog}
        />
      )}
      {dialog?.kind === 'empty' && (
        <ConfirmDialog
          title={t('trash.confirmTitle')}
          body={t('trash.confirmBody', { count: dialog.count })}
          confirm={t('trash.confirm', { count: dialog.count })}
          cancel={t('trash.cancel')}
          danger
          onConfirm={emptyTrash}
          onCancel={closeDialog}
        />
      )}
    </section>
  );
}
