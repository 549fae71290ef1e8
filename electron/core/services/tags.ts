// The tags the reader has given initiatives, with how many each: the table's tag editor offers
// them as suggestions, so one idea keeps one spelling (重点 not 重点举措 here and 重点 there).
import type { TagCount } from '../../../shared/api/contract';
import type { Db } from '../db/open';
import { COLLATORS } from '../collation/collators';

/** Every tag in use, most used first, then in pinyin order. */
export function listTags(db: Db): TagCount[] {
  const rows = db.prepare('SELECT tag, count(*) AS count FROM user_initiative_tags GROUP BY tag').all() as TagCount[];
  return rows.sort((a, b) => b.count - a.count || COLLATORS.pinyin.compare(a.tag, b.tag));
}
