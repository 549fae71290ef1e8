// The page's first render waits for the code of the view its address opens on (main.tsx,
// preloadViewOf): a page opened on the table whose shell rendered before the table's code had
// come committed the view's placeholder, which React keeps on screen until 300 ms after it
// appeared. (Code slower than the wait: view-code-late.test.tsx.)
import { screen, waitFor } from '@testing-library/react';
import { expect, it } from 'vitest';
import { startPageOnTable } from './page-on-table';

it('a page opened on the table waits for the table’s code that comes within the wait: the table first, never its placeholder', { timeout: 30_000 }, async () => {
  const page = await startPageOnTable();
  // The start data and the storage status are in; the code is not.
  await page.answered();
  // Time enough for a render that did not wait to have drawn the shell (the wait's own timer
  // is the test's, so waiting here cannot end it).
  await new Promise((resolve) => setTimeout(resolve, 500));
  expect(document.getElementById('root')!.childElementCount, 'nothing rendered while the view’s code is on its way').toBe(0);

  page.tableCodeComes();
  await waitFor(() => expect(screen.getByRole('grid')).toBeTruthy(), { timeout: 10_000 });
  expect(page.placeholders()).toBe(0);
});
