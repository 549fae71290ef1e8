// .docx: the zip's central directory is checked first (zip-guard), then mammoth turns the
// document into HTML — Heading styles become h1…h6, tables stay tables, Word's automatic
// numbering is written into the text as Word shows it (docx-numbering.ts) — and the HTML
// walker makes raw lines of it. mammoth reads no external file (externalFileAccess: false)
// and its XML parser resolves no external entities; images are dropped without being decoded.
import mammoth from 'mammoth';
import type { RawDocument } from './raw';
import { htmlToRaw } from './read-html';
import { checkZip } from './zip-guard';
import { markerTransform, numberedParagraphs } from './docx-numbering';
import { ImportError } from './errors';
import type { ImportLimits } from './limits';

export async function readDocx(bytes: Uint8Array, fileName: string, limits: ImportLimits): Promise<RawDocument> {
  const zip = checkZip(bytes, fileName, limits);
  if (!zip.names.includes('word/document.xml')) {
    throw new ImportError(fileName, 'is not a .docx file (the package has no word/document.xml; a .xlsx, .pptx or other zip?)');
  }
  const numbered = numberedParagraphs(bytes, zip, fileName);
  const html = await docxToHtml(bytes, fileName, markerTransform(numbered));
  const raw = htmlToRaw(html, { page: false });
  return { ...raw, format: 'docx', encoding: null };
}

/** mammoth's conversion alone, with the options the importer uses (the bench times this). */
export async function docxToHtml(bytes: Uint8Array, fileName: string, transformDocument?: (doc: never) => unknown): Promise<string> {
  let result: { value: string };
  try {
    result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      {
        externalFileAccess: false,
        includeEmbeddedStyleMap: false,
        convertImage: mammoth.images.imgElement(async () => ({ src: '' })),
        ...(transformDocument ? { transformDocument: transformDocument as (element: unknown) => unknown } : {}),
      },
    );
  } catch (err) {
    throw new ImportError(fileName, `is not a readable .docx file (${oneLine(err)})`);
  }
  return result.value;
}

function oneLine(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return message.split('\n')[0]!.slice(0, 200);
}
