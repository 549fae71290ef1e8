// Hands a generated file to the browser as a download (a Blob behind an <a download>): works
// the same in the desktop window and in browser mode, without a file dialog of our own.

const BOM = '\uFEFF';

export function downloadText(fileName: string, text: string, type: string, doc: Document = document): void {
  downloadBlob(fileName, new Blob([text], { type }), doc);
}

/** Any generated file (a packet's PDF) as a download. */
export function downloadBlob(fileName: string, blob: Blob, doc: Document = document): void {
  const url = URL.createObjectURL(blob);
  const link = doc.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  doc.body.append(link);
  link.click();
  link.remove();
  // The click starts the download synchronously; the URL can go once it has been read.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** CSV as UTF-8 with a byte-order mark, so spreadsheet apps read the Chinese correctly. */
export function downloadCsv(fileName: string, csv: string, doc: Document = document): void {
  downloadText(fileName, csv.startsWith(BOM) ? csv : BOM + csv, 'text/csv;charset=utf-8', doc);
}
