// The outline found in a file, as the import will store it: each heading with its marker, the
// theme and initiative levels marked, and beside each heading three buttons — promote (one
// level up), demote (under the heading before it) and merge (into the section before it). The
// buttons are real buttons in the tab order; they stay faint until their row is hovered or
// focused, so the tree reads as an outline. A step that cannot apply is disabled.
import { useTranslation } from '../../i18n/ui-text';
import type { OutlineEdit } from '../../../../shared/api/import/methods';
import type { LevelKind, Section } from '../../../../shared/domain/document';
import { blockText } from '../../../../shared/domain/document';

interface Props {
  sections: readonly Section[];
  levels: { theme: LevelKind | null; item: LevelKind | null };
  disabled: boolean;
  onEdit(edit: OutlineEdit): void;
}

const SNIPPET = 36;

/** What a heading row shows: the heading, or for a heading-less level (第一条) its first words. */
export function headingText(section: Section): string {
  if (section.heading) return section.heading;
  const first = section.blocks[0];
  if (!first) return '';
  const text = [...blockText(first)];
  return text.length > SNIPPET ? `${text.slice(0, SNIPPET).join('')}…` : text.join('');
}

export function OutlineTree({ sections, levels, disabled, onEdit }: Props) {
  const { t } = useTranslation('importPlan');
  if (sections.length === 0) return <p className="import-outline-empty">{t('outline.empty')}</p>;
  const firstId = sections[0]!.id;

  const render = (list: readonly Section[], depth: number) => (
    <ol className="import-tree-level">
      {list.map((section, index) => {
        const heading = headingText(section);
        const name = `${section.numbering}${heading}`.trim() || t('outline.untitled');
        const tag = section.kind === levels.theme ? 'theme' : section.kind === levels.item ? 'item' : null;
        return (
          <li key={section.id} data-kind={section.kind} data-level={tag ?? undefined}>
            <div className="import-node" style={{ paddingInlineStart: `${0.6 + depth * 1.25}rem` }}>
              <span className="import-node-text">
                {section.numbering && <span className="import-node-marker">{section.numbering}</span>}
                <span className="import-node-heading">{heading || t('outline.untitled')}</span>
              </span>
              {tag && <span className={`import-node-tag import-node-tag-${tag}`}>{t(tag === 'theme' ? 'levels.themeTag' : 'levels.itemTag')}</span>}
              <span className="import-node-actions">
                <button
                  type="button"
                  aria-label={t('outline.promoteLabel', { heading: name })}
                  className="import-op import-op-promote"
                  disabled={disabled || depth === 0}
                  onClick={() => onEdit({ op: 'promote', sectionId: section.id })}
                >
                  {t('outline.promote')}
                </button>
                <button
                  type="button"
                  aria-label={t('outline.demoteLabel', { heading: name })}
                  className="import-op import-op-demote"
                  disabled={disabled || index === 0}
                  onClick={() => onEdit({ op: 'demote', sectionId: section.id })}
                >
                  {t('outline.demote')}
                </button>
                <button
                  type="button"
                  aria-label={t('outline.mergeLabel', { heading: name })}
                  className="import-op import-op-merge"
                  disabled={disabled || section.id === firstId}
                  onClick={() => onEdit({ op: 'merge', sectionId: section.id })}
                >
                  {t('outline.merge')}
                </button>
              </span>
            </div>
            {section.children.length > 0 && render(section.children, depth + 1)}
          </li>
        );
      })}
    </ol>
  );

  return render(sections, 0);
}
