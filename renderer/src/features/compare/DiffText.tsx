// One side of a diff: the left shows the equal and deleted stretches, the right the equal and
// inserted ones. Deletions are struck through and insertions underlined (they print in black
// and white, and do not rely on colour); a change of punctuation width only is boxed with dots
// and says what changed in its tooltip.
import { useTranslation } from '../../i18n/ui-text';
import type { DiffPart } from '../../../../shared/api/compare/methods';

interface Props {
  parts: readonly DiffPart[] | null;
  /** The text as it is, when there is no diff to show. */
  plain: string;
  side: 'left' | 'right';
}

export function DiffText({ parts, plain, side }: Props) {
  const { t } = useTranslation('compare');
  if (!parts) return <>{plain}</>;
  const show = side === 'left' ? 'delete' : 'insert';
  return (
    <>
      {parts.map((p, i) => {
        if (p.op === 'equal') return <span key={i}>{p.text}</span>;
        if (p.op !== show) return null;
        if (p.punctuationWidth) {
          // The other width sits next to it: the delete before its insert.
          const other = parts[p.op === 'delete' ? i + 1 : i - 1];
          const [from, to] = p.op === 'delete' ? [p.text, other?.text ?? ''] : [other?.text ?? '', p.text];
          const Tag = p.op === 'delete' ? 'del' : 'ins';
          return (
            <Tag key={i} className="compare-width" title={t('widthChange', { from, to })}>
              {p.text}
            </Tag>
          );
        }
        return p.op === 'delete' ? <del key={i}>{p.text}</del> : <ins key={i}>{p.text}</ins>;
      })}
    </>
  );
}
