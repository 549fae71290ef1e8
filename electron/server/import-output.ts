// What the import command line prints: the dry run's JSON (metadata, the chosen levels, the
// outline of headings only with numbering as written, warnings) and the same as a text tree.
import { outlineOf, type ImportedDocument, type OutlineNode } from '../../shared/domain/document';

export function dryRunJson(doc: ImportedDocument) {
  return { metadata: doc.metadata, levels: doc.levels, outline: outlineOf(doc.sections), warnings: doc.warnings };
}

export function printTree(nodes: OutlineNode[], depth = 0): string {
  return nodes
    .map((n) => `${'  '.repeat(depth)}${n.numbering}${n.numbering && n.heading ? ' ' : ''}${n.heading}\n${printTree(n.children, depth + 1)}`)
    .join('');
}
