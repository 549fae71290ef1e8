// Fitting headlines into chart labels and choosing axis ticks: pure helpers of the dashboard.
import { describe, expect, it } from 'vitest';
import { textEms, wrapText } from '../../../renderer/src/features/dashboard/text-fit';
import { countTicks } from '../../../renderer/src/features/dashboard/ticks';

describe('wrapText', () => {
  it('keeps a short headline on one line', () => {
    expect(wrapText('补齐制造业比重偏低的短板', 20, 2)).toEqual({ lines: ['补齐制造业比重偏低的短板'], truncated: false });
  });

  it('splits Chinese into lines of about equal length rather than leaving a lone character', () => {
    const { lines, truncated } = wrapText('在深化改革中破除制约高质量发展的体制机制障碍', 20, 2);
    expect(truncated).toBe(false);
    expect(lines.join('')).toBe('在深化改革中破除制约高质量发展的体制机制障碍');
    expect(lines.map((l) => l.length)).toEqual([12, 10]);
  });

  it('breaks Latin text at spaces and never mid-word', () => {
    const { lines } = wrapText('Following the broad trend to take hold of new quality productive forces', 24, 3);
    expect(lines.join(' ')).toBe('Following the broad trend to take hold of new quality productive forces');
    for (const line of lines) expect(textEms(line)).toBeLessThanOrEqual(24);
    expect(lines.every((l) => !l.startsWith(' ') && !l.endsWith(' '))).toBe(true);
  });

  it('cuts what does not fit, leaving room for the ellipsis', () => {
    const { lines, truncated } = wrapText('在通往共同富裕的征途中绘就中国式现代化范例城市“生动图景”', 10, 2);
    expect(truncated).toBe(true);
    expect(lines).toEqual(['在通往共同富裕的征途', '中绘就中国式现代化']);
  });

  it('counts curly quotes and CJK as full width', () => {
    expect(textEms('“美丽样板”')).toBe(6);
    expect(textEms('ab')).toBeCloseTo(1.12);
  });
});

describe('countTicks', () => {
  it('gives whole steps from 0 to at least the minimum top', () => {
    expect(countTicks(0, 4)).toEqual([0, 1, 2, 3, 4]);
    expect(countTicks(3, 1, 5)).toEqual([0, 1, 2, 3]);
  });

  it('covers the largest value with about four whole steps', () => {
    expect(countTicks(5, 4)).toEqual([0, 2, 4, 6]);
    expect(countTicks(37, 4)).toEqual([0, 10, 20, 30, 40]);
  });
});
