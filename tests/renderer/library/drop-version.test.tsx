// A file dropped on a plan's row in the library starts a version import of that plan (the same
// preview as its "Import new version…"), not an import of a new plan; a file dropped elsewhere
// on the window is still a new plan.
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { installDialogPolyfill } from '../preferences/dialog-polyfill';
import { atAddress, renderApp, resetApp } from '../render-app';
import { PLAN_ID } from '../plan-fixture';
import { callsOf, createFakeLibrary, EMBEDDED, REGULATION, WORK_PLAN } from './fake-library';

beforeAll(installDialogPolyfill);
beforeEach(() => atAddress('#/library'));
afterEach(resetApp);

const file = (name: string) => new File(['试点工作方案\n一、总体要求\n坚持问题导向。\n'], name, { type: 'text/plain' });
const rowOf = (title: string) => screen.getByRole('button', { name: title }).closest('li')!;

describe('dropping a file on a plan in the library', { timeout: 20_000 }, () => {
  it('previews it as a new version of that plan', async () => {
    const fake = createFakeLibrary([EMBEDDED, WORK_PLAN, REGULATION], { 'ui.currentPlan': PLAN_ID });
    renderApp({ fake });
    await screen.findByRole('button', { name: WORK_PLAN.title }, { timeout: 15_000 });
    const row = rowOf(WORK_PLAN.title);
    const dataTransfer = { types: ['Files'], files: [file('修订稿.txt')], dropEffect: 'none' };
    fireEvent.dragEnter(window, { dataTransfer });
    fireEvent.dragOver(row, { dataTransfer });
    expect(row.getAttribute('data-dropping')).toBe('true');
    expect(row.textContent).toContain(`松开鼠标，将文件导入为“${WORK_PLAN.title}”的新版本`);
    fireEvent.drop(row, { dataTransfer });
    expect(row.hasAttribute('data-dropping')).toBe(false);

    await waitFor(() => expect(callsOf(fake, 'import.preview')).toHaveLength(1));
    expect(callsOf(fake, 'import.preview')[0]).toMatchObject({ fileName: '修订稿.txt', versionOf: WORK_PLAN.id });
    const dialog = await screen.findByRole('dialog', { name: '导入预览' });
    // The window's own drop (a new plan) did not queue the file a second time.
    await waitFor(() => expect(dialog.textContent).toContain('修订稿.txt'));
    expect(dialog.textContent).not.toContain('共 2 个');
    expect(screen.queryByText('松开即可导入')).toBeNull();
  });

  it('a file dropped beside the rows is still imported as a new plan', async () => {
    const fake = createFakeLibrary([EMBEDDED, WORK_PLAN, REGULATION], { 'ui.currentPlan': PLAN_ID });
    renderApp({ fake });
    await screen.findByRole('button', { name: WORK_PLAN.title }, { timeout: 15_000 });
    const dataTransfer = { types: ['Files'], files: [file('新方案.txt')], dropEffect: 'none' };
    fireEvent.dragEnter(window, { dataTransfer });
    fireEvent.dragOver(window, { dataTransfer });
    fireEvent.drop(window, { dataTransfer });
    await waitFor(() => expect(callsOf(fake, 'import.preview')).toHaveLength(1));
    expect(callsOf(fake, 'import.preview')[0]).not.toHaveProperty('versionOf');
  });
});
