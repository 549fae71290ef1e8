// The first render's wait for the view's code (view-code-first.test.tsx) is bounded: code
// slower than FIRST_DATA_WAIT_MS gets the view's placeholder, then the view once it comes.
import { screen, waitFor } from '@testing-library/react';
import { expect, it } from 'vitest';
import { startPageOnTable } from './page-on-table';

it('a page opened on the table does not wait for its code past the bound: the placeholder, then the table once its code comes', { timeout: 30_000 }, async () => {
  const page = await startPageOnTable();
  await page.answered();
  page.endWait();
  await waitFor(() => expect(document.querySelector('.view-loading')).not.toBeNull(), { timeout: 10_000 });
  expect(screen.queryByRole('grid')).toBeNull();

  page.tableCodeComes();
  await waitFor(() => expect(screen.getByRole('grid')).toBeTruthy(), { timeout: 10_000 });
  expect(document.querySelector('.view-loading')).toBeNull();
  expect(page.placeholders()).toBeGreaterThan(0);
});
