// The CSV export: one row per annotation (not in the trash), in reading order, as the table's
// CSV export writes files (UTF-8 with a BOM, formulas neutralised: electron/core/csv).
import { toCsv } from '../../csv/write-csv';
import type { ExportInput } from './entries';
import { EXPORT_LABELS } from './labels';

const LIST_SEPARATOR = { zh: '、', en: '; ' } as const;

export function writeCsv(input: ExportInput): string {
  const l = EXPORT_LABELS[input.language];
  const rows: (string | number | null)[][] = [[...l.columns]];
  for (const { annotation: a, place } of input.entries) {
    rows.push([
      place.planTitle ?? a.planId,
      place.themeHeadline,
      place.itemNumeral,
      place.itemHeadline,
      l.kind[a.kind],
      a.target?.selectors.quote.exact ?? null,
      a.body,
      a.tags.join(LIST_SEPARATOR[input.language]),
      a.color ? l.color[a.color] : null,
      a.color ? (input.colorNames[a.color] ?? null) : null,
      a.target ? `${a.target.part}/${a.target.language}` : null,
      a.anchor ? l.anchor[a.anchor.status] : null,
      a.createdAt,
      a.modifiedAt,
      a.planId,
      a.itemId,
      a.id,
    ]);
  }
  return toCsv(rows);
}
