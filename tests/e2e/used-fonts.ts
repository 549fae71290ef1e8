// Which fonts Chromium really drew an element's text with (DevTools protocol:
// CSS.getPlatformFontsForNode), not the font-family stack its style names: a stack is the
// same whether its first face exists or a stand-in is drawn.
import { execFileSync } from 'node:child_process';
import type { Page } from 'playwright-core';

export interface UsedFont {
  familyName: string;
  /** A web font (an @font-face of the page), not one installed on the system. */
  isCustomFont: boolean;
  glyphCount: number;
}

/** The fonts the first element matching `selector` is drawn with, most glyphs first. */
export async function usedFonts(page: Page, selector: string): Promise<UsedFont[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
    if (!nodeId) throw new Error(`usedFonts: nothing matches ${selector}`);
    const { fonts } = (await cdp.send('CSS.getPlatformFontsForNode', { nodeId })) as { fonts: UsedFont[] };
    return [...fonts].sort((a, b) => b.glyphCount - a.glyphCount);
  } finally {
    await cdp.detach();
  }
}

/** Whether fontconfig finds a family under its own name (not a substitute). */
export function systemHas(family: string): boolean {
  try {
    return execFileSync('fc-match', ['-f', '%{family}', family], { encoding: 'utf8' }).split(',').includes(family);
  } catch {
    return false;
  }
}
