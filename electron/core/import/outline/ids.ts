// Stable ids for sections and blocks (see shared/domain/document.ts for why a content hash):
// the first 10 hex digits of SHA-256 over the kind and the text, `-2`, `-3`… for repeats in
// document order. 40 bits make an accidental collision within one plan (at most some
// thousands of sections) vanishingly rare, and a collision is still resolved by the suffix.
import { createHash } from 'node:crypto';
import type { Block, Section } from '../../../../shared/domain/document';
import { blockText } from '../../../../shared/domain/document';
import type { DraftBlock } from '../raw';


interface DraftSection {
  kind: Section['kind'];
  numbering: string;
  ordinal: number | null;
  heading: string;
  blocks: DraftBlock[];
  children: DraftSection[];
  task?: Section['task'];
  at: string;
}

export interface WithIds {
  sections: Section[];
  preamble: Block[];
  notice: Block[];
  /** Where each section starts in the source, for warnings. */
  atOf: Map<Section, string>;
}

export function assignIds(sections: DraftSection[], preamble: DraftBlock[], notice: DraftBlock[]): WithIds {
  const seen = new Map<string, number>();
  const unique = (prefix: string, content: string) => {
    const base = `${prefix}${createHash('sha256').update(content, 'utf8').digest('hex').slice(0, 10)}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base}-${n}`;
  };
  const block = (b: DraftBlock): Block => {
    const withId = { ...b, id: '' } as Block;
    withId.id = unique('b', `${b.type}\u0000${blockText(withId)}`);
    return withId;
  };
  const atOf = new Map<Section, string>();
  const section = (d: DraftSection): Section => {
    const blocks = d.blocks.map(block);
    const body = blocks.map(blockText).join('\n');
    const s: Section = {
      id: unique('s', `${d.kind}\u0000${d.heading}\u0000${body}`),
      kind: d.kind,
      numbering: d.numbering,
      ordinal: d.ordinal,
      heading: d.heading,
      blocks,
      children: [],
      ...(d.task ? { task: d.task } : {}),
    };
    atOf.set(s, d.at);
    s.children = d.children.map(section);
    return s;
  };
  const noticeBlocks = notice.map(block);
  const pre = preamble.map(block);
  return { sections: sections.map(section), preamble: pre, notice: noticeBlocks, atOf };
}
