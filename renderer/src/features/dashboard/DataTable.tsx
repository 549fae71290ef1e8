// A chart's numbers as a plain table, hidden from sight but read by screen readers (and by the
// tests, which check the charts' values here).
interface Props {
  /** Id of the caption, for the chart's aria-describedby. */
  captionId: string;
  caption: string;
  /** Header of the row-label column, then one per value column. */
  columns: readonly string[];
  /** Each row's header is given in parts (e.g. 主题一 and the headline), shown space-separated. */
  rows: ReadonlyArray<{ key: string; header: readonly string[]; cells: readonly string[] }>;
}

export function DataTable({ captionId, caption, columns, rows }: Props) {
  // Hidden through a wrapper: a table sizes itself to its content whatever width it is given.
  return (
    <div className="dashboard-visually-hidden">
      <table>
        <caption id={captionId}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((c, i) => (
              <th key={i} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">
                {row.header.map((part, i) => (
                  <span key={i}>{i > 0 ? ` ${part}` : part}</span>
                ))}
              </th>
              {row.cells.map((cell, i) => (
                <td key={i}>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
