// An annotation's history: every saved state, newest first, with when it was saved, what made
// it (an edit, a restore, an import…) and its text; the chosen state beside the current one
// with what differs marked; and "Restore this version", which saves the old state as a new
// revision on the revision the reader is looking at. If the annotation changed meanwhile the
// core refuses (a conflict): the dialog says so, shows the fresh history, and overwrites nothing.
// Opened from the annotations list and from the annotation panel.
import { useQuery } from '@tanstack/react-query';
import { diffChars } from 'diff';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from '../../../i18n/ui-text';
import type { Annotation, AnnotationRevision } from '../../../../../shared/api/annotations/methods';
import { ApiCallError, isStaleWrite } from '../../../api/api-call-error';
import type { ApiClient } from '../../../api/client';
import { HTML_LANG } from '../../../i18n/i18n';
import { CloseIcon } from '../../preferences/icons';
import { useModalDialog } from '../../preferences/use-modal-dialog';
import { colorLabel } from '../library/colors';
import { useAnnotationHistory, useAnnotationWrites, useColorNames } from '../queries';
import './history.css';

export interface HistoryDialogProps {
  client: ApiClient;
  /** The annotation whose history is shown. */
  id: string;
  onClose(): void;
}

type Outcome = { tone: 'info' | 'error'; text: string } | null;

/** The annotation as stored now, under the annotations prefix so every write refreshes it. */
function useCurrentAnnotation(client: ApiClient, id: string) {
  return useQuery({
    queryKey: ['annotations', 'one', id],
    queryFn: () => client.call('annotation.get', { id }),
  });
}

export function HistoryDialog({ client, id, onClose }: HistoryDialogProps) {
  const { t, i18n } = useTranslation('annotationHistory');
  const { ref, onKeyDown, onCancel } = useModalDialog(onClose);
  const titleId = useId();
  const current = useCurrentAnnotation(client, id);
  const history = useAnnotationHistory(client, id);
  const { restoreRevision } = useAnnotationWrites(client);
  const colorNames = useColorNames(client);
  const { t: tList } = useTranslation('annotationList');
  const [chosen, setChosen] = useState<number | null>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const format = useMemo(
    () => new Intl.DateTimeFormat(HTML_LANG[i18n.language === 'en' ? 'en' : 'zh'], { dateStyle: 'medium', timeStyle: 'medium' }),
    [i18n.language],
  );

  const states = history.data ?? [];
  const now = current.data;
  // The newest state that is not the current one is what a reader most often wants back.
  const selected = states.find((s) => s.revision === chosen) ?? states.find((s) => s.revision !== now?.revision) ?? states[0];

  const restore = (state: AnnotationRevision, base: Annotation) => {
    setOutcome(null);
    restoreRevision.mutate(
      { id, baseRevision: base.revision, revision: state.revision },
      {
        onSuccess: (saved) => {
          setChosen(null);
          setOutcome({ tone: 'info', text: t('restored', { revision: state.revision, now: saved.revision }) });
        },
        onError: (error) => {
          if (isStaleWrite(error, 'annotation.restoreRevision')) {
            setOutcome({ tone: 'error', text: error.current ? t('conflict', { revision: error.current.revision }) : t('gone') });
            void current.refetch();
            void history.refetch();
          } else {
            setOutcome({ tone: 'error', text: t('failedWrite', { message: error instanceof Error ? error.message : String(error) }) });
          }
        },
      },
    );
  };

  const gone = current.error instanceof ApiCallError && current.error.code === 'NOT_FOUND';
  let body;
  if (gone) body = <p className="history-status">{t('gone')}</p>;
  else if (current.isError || history.isError)
    body = (
      <p className="history-status" role="alert">
        {t('failed')}{' '}
        <button
          type="button"
          className="history-link"
          onClick={() => {
            void current.refetch();
            void history.refetch();
          }}
        >
          {t('retry')}
        </button>
      </p>
    );
  else if (!now || !history.data)
    body = (
      <p className="history-status" role="status">
        {t('loading')}
      </p>
    );
  else
    body = (
      <div className="history-panes">
        <nav aria-label={t('states')}>
          <ol className="history-states">
            {states.map((state) => {
              const isCurrent = state.revision === now.revision;
              return (
                <li key={state.revision}>
                  <button
                    type="button"
                    className="history-state"
                    aria-pressed={state.revision === selected?.revision}
                    onClick={() => setChosen(state.revision)}
                  >
                    <span className="history-state-when">
                      <time dateTime={state.savedAt}>{format.format(new Date(state.savedAt))}</time>
                    </span>
                    <span className="history-state-what">
                      {t(`reason.${state.reason}`)} · {t('revision', { revision: state.revision })}
                      {isCurrent && <span className="history-current">{t('current')}</span>}
                    </span>
                    <span className="history-state-text">{state.body.trim() ? state.body : t('noNote')}</span>
                  </button>
                </li>
              );
            })}
          </ol>
        </nav>
        {selected && (
          <StateDetail
            state={selected}
            current={now}
            colorName={selected.color ? colorLabel(selected.color, colorNames.data, tList) : null}
            busy={restoreRevision.isPending}
            onRestore={() => restore(selected, now)}
          />
        )}
      </div>
    );

  return (
    <dialog ref={ref} className="dialog-surface dialog-sheet history-dialog" aria-labelledby={titleId} onKeyDown={onKeyDown} onCancel={onCancel}>
      <div className="dialog-header">
        <h2 id={titleId}>{t('title')}</h2>
        <button type="button" className="icon-button history-close" aria-label={t('close')} title={t('close')} onClick={onClose}>
          <CloseIcon />
        </button>
      </div>
      {now?.target && (
        <p className="history-subject">
          <mark>{now.target.selectors.quote.exact}</mark>
        </p>
      )}
      {outcome && (
        <p className="history-outcome" data-tone={outcome.tone} role={outcome.tone === 'error' ? 'alert' : 'status'}>
          {outcome.text}
        </p>
      )}
      {body}
    </dialog>
  );
}

