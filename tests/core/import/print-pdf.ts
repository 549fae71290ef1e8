// PDFs printed by headless Chromium from the test's own HTML, as a government site's "print to
// PDF" or WPS export would make them: a text layer in a CJK font, running header and footer
// with page numbers (@page margin boxes), several pages.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

export async function printPdf(html: string): Promise<Uint8Array> {
  const profile = mkdtempSync(join(tmpdir(), 'briefbook-print-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await context.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    return new Uint8Array(await page.pdf({ format: 'A4', preferCSSPageSize: true }));
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}
