// The plan's masthead: title, where and when it was published, its theme line and the lead.
import type { ReactNode } from 'react';
import type { PlanMeta } from '../../../shared/domain/plan';
import { useStrings } from '../i18n/use-strings';
import { formatPublished, paragraphs, publishedDateTime } from './format';

export function PlanHeader({ meta }: { meta: PlanMeta }) {
  const s = useStrings();
  const primary: Array<[string, ReactNode]> = [];
  if (meta.source) primary.push([s.meta.source, meta.source]);
  if (meta.column) primary.push([s.meta.column, meta.column]);
  if (meta.publishedAt)
    primary.push([
      s.meta.published,
      <time dateTime={publishedDateTime(meta.publishedAt)}>{formatPublished(meta.publishedAt)}</time>,
    ]);
  if (meta.author) primary.push([s.meta.author, meta.author]);
  const credits: Array<[string, string]> = [];
  if (meta.editor) credits.push([s.meta.editor, meta.editor]);
  if (meta.graphics) credits.push([s.meta.graphics, meta.graphics]);

  return (
    <header className="plan-header">
      <p className="app-mark">{s.appName}</p>
      <h1 className="plan-title">{meta.title}</h1>
      <dl className="plan-meta" aria-label={s.meta.label}>
        {primary.map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
        {credits.map(([term, value]) => (
          <div key={term} className="credit">
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <div className="plan-intro">
        {meta.themeLine && (
          <p className="theme-line">
            <span className="theme-line-label">{s.themeLine}</span>
            <strong className="theme-line-text">{meta.themeLine}</strong>
          </p>
        )}
        {meta.lead && (
          <details className="lead">
            <summary>{s.lead}</summary>
            <div className="lead-text">
              {paragraphs(meta.lead).map((p, i) => (
                <p key={i}>{p}</p>
              ))}
              {meta.authorNote && (
                <p className="author-note">
                  <span className="author-note-label">{s.authorNote}</span> {meta.authorNote}
                </p>
              )}
            </div>
          </details>
        )}
      </div>
    </header>
  );
}
