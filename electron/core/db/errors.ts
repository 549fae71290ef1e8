// Why a database file was refused. Each kind has its own class so a host can tell them apart
// (and the recovery screen can explain them in the reader's language); every message names the
// file and says what is wrong in words a reader can act on. Every refusal leaves the file byte
// for byte as it was and creates nothing beside it.

import type { DatabaseProblemKind } from '../../../shared/api/storage/methods';

export abstract class DatabaseProblemError extends Error {
  abstract readonly kind: DatabaseProblemKind;
  constructor(
    /** The file the problem is about (the database, or its -wal when that is what was found). */
    readonly file: string,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

const LEFT_AS_IS = 'Briefbook left it exactly as it was and created nothing in its place.';

export class DatabaseFromFutureError extends DatabaseProblemError {
  readonly kind = 'future';
  constructor(
    file: string,
    readonly found: number,
    readonly supported: number,
  ) {
    super(
      file,
      `The database ${file} has schema version ${found}, but this Briefbook supports up to ` +
        `version ${supported}. It was left unchanged; open it with a newer Briefbook.`,
    );
    this.name = 'DatabaseFromFutureError';
  }
}

/** A refusal whose message is all it carries: one class per kind, made by one recipe, so each
 *  keeps its own name for `instanceof` and stack traces. */
function refusal<Args extends unknown[]>(kind: DatabaseProblemKind, name: string, message: (file: string, ...args: Args) => string) {
  return class extends DatabaseProblemError {
    readonly kind = kind;
    constructor(file: string, ...args: Args) {
      super(file, message(file, ...args));
      this.name = name;
    }
  };
}

export const EmptyDatabaseFileError = refusal(
  'empty',
  'EmptyDatabaseFileError',
  (file) => `The database ${file} is an empty file (0 bytes): its contents are missing. ${LEFT_AS_IS}`,
);

/** Its file is the -wal that was found. */
export const WalWithoutDatabaseError = refusal(
  'wal-without-database',
  'WalWithoutDatabaseError',
  (walFile) =>
    `The write-ahead log ${walFile} was found without its database file: it may hold your latest ` +
    `changes, and starting a new database would throw them away. ${LEFT_AS_IS}`,
);

export const EmptyDatabaseWithWalError = refusal(
  'empty-with-wal',
  'EmptyDatabaseWithWalError',
  (file) =>
    `The database ${file} is an empty file (0 bytes) but its write-ahead log ${file}-wal holds data: ` +
    `starting over would throw that data away. ${LEFT_AS_IS}`,
);

export const NotSqliteError = refusal(
  'not-sqlite',
  'NotSqliteError',
  (file) => `The file ${file} is not a SQLite database (its first bytes are not a SQLite header). ${LEFT_AS_IS}`,
);

export class TruncatedDatabaseError extends DatabaseProblemError {
  readonly kind = 'truncated';
  constructor(
    file: string,
    readonly size: number,
    detail: string,
  ) {
    super(file, `The database ${file} is cut short (${size} bytes; ${detail}). ${LEFT_AS_IS}`);
    this.name = 'TruncatedDatabaseError';
  }
}

export const ForeignDatabaseError = refusal(
  'foreign',
  'ForeignDatabaseError',
  (file, detail: string) => `The file ${file} is a SQLite database of another application (${detail}), not Briefbook's. ${LEFT_AS_IS}`,
);

export const ReadOnlyDatabaseFileError = refusal(
  'read-only-file',
  'ReadOnlyDatabaseFileError',
  (file) =>
    `The database ${file} is read-only, so Briefbook could not save your work in it. Make it writable and start ` +
    `Briefbook again. ${LEFT_AS_IS}`,
);

export class ReadOnlyDataFolderError extends DatabaseProblemError {
  readonly kind = 'read-only-folder';
  constructor(
    file: string,
    readonly folder: string,
  ) {
    super(
      file,
      `The data folder ${folder} is read-only, so Briefbook could not keep its database ${file} safe there ` +
        `(SQLite needs to write its log beside it). Make the folder writable and start Briefbook again. ${LEFT_AS_IS}`,
    );
    this.name = 'ReadOnlyDataFolderError';
  }
}

export class UnreadableDatabaseError extends DatabaseProblemError {
  readonly kind = 'unreadable';
  constructor(file: string, cause: unknown) {
    super(file, `The database ${file} could not be opened (${causeText(cause)}). ${LEFT_AS_IS}`, { cause });
    this.name = 'UnreadableDatabaseError';
  }
}

export class DamagedDatabaseError extends DatabaseProblemError {
  readonly kind = 'damaged';
  constructor(file: string, detail: string, options?: ErrorOptions) {
    super(
      file,
      `The database ${file} is damaged (${detail}). Restore it from a backup, or move it aside and start a new one.`,
      options,
    );
    this.name = 'DamagedDatabaseError';
  }
}

function causeText(cause: unknown): string {
  const e = cause as { code?: string; message?: string };
  return [e?.code, e?.message].filter(Boolean).join(': ') || String(cause);
}

/** SQLite's own words for a file it cannot use, turned into the refusal they mean. */
export function problemFromSqliteError(file: string, err: unknown): DatabaseProblemError | null {
  if (err instanceof DatabaseProblemError) return err;
  const code = (err as { code?: unknown })?.code;
  if (typeof code !== 'string') return null;
  if (code.startsWith('SQLITE_CORRUPT')) return new DamagedDatabaseError(file, causeText(err), { cause: err });
  if (code === 'SQLITE_NOTADB') return new NotSqliteError(file);
  if (code.startsWith('SQLITE_READONLY')) return new ReadOnlyDatabaseFileError(file);
  if (code.startsWith('SQLITE_CANTOPEN') || code.startsWith('SQLITE_IOERR') || code === 'SQLITE_PERM') {
    return new UnreadableDatabaseError(file, err);
  }
  return null;
}
