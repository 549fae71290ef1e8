// The comparison view (#/compare/<left>/<right>): two plans, or two versions of one, side by
// side. A summary of the changes at the top; the items paired row by row below, added and
// removed items marked, the edits inside an item marked inline. The reader steps through the
// changes with the buttons or the keyboard (N / P, F8 / Shift+F8; plain letters because the
// view has no text field but the filter checkbox), narrows the list to the changes, prints it
// or exports it as HTML or CSV.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from '../../i18n/ui-text';
import type { Comparison, CompareItem, CompareRow } from '../../../../shared/api/compare/methods';
import { isChange } from '../../../../shared/domain/comparison';
import type { ApiClient } from '../../api/client';
import { ErrorScreen } from '../../components/ErrorScreen';
import { downloadCsv, downloadText } from '../table/download';
import { printWhenReady } from '../../shell/print';
import { DiffText } from './DiffText';
import './compare.css';

interface Props {
  client: ApiClient;
  leftPlanId: string;
  rightPlanId: string;
  libraryHref: string;
}

const messageOf = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** Keys typed into a field are the field's. */
function typing(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
}

export function CompareView({ client, leftPlanId, rightPlanId, libraryHref }: Props) {
  const { t, i18n } = useTranslation('compare');
  // Comparisons are read-only and cheap to redo: cached under the two ids like other reads
  // (a library change invalidates nothing here; the view is opened fresh from the library).
  const query = useQuery({
    queryKey: ['compare', leftPlanId, rightPlanId],
    queryFn: () => client.call('compare.plans', { leftPlanId, rightPlanId }),
  });
  const [onlyChanges, setOnlyChanges] = useState(false);
  const [active, setActive] = useState<number | null>(null);
  const [message, setMessage] = useState<{ text: string; failed: boolean } | null>(null);
  const rowRefs = useRef(new Map<number, HTMLElement>());
  const load = query.isPending
    ? ({ status: 'loading' } as const)
    : query.isError
      ? ({ status: 'error', error: query.error } as const)
      : ({ status: 'ready', comparison: query.data } as const);

  const data = query.data;
  /** Indexes (into rows) of the changes, in order. */
  const changes = useMemo(() => (data?.rows ?? []).flatMap((row, i) => (isChange(row) ? [i] : [])), [data]);
  /** The theme heading shown above each row (where the theme changes), or null. */
  const themeAbove = useMemo(() => themeHeadings(data?.rows ?? []), [data]);

  // From the latest state, not the one this render saw: key presses can come faster than renders.
  const step = useCallback(
    (direction: 1 | -1) => {
      if (changes.length === 0) return;
      setActive((current) => {
        const at = current === null ? -1 : changes.indexOf(current);
        const next = at < 0 ? (direction === 1 ? 0 : changes.length - 1) : Math.min(changes.length - 1, Math.max(0, at + direction));
        return changes[next]!;
      });
    },
    [changes],
  );

  useEffect(() => {
    if (active === null) return;
    const el = rowRefs.current.get(active);
    el?.focus({ preventScroll: true });
    el?.scrollIntoView?.({ block: 'center', behavior: 'smooth' });
  }, [active]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || typing(e.target) || e.ctrlKey || e.metaKey || e.altKey) return;
      const key = e.key.toLowerCase();
      if ((key === 'n' && !e.shiftKey) || (e.key === 'F8' && !e.shiftKey)) step(1);
      else if ((key === 'p' && !e.shiftKey) || (e.key === 'F8' && e.shiftKey)) step(-1);
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [step]);

  const exportAs = async (format: 'html' | 'csv') => {
    try {
      const language = i18n.language === 'en' ? 'en' : 'zh';
      const { fileName, content } = await client.call('compare.export', { leftPlanId, rightPlanId, format, language });
      if (format === 'csv') downloadCsv(fileName, content);
      else downloadText(fileName, content, 'text/html;charset=utf-8');
      setMessage({ text: t('exported', { fileName }), failed: false });
    } catch (err) {
      setMessage({ text: t('exportFailed', { message: messageOf(err) }), failed: true });
    }
  };

  if (load.status === 'loading') {
    return (
      <section className="compare">
        <p className="compare-status" role="status">
          {t('loading')}
        </p>
      </section>
    );
  }
  if (load.status === 'error') {
    return (
      <section className="compare">
        <a className="compare-back" href={libraryHref}>
          ← {t('back')}
        </a>
        <ErrorScreen variant="inline" title={t('failed')} error={load.error} onRetry={() => void query.refetch()} />
      </section>
    );
  }

  const { comparison } = load;
  const { counts } = comparison;
  const sideName = (s: Comparison['left']) => t('side', { title: s.title, version: s.version, count: s.itemCount });
  const activeAt = active === null ? 0 : changes.indexOf(active) + 1;

  return (
    <section className="compare" aria-labelledby="compare-title">
      <header className="compare-header">
        <a className="compare-back" href={libraryHref}>
          ← {t('back')}
        </a>
        <h2 id="compare-title">{t('title')}</h2>
        <p className="compare-basis">{t(`basis.${comparison.basis}`)}</p>
        <div className="compare-summary" aria-label={t('counts.label')}>
          <strong className="compare-total">{t('counts.changes', { count: counts.changes })}</strong>
          <ul className="compare-counts">
            {(['edited', 'added', 'removed', 'moved', 'renumbered', 'unchanged'] as const).map((k) => (
              <li key={k} data-kind={k} data-zero={counts[k] === 0 || undefined}>
                <span>{t(`counts.${k}`)}</span> <b>{counts[k]}</b>
              </li>
            ))}
          </ul>
        </div>
        <div className="compare-tools">
          <label className="compare-filter">
            <input type="checkbox" checked={onlyChanges} onChange={(e) => setOnlyChanges(e.target.checked)} />
            {t('onlyChanges')}
          </label>
          <div className="compare-stepper" role="group">
            <button type="button" title={t('previousHint')} aria-keyshortcuts="P Shift+F8" disabled={changes.length === 0} onClick={() => step(-1)}>
              ↑ {t('previous')}
            </button>
            <span className="compare-position" aria-live="polite">
              {/* Before the first step the slot says how many there are, so the buttons do not stand
                 apart round an empty gap (and do not move once it fills). */}
              {active === null ? t('position', { at: '–', count: changes.length }) : t('position', { at: activeAt, count: changes.length })}
            </span>
            <button type="button" title={t('nextHint')} aria-keyshortcuts="N F8" disabled={changes.length === 0} onClick={() => step(1)}>
              ↓ {t('next')}
            </button>
          </div>
          <span className="compare-tools-gap" />
          <button type="button" className="compare-action" onClick={() => void printWhenReady()}>
            {t('print')}
          </button>
          <button type="button" className="compare-action" onClick={() => void exportAs('html')}>
            {t('exportHtml')}
          </button>
          <button type="button" className="compare-action" onClick={() => void exportAs('csv')}>
            {t('exportCsv')}
          </button>
        </div>
        {message && (
          <p className={message.failed ? 'compare-message compare-message-failed' : 'compare-message'} role={message.failed ? 'alert' : 'status'}>
            {message.text}
          </p>
        )}
        <p className="compare-legend">
          <del>{t('kind.removed')}</del> <ins>{t('kind.added')}</ins> <span className="compare-width">，</span>
          <span className="compare-width">,</span> — {t('legend')}
        </p>
      </header>
      {counts.changes === 0 && <p className="compare-status">{t('none')}</p>}
      <div className="compare-grid">
        <div className="compare-head">
          <span />
          <h3>
            <span className="compare-side-tag">{t('older')}</span> {sideName(comparison.left)}
          </h3>
          <h3>
            <span className="compare-side-tag">{t('newer')}</span> {sideName(comparison.right)}
          </h3>
        </div>
        {comparison.rows.map((row, i) => {
          const change = isChange(row);
          if (onlyChanges && !change) return null;
          const theme = onlyChanges ? null : themeAbove[i];
          return (
            <div key={i} className="compare-block">
              {theme && <h4 className="compare-theme">{theme}</h4>}
              <RowView
                row={row}
                change={change}
                active={active === i}
                refCallback={(el) => {
                  if (el) rowRefs.current.set(i, el);
                  else rowRefs.current.delete(i);
                }}
                onActivate={() => change && setActive(i)}
              />
            </div>
          );
        })}
      </div>
    </section>
  );
}

