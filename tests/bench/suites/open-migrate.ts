// Suite "open + migrate": what our open path (version check, pragmas, migration runner) costs
// over raw SQLite doing the same work, on a fresh file and on reopening a migrated one.
import { openDatabase } from '../../../electron/core/db/open';
import { MIGRATIONS } from '../../../electron/core/db/migrations/index';
import { measure, runAb } from '../timing';
import { ratioMeasurement } from '../report';
import { captureSchema, describeDb, rawCreate, rawOpen } from './raw-sqlite';
import { freshDbPath, removeDb, sampleCount, type SuiteContext } from './context';

const SUITE = 'open';

export function runOpenMigrate(ctx: SuiteContext): void {
  const schema = captureSchema(MIGRATIONS);
  checkSameEndState(ctx, schema);
  const samples = sampleCount(ctx, 30, 5);

  // Fresh file: create, set pragmas, apply every migration. Closing is not timed.
  const fresh = runAb(
    samples,
    () => {
      const file = freshDbPath(ctx, 'core-fresh');
      const { value: db, ms } = measure(() => openDatabase(file));
      db.close();
      removeDb(file);
      return ms;
    },
    () => {
      const file = freshDbPath(ctx, 'raw-fresh');
      const { value: db, ms } = measure(() => rawCreate(file, schema));
      db.close();
      removeDb(file);
      return ms;
    },
  );
  ctx.record(
    ratioMeasurement(SUITE, 'open+migrate', ['core', 'raw'], fresh, {
      note: `${schema.statements.length} DDL statements, v${schema.version}`,
    }),
  );

  // Reopen a migrated file: our version check and no-op migrate against a plain open.
  const coreFile = freshDbPath(ctx, 'core-existing');
  const rawFile = freshDbPath(ctx, 'raw-existing');
  openDatabase(coreFile).close();
  openDatabase(rawFile).close();
  const reopen = runAb(
    samples,
    () => {
      const { value: db, ms } = measure(() => openDatabase(coreFile));
      db.close();
      return ms;
    },
    () => {
      const { value: db, ms } = measure(() => rawOpen(rawFile));
      db.close();
      return ms;
    },
  );
  ctx.record(ratioMeasurement(SUITE, 'reopen', ['core', 'raw'], reopen));
  removeDb(coreFile);
  removeDb(rawFile);
}

/** The baseline is only fair if it builds the same database: refuse to measure otherwise. */
function checkSameEndState(ctx: SuiteContext, schema: ReturnType<typeof captureSchema>): void {
  const coreFile = freshDbPath(ctx, 'check-core');
  const rawFile = freshDbPath(ctx, 'check-raw');
  const core = openDatabase(coreFile);
  const raw = rawCreate(rawFile, schema);
  try {
    const a = describeDb(core);
    const b = describeDb(raw);
    if (a !== b) throw new Error(`open+migrate baseline drifted from openDatabase:\ncore ${a}\nraw  ${b}`);
  } finally {
    core.close();
    raw.close();
    removeDb(coreFile);
    removeDb(rawFile);
  }
}
