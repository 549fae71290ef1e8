// Column show/hide, reorder (column menu from the keyboard, drag and drop on headers) and
// resize (keyboard on the resize handle), all through TanStack's column state.
import { createEvent, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { header, headerLabels, renderTable, resetTable, rowsShown } from './render-table';

afterEach(resetTable);

function openMenu() {
  fireEvent.click(screen.getByRole('button', { name: '列' }));
  return screen.getByRole('dialog', { name: '显示与排列列' });
}

/** A drag-and-drop between two headers, with one DataTransfer carried across like a browser does. */
function dragHeader(from: string, to: string) {
  const store = new Map<string, string>();
  const dataTransfer = {
    setData: (type: string, value: string) => void store.set(type, value),
    getData: (type: string) => store.get(type) ?? '',
    get types() {
      return [...store.keys()];
    },
    effectAllowed: 'all',
    dropEffect: 'none',
  };
  for (const [type, target] of [
    ['dragStart', header(from)],
    ['dragOver', header(to)],
    ['drop', header(to)],
  ] as const) {
    const event = createEvent[type](target);
    Object.defineProperty(event, 'dataTransfer', { value: dataTransfer });
    fireEvent(target, event);
  }
}

describe('initiative table: columns', () => {
  it('hides and shows columns from the column menu', async () => {
    renderTable();
    await rowsShown(15);
    const menu = openMenu();
    const theme = within(menu).getByRole('checkbox', { name: '主题' }) as HTMLInputElement;
    expect(theme.checked).toBe(true);
    expect((within(menu).getByRole('checkbox', { name: '责任单位' }) as HTMLInputElement).checked).toBe(false);
    fireEvent.click(theme);
    expect(headerLabels()).not.toContain('主题');
    fireEvent.click(within(menu).getByRole('checkbox', { name: '责任单位' }));
    expect(headerLabels()).toContain('责任单位');
    // Rows follow the headers: the hidden column's cells are gone too.
    expect(document.querySelector('[role="gridcell"][data-col="theme"]')).toBeNull();
    expect(document.querySelector('[role="gridcell"][data-col="responsibleUnits"]')).not.toBeNull();
    fireEvent.click(within(menu).getByRole('button', { name: '恢复默认列' }));
    expect(headerLabels()).toContain('主题');
    expect(headerLabels()).not.toContain('责任单位');
  });

  it('moves columns left and right from the keyboard, keeping focus on the moving column', async () => {
    renderTable();
    await rowsShown(15);
    const menu = openMenu();
    // Frozen, the id and headline columns lead and keep their place.
    expect(headerLabels().slice(0, 4)).toEqual(['编号', '举措', '主题', '状态']);
    expect((within(menu).getByRole('button', { name: '右移 编号' }) as HTMLButtonElement).disabled).toBe(true);
    expect((within(menu).getByRole('button', { name: '左移 举措' }) as HTMLButtonElement).disabled).toBe(true);
    const right = within(menu).getByRole('button', { name: '右移 主题' });
    right.focus();
    fireEvent.click(right);
    expect(headerLabels().slice(0, 4)).toEqual(['编号', '举措', '状态', '主题']);
    await waitFor(() => expect(document.activeElement?.getAttribute('aria-label')).toBe('右移 主题'));
    // The first movable column cannot go further left (onto the frozen ones): focus goes to its twin.
    const left = within(menu).getByRole('button', { name: '左移 主题' });
    fireEvent.click(left);
    expect(headerLabels().slice(0, 4)).toEqual(['编号', '举措', '主题', '状态']);
    expect((within(menu).getByRole('button', { name: '左移 主题' }) as HTMLButtonElement).disabled).toBe(true);
    await waitFor(() => expect(document.activeElement?.getAttribute('aria-label')).toBe('右移 主题'));
    // Unfrozen, every column moves, the id and headline too, and they go back where they were.
    fireEvent.click(within(menu).getByRole('checkbox', { name: '固定编号和标题列' }));
    expect(headerLabels().slice(0, 4)).toEqual(['编号', '主题', '举措', '状态']);
    fireEvent.click(within(menu).getByRole('button', { name: '右移 编号' }));
    expect(headerLabels().slice(0, 4)).toEqual(['主题', '编号', '举措', '状态']);
    // Cells follow the new order.
    const cells = [...document.querySelector('.itable-data-row')!.querySelectorAll('[role="gridcell"]')].map((c) => c.getAttribute('data-col'));
    expect(cells.slice(0, 4)).toEqual(['select', 'theme', 'shortId', 'headline']);
  });

  it('freezes the checkbox, id and headline cells at the left, and unfreezes them from the column menu', async () => {
    renderTable();
    await rowsShown(15);
    const frozen = () =>
      [...document.querySelector('.itable-data-row')!.querySelectorAll<HTMLElement>('[data-frozen]')].map(
        (c) => `${c.dataset.col}@${c.style.getPropertyValue('--itable-left')}:${c.dataset.frozen}`,
      );
    expect(frozen()).toEqual(['select@0px:yes', 'shortId@40px:yes', 'headline@124px:last']);
    expect(header('举措').getAttribute('data-frozen')).toBe('last');
    fireEvent.click(within(openMenu()).getByRole('checkbox', { name: '固定编号和标题列' }));
    expect(frozen()).toEqual([]);
    expect(document.querySelector('.itable-th[data-frozen]')).toBeNull();
  });

  it('reorders columns by dragging one header onto another', async () => {
    renderTable();
    await rowsShown(15);
    dragHeader('标签', '主题');
    expect(headerLabels().slice(0, 4)).toEqual(['编号', '举措', '标签', '主题']);
  });

  it('resizes a column with the arrow keys on its resize handle', async () => {
    renderTable();
    await rowsShown(15);
    const handle = screen.getByRole('separator', { name: '调整 举措 列宽' });
    expect(handle.getAttribute('aria-valuenow')).toBe('320');
    fireEvent.keyDown(handle, { key: 'ArrowRight' });
    fireEvent.keyDown(handle, { key: 'ArrowRight' });
    expect(handle.getAttribute('aria-valuenow')).toBe('352');
    fireEvent.keyDown(handle, { key: 'ArrowLeft' });
    expect(handle.getAttribute('aria-valuenow')).toBe('336');
    const template = (screen.getByRole('grid') as HTMLElement).style.getPropertyValue('--itable-cols');
    expect(template.split(' ')[2]).toBe('336px');
    // Never below the column's minimum.
    for (let i = 0; i < 30; i++) fireEvent.keyDown(handle, { key: 'ArrowLeft' });
    expect(handle.getAttribute('aria-valuenow')).toBe('140');
    expect(header('举措')).toBeTruthy();
  });
});
