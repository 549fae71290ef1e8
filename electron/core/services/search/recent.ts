// The reader's recent searches: the last RECENT_LIMIT texts they ran, newest first; running one
// again moves it to the top. Stored as typed (trimmed), so re-running it reads it the same way.
import type { Db } from '../../db/open';
import { prepared, stampAfterLatest } from '../../db/statements';
import { writeTransaction } from '../../db/transaction';

export const RECENT_LIMIT = 20;

export function recentSearches(db: Db): { text: string; at: string }[] {
  return prepared(db, 'SELECT text, at FROM user_recent_searches ORDER BY at DESC, text LIMIT ?').all(RECENT_LIMIT) as {
    text: string;
    at: string;
  }[];
}

export function rememberSearch(db: Db, text: string, now = new Date()): null {
  const typed = text.trim();
  writeTransaction(db, () => {
    prepared(db, 'INSERT INTO user_recent_searches (text, at) VALUES (?, ?) ON CONFLICT (text) DO UPDATE SET at = excluded.at').run(
      typed,
      stampAfterLatest(db, 'user_recent_searches', 'at', now),
    );
    prepared(
      db,
      'DELETE FROM user_recent_searches WHERE text NOT IN (SELECT text FROM user_recent_searches ORDER BY at DESC, text LIMIT ?)',
    ).run(RECENT_LIMIT);
  });
  return null;
}
