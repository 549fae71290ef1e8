// The one error an import ends with when a file cannot be read: it names the file and the
// problem in one sentence the reader can act on (the CLI prints it as its one line, the import
// dialog will show it). Everything else thrown inside a reader is a bug and is wrapped as
// "could not be read" with the library's own message.
export class ImportError extends Error {
  constructor(
    readonly fileName: string,
    readonly problem: string,
  ) {
    super(`${fileName}: ${problem}`);
    this.name = 'ImportError';
  }
}
