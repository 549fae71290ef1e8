// What the printed table holds: every row in scope (matching the search and filters, in the
// current sort), not only the rows the virtual grid happens to have drawn around the scroll
// position. A printout that silently stops at whatever was scrolled into view would mislead a
// reader taking it to a meeting; the filters are how the reader says which rows to print.
// Print (Ctrl+P, the File menu) asks the view first (PRINT_EVENT): the table loads the rows it
// lacks, draws them all as a print table (PrintTable), then prints, and drops it afterwards. The
// browser's own print menu bypasses the command: then the rows loaded so far are printed.
import { useEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { PRINT_EVENT } from '../../shell/default-commands';
import { printWhenReady } from '../../shell/print';
import type { PageCache } from './page-cache';

/** At most this many rows go on paper (a 20,000-row printout helps nobody; filter first). */
export const PRINT_ROW_LIMIT = 2000;

export function usePrintAllRows(cache: PageCache, total: number): boolean {
  const [printing, setPrinting] = useState(false);
  const preparing = useRef(false);
  useEffect(() => {
    const onPrint = (event: Event) => {
      // This view prints itself once its rows are there.
      event.preventDefault();
      if (preparing.current) return;
      preparing.current = true;
      const last = Math.min(total, PRINT_ROW_LIMIT) - 1;
      const loaded = last >= 0 ? cache.rows(0, last).then(() => undefined) : Promise.resolve();
      void loaded
        .catch(() => undefined)
        .then(() => {
          flushSync(() => setPrinting(true));
          return printWhenReady();
        });
    };
    const onBeforePrint = () => {
      if (!preparing.current) flushSync(() => setPrinting(true));
    };
    const onAfterPrint = () => {
      preparing.current = false;
      setPrinting(false);
    };
    window.addEventListener(PRINT_EVENT, onPrint);
    window.addEventListener('beforeprint', onBeforePrint);
    window.addEventListener('afterprint', onAfterPrint);
    return () => {
      window.removeEventListener(PRINT_EVENT, onPrint);
      window.removeEventListener('beforeprint', onBeforePrint);
      window.removeEventListener('afterprint', onAfterPrint);
    };
  }, [cache, total]);
  return printing;
}