interface StateDetailProps {
  state: AnnotationRevision;
  current: Annotation;
  colorName: string | null;
  busy: boolean;
  onRestore(): void;
}

function StateDetail({ state, current, colorName, busy, onRestore }: StateDetailProps) {
  const { t } = useTranslation('annotationHistory');
  const isCurrent = state.revision === current.revision;
  const same = state.body === current.body && state.color === current.color && state.tags.join('\n') === current.tags.join('\n');
  const parts = useMemo(() => (isCurrent ? [] : diffChars(state.body, current.body)), [isCurrent, state.body, current.body]);
  return (
    <section className="history-detail" aria-label={t('revision', { revision: state.revision })}>
      <h3>
        {t('revision', { revision: state.revision })}
        {isCurrent && <span className="history-current">{t('current')}</span>}
      </h3>
      <p className="history-meta">
        {colorName && <span>{t('color', { color: colorName })}</span>}
        <span>{t('tags', { tags: state.tags.length ? state.tags.join('、') : t('noTags') })}</span>
      </p>
      <div className="history-text">{state.body.trim() ? state.body : <span className="history-faint">{t('noNote')}</span>}</div>
      {!isCurrent && (
        <>
          <h4>{t('compare')}</h4>
          {same ? (
            <p className="history-faint">{t('sameAsCurrent')}</p>
          ) : (
            <p className="history-diff" aria-label={t('compare')}>
              {parts.map((part, i) =>
                part.added ? (
                  <ins key={i} title={t('added')}>
                    {part.value}
                  </ins>
                ) : part.removed ? (
                  <del key={i} title={t('removed')}>
                    {part.value}
                  </del>
                ) : (
                  <span key={i}>{part.value}</span>
                ),
              )}
            </p>
          )}
          {current.deletedAt !== null ? (
            <p className="history-faint history-actions">{t('inTrash')}</p>
          ) : (
            <div className="history-actions">
              <button type="button" className="dialog-primary" disabled={busy} onClick={onRestore}>
                {busy ? t('restoring') : t('restore')}
              </button>
            </div>
          )}
        </>
      )}
    </section>
  );
}
