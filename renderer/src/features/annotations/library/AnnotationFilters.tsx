// The filters of the annotations view: plan, kind, colour (by the reader's names), tag (with
// rename/merge beside it), anchoring, and the sort. Every choice is a native control, so the
// keyboard reaches and works each one as it does elsewhere in the app.
import { useTranslation } from '../../../i18n/ui-text';
import type { AnchorStatus } from '../../../../../shared/domain/anchoring';
import {
  HIGHLIGHT_COLORS,
  type AnnotationKind,
  type AnnotationSort,
  type ColorNames,
  type HighlightColor,
} from '../../../../../shared/api/annotations/methods';
import type { PlanSummary, TagCount } from '../../../../../shared/api/contract';
import { colorLabel } from './colors';
import { Select } from '../../../components/Select';

export interface Filters {
  planId: string | null;
  kind: AnnotationKind | null;
  color: HighlightColor | null;
  tag: string | null;
  anchor: AnchorStatus | null;
  sort: AnnotationSort;
}

export const NO_FILTERS: Filters = { planId: null, kind: null, color: null, tag: null, anchor: null, sort: 'modified' };

export function hasFilters(f: Filters): boolean {
  return f.planId !== null || f.kind !== null || f.color !== null || f.tag !== null || f.anchor !== null;
}

const KINDS: AnnotationKind[] = ['highlight', 'note'];
const ANCHORS: AnchorStatus[] = ['anchored', 'relocated', 'ambiguous', 'orphaned'];
const SORTS: AnnotationSort[] = ['modified', 'created', 'text'];

interface Props {
  filters: Filters;
  onChange(filters: Filters): void;
  plans: PlanSummary[];
  tags: TagCount[];
  colorNames: ColorNames | undefined;
  onRenameTag(tag: string): void;
  onNameColors(): void;
}

export function AnnotationFilters({ filters, onChange, plans, tags, colorNames, onRenameTag, onNameColors }: Props) {
  const { t } = useTranslation('annotationList');
  const set = <K extends keyof Filters>(key: K, value: Filters[K]) => onChange({ ...filters, [key]: value });
  // A tag chosen before it was renamed away still shows as chosen, so the reader sees the filter.
  const tagChoices = filters.tag && !tags.some((c) => c.tag === filters.tag) ? [{ tag: filters.tag, count: 0 }, ...tags] : tags;
  return (
    <div className="alist-filters" role="group" aria-label={t('filters.label')}>
      <label className="alist-field">
        <span>{t('filters.plan')}</span>
        <Select value={filters.planId ?? ''} onChange={(e) => set('planId', e.target.value || null)}>
          <option value="">{t('filters.allPlans')}</option>
          {plans.map((p) => (
            <option key={p.id} value={p.id}>
              {p.title}
            </option>
          ))}
        </Select>
      </label>
      <label className="alist-field">
        <span>{t('filters.kind')}</span>
        <Select value={filters.kind ?? ''} onChange={(e) => set('kind', (e.target.value || null) as AnnotationKind | null)}>
          <option value="">{t('filters.allKinds')}</option>
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`filters.${k}`)}
            </option>
          ))}
        </Select>
      </label>
      <label className="alist-field">
        <span>{t('filters.tag')}</span>
        <Select value={filters.tag ?? ''} onChange={(e) => set('tag', e.target.value || null)}>
          <option value="">{t('filters.allTags')}</option>
          {tagChoices.map((c) => (
            <option key={c.tag} value={c.tag}>
              {c.tag}
            </option>
          ))}
        </Select>
      </label>
      {filters.tag && (
        <button
          type="button"
          className="alist-link-button"
          aria-label={t('filters.renameTagOf', { tag: filters.tag })}
          onClick={() => onRenameTag(filters.tag!)}
        >
          {t('filters.renameTag')}
        </button>
      )}
      <label className="alist-field">
        <span>{t('filters.anchor')}</span>
        <Select value={filters.anchor ?? ''} onChange={(e) => set('anchor', (e.target.value || null) as AnchorStatus | null)}>
          <option value="">{t('filters.allAnchors')}</option>
          {ANCHORS.map((a) => (
            <option key={a} value={a}>
              {t(`anchor.${a}`)}
            </option>
          ))}
        </Select>
      </label>
      <div className="alist-colors">
        <div className="alist-color-group" role="group" aria-label={t('filters.color')}>
          <button type="button" aria-pressed={filters.color === null} onClick={() => set('color', null)}>
            {t('filters.allColors')}
          </button>
          {HIGHLIGHT_COLORS.map((color) => (
            <button
              key={color}
              type="button"
              data-color={color}
              aria-pressed={filters.color === color}
              onClick={() => set('color', filters.color === color ? null : color)}
            >
              <span className="alist-swatch" data-color={color} aria-hidden="true" />
              {colorLabel(color, colorNames, t)}
            </button>
          ))}
        </div>
        <button type="button" className="alist-link-button" onClick={onNameColors}>
          {t('filters.nameColors')}
        </button>
        {hasFilters(filters) && (
          <button type="button" className="alist-link-button" onClick={() => onChange({ ...NO_FILTERS, sort: filters.sort })}>
            {t('filters.clear')}
          </button>
        )}
        {/* The sort ends this row, on the right: at the end of the selects' row it wrapped alone
            onto a line of its own once the window was narrow. */}
        <label className="alist-field alist-sort">
          <span>{t('filters.sort')}</span>
          <Select value={filters.sort} onChange={(e) => set('sort', e.target.value as AnnotationSort)}>
            {SORTS.map((s) => (
              <option key={s} value={s}>
                {t(`sort.${s}`)}
              </option>
            ))}
          </Select>
        </label>
      </div>
    </div>
  );
}
