// One file → the document model: check the size, pick the reader by extension (and check the
// bytes agree: a .pdf must start like a PDF, a .docx like a zip), read raw lines, then the one
// shared outline step. Pure: reads no file itself and writes nothing; run it inside the worker
// (sandbox.ts) for files from outside.
import { createHash } from 'node:crypto';
import type { ImportedDocument, SourceFormat } from '../../../shared/domain/document';
import { ImportError } from './errors';
import { IMPORT_LIMITS, type ImportLimits } from './limits';
import { detectOutline } from './outline/detect';
import type { RawDocument } from './raw';
import { readDocx } from './read-docx';
import { readHtml } from './read-html';
import { readPdf } from './read-pdf';
import { readText } from './read-text';

const EXTENSIONS: Record<string, SourceFormat> = {
  txt: 'txt',
  text: 'txt',
  md: 'md',
  markdown: 'md',
  html: 'html',
  htm: 'html',
  xhtml: 'html',
  docx: 'docx',
  pdf: 'pdf',
};

export const SUPPORTED_EXTENSIONS = Object.keys(EXTENSIONS).map((e) => `.${e}`);

export function formatOf(fileName: string): SourceFormat {
  const ext = /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1]?.toLowerCase();
  const format = ext ? EXTENSIONS[ext] : undefined;
  if (!format) {
    if (ext === 'doc' || ext === 'wps') {
      throw new ImportError(fileName, `is an old Word/WPS .${ext} file; save it as .docx and import that`);
    }
    throw new ImportError(fileName, `has an unsupported type${ext ? ` (.${ext})` : ''}; supported: .txt, .md, .html, .docx, .pdf`);
  }
  return format;
}

function startsWith(bytes: Uint8Array, text: string, within = 0): boolean {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, within + text.length)).toString('latin1');
  return within === 0 ? head.startsWith(text) : head.includes(text);
}

export async function readRaw(bytes: Uint8Array, fileName: string, limits: ImportLimits = IMPORT_LIMITS): Promise<RawDocument> {
  const format = formatOf(fileName);
  if (bytes.byteLength === 0) throw new ImportError(fileName, 'is empty');
  if (bytes.byteLength > limits.maxFileBytes) {
    throw new ImportError(fileName, `is ${(bytes.byteLength / 1048576).toFixed(1)} MB, over the ${Math.round(limits.maxFileBytes / 1048576)} MB limit for a plan`);
  }
  switch (format) {
    case 'txt':
    case 'md':
      if (startsWith(bytes, '%PDF-') || startsWith(bytes, 'PK\u0003\u0004')) {
        throw new ImportError(fileName, `is a ${startsWith(bytes, '%PDF-') ? 'PDF' : 'zip (.docx?)'} file, not text; rename it to its real type`);
      }
      return readText(bytes, fileName, format === 'md');
    case 'html':
      return readHtml(bytes, fileName);
    case 'docx':
      return readDocx(bytes, fileName, limits);
    case 'pdf':
      if (!startsWith(bytes, '%PDF-', 1024)) throw new ImportError(fileName, 'is not a PDF file (no %PDF header)');
      return readPdf(bytes, fileName, limits);
  }
}

/** The whole import of one file's bytes, without writing anything. */
export async function importDocument(bytes: Uint8Array, fileName: string, limits: ImportLimits = IMPORT_LIMITS): Promise<ImportedDocument> {
  return documentFromRaw(await readRaw(bytes, fileName, limits), bytes, fileName);
}

/** The outline step and the source's identity, on what a reader read from `bytes`. Synchronous,
 *  so a shipped text file (the embedded plan) can be imported while the database opens. */
export function documentFromRaw(raw: RawDocument, bytes: Uint8Array, fileName: string): ImportedDocument {
  const detected = detectOutline(raw);
  if (detected.sections.length === 0 && detected.preamble.length === 0 && detected.metadata.title === null) {
    throw new ImportError(fileName, 'contains no text');
  }
  return {
    ...detected,
    source: {
      fileName,
      format: raw.format,
      encoding: raw.encoding,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    },
  };
}
