// The annotation panel over a fake core: entries in the order the core gives (text order), a
// relocated highlight with its old quote, the ambiguous and orphaned ones in a section of their
// own, colour and tag filters, a click that puts the passage in focus, and Edit opening the
// note editor in place.
import { QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { I18nProvider } from '../../../renderer/src/i18n/ui-text';
import { afterEach, describe, expect, it } from 'vitest';
import type { AnnotationEntry, HighlightColor } from '../../../shared/api/annotations/methods';
import type { AnchorStatus } from '../../../shared/domain/anchoring';
import { createClientFromBridge } from '../../../renderer/src/api/client';
import { createQueryClient } from '../../../renderer/src/api/query-client';
import { AnnotationUiProvider, useAnnotationUi } from '../../../renderer/src/features/annotations/annotation-ui';
import { AnnotationPanel } from '../../../renderer/src/features/annotations/panel/AnnotationPanel';
import { createI18n } from '../../../renderer/src/i18n/i18n';
import { createFakeBridge, ok } from '../fake-bridge';

afterEach(cleanup);

const ITEM = 'hz-2024/T1/I1';

function highlight(id: string, quote: string, color: HighlightColor, status: AnchorStatus, extra: Partial<AnnotationEntry> = {}): AnnotationEntry {
  return {
    id,
    kind: 'highlight',
    planId: 'hz-2024',
    itemId: ITEM,
    target: {
      itemId: ITEM,
      part: 'body',
      language: 'zh',
      selectors: {
        quote: { type: 'TextQuoteSelector', exact: quote, prefix: '', suffix: '' },
        position: { type: 'TextPositionSelector', start: 0, end: [...quote].length },
      },
    },
    anchor: { status },
    color,
    body: '',
    tags: [],
    createdAt: '2026-12-05T00:00:00.000Z',
    modifiedAt: '2026-12-05T00:00:00.000Z',
    revision: 1,
    deletedAt: null,
    planTitle: '杭州',
    itemNumeral: '第一',
    itemHeadline: '建立解难题促发展政策机制',
    ...extra,
  };
}

const ENTRIES: AnnotationEntry[] = [
  highlight('a', '及时建章立制', 'yellow', 'anchored', { body: '**要点**', tags: ['重点'] }),
  highlight('b', '猛药去疴、重典治乱', 'green', 'relocated', { anchor: { status: 'relocated', previousQuote: '猛药去疴，重典治乱' } }),
  highlight('c', '大城市治理', 'blue', 'ambiguous'),
  highlight('d', '已删去的一句', 'yellow', 'orphaned', { tags: ['问题'] }),
];

function FocusProbe() {
  const ui = useAnnotationUi();
  return <output data-testid="focus">{`${ui.focusedId ?? ''}|${ui.editing && 'id' in ui.editing ? ui.editing.id : ''}`}</output>;
}

function renderPanel() {
  const fake = createFakeBridge({
    'annotation.list': async () => ok({ entries: ENTRIES, total: ENTRIES.length }),
    'annotation.colorNames': async () => ok({ yellow: '重点' }),
    'tags.list': async () => ok([]),
    'table.rows': async () => ok([]),
    'status.options': async () => ok({ options: [], revision: 0 } as never),
  });
  const client = createClientFromBridge(fake.bridge);
  render(
    <QueryClientProvider client={createQueryClient()}>
      <I18nProvider i18n={createI18n('zh')}>
        <AnnotationUiProvider>
          <AnnotationPanel client={client} planId="hz-2024" itemId={ITEM} />
          <FocusProbe />
        </AnnotationUiProvider>
      </I18nProvider>
    </QueryClientProvider>,
  );
  return fake;
}

const quotes = (root: HTMLElement) => [...root.querySelectorAll('.apanel-quote q')].map((q) => q.textContent);

describe('annotation panel', () => {
  it('lists placed entries in text order and the lost ones apart, with the relocated one’s old quote', async () => {
    renderPanel();
    await screen.findByRole('button', { name: '在正文中显示：及时建章立制' });
    const list = screen.getByRole('region', { name: '高亮与笔记' });
    expect(quotes(list)).toEqual(['及时建章立制', '猛药去疴、重典治乱']);
    expect(list.textContent).toContain('已重新定位');
    expect(list.textContent).toContain('原摘录：猛药去疴，重典治乱');
    // The note is its typed text until the Markdown code has loaded, then rendered Markdown.
    await waitFor(() => expect(list.querySelector('.apanel-note strong')?.textContent).toBe('要点'));
    const lost = screen.getByRole('region', { name: '无法定位的高亮' });
    expect(quotes(lost)).toEqual(['大城市治理', '已删去的一句']);
    expect(lost.textContent).toContain('有多处匹配');
    expect(lost.textContent).toContain('未找到原文');
  });

  it('filters by colour and by tag', async () => {
    renderPanel();
    await screen.findByRole('button', { name: '在正文中显示：及时建章立制' });
    const list = screen.getByRole('region', { name: '高亮与笔记' });
    const colour = screen.getByRole('combobox', { name: '按颜色筛选' });
    expect(within(colour).getByRole('option', { name: '重点 · 黄色' })).toBeTruthy();
    fireEvent.change(colour, { target: { value: 'yellow' } });
    expect(quotes(list)).toEqual(['及时建章立制']);
    expect(quotes(screen.getByRole('region', { name: '无法定位的高亮' }))).toEqual(['已删去的一句']);
    fireEvent.change(screen.getByRole('combobox', { name: '按标签筛选' }), { target: { value: '问题' } });
    expect(quotes(list)).toEqual([]);
    expect(quotes(screen.getByRole('region', { name: '无法定位的高亮' }))).toEqual(['已删去的一句']);
    fireEvent.change(colour, { target: { value: 'green' } });
    expect(screen.queryByRole('region', { name: '无法定位的高亮' })).toBeNull();
    expect(screen.getByText('暂无符合筛选条件的批注。')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '清除筛选' }));
    expect(quotes(list)).toEqual(['及时建章立制', '猛药去疴、重典治乱']);
  });

  it('a click on an entry puts its passage in focus; Edit opens the editor in its place', async () => {
    renderPanel();
    fireEvent.click(await screen.findByRole('button', { name: '在正文中显示：猛药去疴、重典治乱' }));
    expect(screen.getByTestId('focus').textContent).toBe('b|');
    fireEvent.click(screen.getByRole('button', { name: '编辑：及时建章立制' }));
    expect(screen.getByTestId('focus').textContent).toBe('b|a');
    const editor = await screen.findByRole('textbox', { name: '笔记内容（Markdown）' });
    expect((editor as HTMLTextAreaElement).value).toBe('**要点**');
    // A highlight's colour can be changed in the editor.
    expect(screen.getByRole('radiogroup', { name: '高亮颜色' })).toBeTruthy();
  });
});
