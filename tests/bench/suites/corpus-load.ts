// Suite "corpus": fixed-size figures with no baseline. How fast the generator runs, and what
// loading the full corpus (100k initiatives by default) and a million notes costs in time and
// bytes. The app has no notes table yet, so notes go into bench_notes, made here, shaped like
// a plausible user-data table (text keyed by stable initiative id, indexed by it).
import { statSync } from 'node:fs';
import { openDatabase } from '../../../electron/core/db/open';
import { importPlan } from '../../../electron/core/plan/store';
import { articleText, DEFAULT_SHAPE, generateNotes, generatePlans, type ReaderNote } from '../corpus';
import { fmt } from '../report';
import { measure, timed } from '../timing';
import { freshDbPath, removeDb, type SuiteContext } from './context';

const SUITE = 'corpus';
const NOTE_BATCH = 10_000;

const BENCH_NOTES_DDL = `
  CREATE TABLE bench_notes (
    id            INTEGER PRIMARY KEY,
    initiative_id TEXT NOT NULL,
    body          TEXT NOT NULL,
    created_at    TEXT NOT NULL
  ) STRICT;
  CREATE INDEX bench_notes_by_initiative ON bench_notes (initiative_id, created_at);
`;

const seconds = (ms: number) => `${fmt(ms / 1000)} s`;
/** Items per millisecond = thousands per second. */
const perSecond = (count: number, ms: number, what: string) => `${fmt(count / ms)}k ${what}/s`;
const megabytes = (bytes: number) => `${fmt(bytes / 1e6)} MB`;

export function runCorpus(ctx: SuiteContext): void {
  const { seed, notes } = ctx.options;
  const shape = { ...DEFAULT_SHAPE, plans: ctx.options.plans };
  const record = (name: string, text: string, values: Record<string, number | string>) =>
    ctx.record({ kind: 'fixed', suite: SUITE, name, text, values });

  // Generation alone.
  let initiatives = 0;
  let initiativeChars = 0;
  const genPlansMs = timed(() => {
    for (const doc of generatePlans(seed, shape)) {
      initiatives += doc.initiatives.length;
      for (const i of doc.initiatives) initiativeChars += i.headline.length + i.body.length;
    }
  });
  record(
    'generate plans',
    `${shape.plans} plans / ${initiatives} initiatives in ${seconds(genPlansMs)}  (${perSecond(initiatives, genPlansMs, 'initiatives')}, ${fmt(initiativeChars / genPlansMs)} chars/ms)`,
    { plans: shape.plans, initiatives, ms: genPlansMs, initiativeChars },
  );

  let noteChars = 0;
  const genNotesMs = timed(() => {
    for (const n of generateNotes(seed, notes, shape)) noteChars += n.body.length;
  });
  if (notes > 0) {
    record(
      'generate notes',
      `${notes} notes in ${seconds(genNotesMs)}  (${perSecond(notes, genNotesMs, 'notes')}, avg ${fmt(noteChars / notes)} chars)`,
      { notes, ms: genNotesMs, noteChars },
    );
  }

  const file = freshDbPath(ctx, 'corpus');
  const db = openDatabase(file);
  try {
    // Plans through the app's importer, one transaction per plan as the app does it.
    let importMs = 0;
    const loadPlansMs = timed(() => {
      for (const doc of generatePlans(seed, shape)) {
        const source = articleText(doc);
        importMs += timed(() => importPlan(db, doc, source));
      }
    });
    const planBytes = checkpointedSize(db, file);
    record(
      'load plans',
      `${initiatives} initiatives via importPlan in ${seconds(importMs)}  (${perSecond(initiatives, importMs, 'initiatives')}; ${seconds(loadPlansMs)} with generation), db ${megabytes(planBytes)}`,
      { plans: shape.plans, initiatives, importMs, totalMs: loadPlansMs, dbBytes: planBytes },
    );
    if (notes === 0) return;

    db.exec(BENCH_NOTES_DDL);
    const insert = db.prepare('INSERT INTO bench_notes (initiative_id, body, created_at) VALUES (?, ?, ?)');
    const insertBatch = db.transaction((batch: ReaderNote[]) => {
      for (const n of batch) insert.run(n.initiativeId, n.body, n.createdAt);
    });
    let insertMs = 0;
    let bodyBytes = 0;
    const loadNotesMs = timed(() => {
      let batch: ReaderNote[] = [];
      for (const n of generateNotes(seed, notes, shape)) {
        batch.push(n);
        bodyBytes += Buffer.byteLength(n.body, 'utf8');
        if (batch.length === NOTE_BATCH) {
          insertMs += timed(() => insertBatch(batch));
          batch = [];
        }
      }
      if (batch.length > 0) insertMs += timed(() => insertBatch(batch));
    });
    const totalBytes = checkpointedSize(db, file);
    const { value: pages, ms: dbstatMs } = measure(
      () => db.prepare('SELECT name, SUM(pgsize) AS bytes FROM dbstat GROUP BY name').all() as { name: string; bytes: number }[],
    );
    const bytesOf = (name: string) => pages.find((p) => p.name === name)?.bytes ?? 0;
    const tableBytes = bytesOf('bench_notes');
    const indexBytes = bytesOf('bench_notes_by_initiative');
    record(
      'load notes',
      `${notes} notes inserted in ${seconds(insertMs)}  (${perSecond(notes, insertMs, 'notes')}, ${NOTE_BATCH} per transaction; ${seconds(loadNotesMs)} with generation)`,
      { notes, insertMs, totalMs: loadNotesMs, batch: NOTE_BATCH },
    );
    record(
      'notes size',
      `${fmt((totalBytes - planBytes) / notes)} B/note all-in  (table ${fmt(tableBytes / notes)} + index ${fmt(indexBytes / notes)}; body ${fmt(bodyBytes / notes)} B UTF-8), db ${megabytes(totalBytes)}`,
      {
        notes,
        dbBytes: totalBytes,
        bytesPerNote: (totalBytes - planBytes) / notes,
        tableBytes,
        indexBytes,
        bodyBytes,
        dbstatMs,
      },
    );
  } finally {
    db.close();
    removeDb(file);
  }
}

/** File size once the WAL is folded back in, so the figure is the database's real size. */
function checkpointedSize(db: ReturnType<typeof openDatabase>, file: string): number {
  db.pragma('wal_checkpoint(TRUNCATE)');
  return statSync(file).size;
}
