// English for an imported plan: until a translation is attached, English and side by side say
// why there is none and how to get one (a template to download, a file to attach); attaching
// one loads it into the reading view.
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ok } from '../fake-bridge';
import { atAddress, renderApp, resetApp } from '../render-app';
import { TRANSLATION } from '../plan-fixture';
import { callsOf, createFakeLibrary, EMBEDDED, WORK_PLAN } from './fake-library';

beforeEach(() => atAddress());
afterEach(resetApp);

function setup(mode: 'en' | 'both') {
  const fake = createFakeLibrary([EMBEDDED, WORK_PLAN], { 'ui.currentPlan': WORK_PLAN.id, 'ui.readingMode': mode });
  let attached = false;
  const bridge = fake.bridge as unknown as Record<string, (args: never) => Promise<unknown>>;
  bridge['plan.translation'] = async (args) => {
    fake.calls.push({ method: 'plan.translation', args });
    return ok(attached ? { ...TRANSLATION, planId: WORK_PLAN.id } : null);
  };
  bridge['translation.template'] = async (args) => {
    fake.calls.push({ method: 'translation.template' as never, args });
    return ok({ fileName: 'template.en.json', json: '{"items":{}}' });
  };
  bridge['translation.attach'] = async (args) => {
    fake.calls.push({ method: 'translation.attach' as never, args });
    attached = true;
    return ok({ language: 'en', matched: 12, total: 12 });
  };
  renderApp({ fake });
  return fake;
}

describe('a plan without English', { timeout: 20_000 }, () => {
  for (const mode of ['en', 'both'] as const) {
    it(`says why in the ${mode} mode and offers the template and the attach button`, async () => {
      setup(mode);
      expect(await screen.findByText('这份计划暂无英文译文，下面显示中文原文。')).toBeTruthy();
      expect(screen.getByRole('button', { name: '下载翻译模板' })).toBeTruthy();
      expect(screen.getByRole('button', { name: '附加译文文件…' })).toBeTruthy();
    });
  }

  it('attaching a translation file sends its text and loads the English', async () => {
    const fake = setup('en');
    await screen.findByRole('button', { name: '附加译文文件…' });
    const input = screen.getByLabelText('选择要附加的译文文件') as HTMLInputElement;
    const file = new File(['{"language":"en","items":{}}'], 'plan.en.json', { type: 'application/json' });
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    fireEvent.change(input);
    await waitFor(() =>
      expect(callsOf(fake, 'translation.attach')).toEqual([{ planId: WORK_PLAN.id, fileName: 'plan.en.json', text: '{"language":"en","items":{}}' }]),
    );
    await waitFor(() => expect(screen.queryByRole('button', { name: '附加译文文件…' })).toBeNull());
    // Asked again after the attach, and the reading view now shows English.
    expect(callsOf(fake, 'plan.translation').length).toBeGreaterThanOrEqual(2);
    await waitFor(() => expect(document.querySelector('main [lang="en"]')).not.toBeNull());
  });

  it('the template is asked for this plan in English', async () => {
    const fake = setup('en');
    URL.createObjectURL ??= () => 'blob:x';
    URL.revokeObjectURL ??= () => undefined;
    fireEvent.click(await screen.findByRole('button', { name: '下载翻译模板' }));
    await waitFor(() => expect(callsOf(fake, 'translation.template')).toEqual([{ planId: WORK_PLAN.id, language: 'en' }]));
  });
});
