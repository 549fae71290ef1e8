export class DatabaseFromFutureError extends Error {
  constructor(
    readonly file: string,
    readonly found: number,
    readonly supported: number,
  ) {
    super(
      `The database ${file} has schema version ${found}, but this Briefbook supports up to ` +
        `version ${supported}. It was left unchanged; open it with a newer Briefbook.`,
    );
    this.name = 'DatabaseFromFutureError';
  }
}
