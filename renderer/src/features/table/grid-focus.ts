// Spreadsheet-like Up/Down between the same column's editors in neighbouring rows. Rows are
// virtualized, so only rendered rows (the viewport plus overscan) can take focus; the browser
// scrolls the focused editor into view, and the virtualizer renders the next rows in turn.

const FOCUSABLE = 'input, select, button, [tabindex]:not([tabindex="-1"])';

export function moveFocusVertically(from: HTMLElement, step: 1 | -1): boolean {
  const cell = from.closest<HTMLElement>('[data-col]');
  const row = from.closest<HTMLElement>('[data-line]');
  const grid = from.closest<HTMLElement>('[role="grid"]');
  if (!cell || !row || !grid) return false;
  let line = Number(row.dataset.line);
  // Skip group header lines.
  for (let hops = 0; hops < 3; hops++) {
    line += step;
    const next = grid.querySelector<HTMLElement>(`[data-line="${line}"] [data-col="${cell.dataset.col}"]`);
    const target = next?.querySelector<HTMLElement>(FOCUSABLE);
    if (target) {
      target.focus();
      return true;
    }
    if (!grid.querySelector(`[data-line="${line}"]`)) return false;
  }
  return false;
}
