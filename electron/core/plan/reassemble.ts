// Puts an imported plan back together as the article printed it (without page chrome), so a
// test can compare it character for character with the source.
import type { PlanDocument } from '../../../shared/domain/plan';

export function reassembleArticle(doc: PlanDocument): string {
  const { meta } = doc;
  const out: string[] = [meta.title];
  if (meta.publishedAt) out.push(`发布时间:${meta.publishedAt}`);
  if (meta.graphics) out.push(`制图 ${meta.graphics}`);
  out.push(meta.lead);
  for (const theme of doc.themes) {
    out.push(theme.headline);
    for (const i of doc.initiatives.filter((x) => x.themeId === theme.id)) {
      out.push(`${i.numeral}、${i.headline}。${i.body}`);
    }
  }
  if (meta.authorNote) out.push(`(${meta.authorNote})`);
  const fields = [
    meta.source && `来源:${meta.source}`,
    meta.author && `作者:${meta.author}`,
    meta.editor && `编辑:${meta.editor}`,
  ].filter(Boolean);
  if (fields.length) out.push(fields.join(' '));
  if (meta.tags.length) out.push(meta.tags.join('、'));
  return out.join('\n');
}