function themeHeadings(rows: readonly CompareRow[]): (string | null)[] {
  const themeOf = (row: CompareRow) => (row.right ?? row.left)!.theme;
  return rows.map((row, i) => {
    const theme = themeOf(row);
    return theme && (i === 0 || theme !== themeOf(rows[i - 1]!)) ? theme : null;
  });
}

function RowView({
  row,
  change,
  active,
  refCallback,
  onActivate,
}: {
  row: CompareRow;
  change: boolean;
  active: boolean;
  refCallback(el: HTMLElement | null): void;
  onActivate(): void;
}) {
  const { t } = useTranslation('compare');
  const kinds: string[] = [];
  if (row.kind !== 'unchanged') kinds.push(t(`kind.${row.kind}`));
  if (row.moved) kinds.push(t('kind.moved'));
  if (row.renumbered) kinds.push(t('kind.renumbered'));
  if (row.punctuationOnly) kinds.push(t('kind.punctuation'));
  const headline = (row.right ?? row.left)!.headline;
  return (
    <div
      ref={refCallback}
      role="group"
      className="compare-row"
      data-kind={row.kind}
      data-change={change || undefined}
      data-active={active || undefined}
      tabIndex={change ? -1 : undefined}
      aria-label={change ? t('rowLabel', { kind: kinds.join(' · '), headline }) : undefined}
      onClick={onActivate}
    >
      <div className="compare-kinds" aria-hidden="true">
        {kinds.map((k) => (
          <span key={k} className="compare-kind">
            {k}
          </span>
        ))}
      </div>
      <Cell item={row.left} row={row} side="left" />
      <Cell item={row.right} row={row} side="right" />
    </div>
  );
}

function Cell({ item, row, side }: { item: CompareItem | null; row: CompareRow; side: 'left' | 'right' }) {
  const { t } = useTranslation('compare');
  if (!item) {
    return (
      <div className="compare-cell compare-cell-empty">
        <span>{t('emptySide')}</span>
      </div>
    );
  }
  return (
    <div className="compare-cell" data-side={side}>
      <div className="compare-headline">
        <span className="compare-numeral" data-changed={row.renumbered || undefined}>
          {item.numeral}
        </span>
        <DiffText parts={row.headlineDiff} plain={item.headline} side={side} />
      </div>
      {item.body && (
        <p className="compare-body">
          <DiffText parts={row.bodyDiff} plain={item.body} side={side} />
        </p>
      )}
    </div>
  );
}
