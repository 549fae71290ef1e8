// Checks a .docx (a zip) from its central directory before anything is inflated: the entry
// count, every entry's declared uncompressed size and compression ratio, and the sum of those
// sizes. A zip bomb declares its huge sizes there (a zip's local headers and data must agree
// with it, and JSZip, which mammoth uses, refuses an entry whose inflated size differs from
// the declared one). A file that lies anyway is stopped by the worker's heap limit.
import { inflateRawSync } from 'node:zlib';
import { ImportError } from './errors';
import type { ImportLimits } from './limits';

const EOCD_SIG = 0x06054b50;
const CDH_SIG = 0x02014b50;

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localHeaderOffset: number;
}

export interface ZipSummary {
  entries: number;
  uncompressedBytes: number;
  names: string[];
  list: ZipEntry[];
}

export function checkZip(bytes: Uint8Array, fileName: string, limits: ImportLimits): ZipSummary {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const damaged = (why: string) => new ImportError(fileName, `is not a valid .docx file (damaged zip: ${why})`);
  if (buf.length < 22 || buf.readUInt32LE(0) !== 0x04034b50) {
    throw new ImportError(fileName, 'is not a .docx file (it is not a zip package)');
  }
  // The end-of-central-directory record sits in the last 22 + 65535 bytes (its comment).
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === EOCD_SIG) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw damaged('no end of central directory; the file is truncated');
  const count = buf.readUInt16LE(eocd + 10);
  const cdSize = buf.readUInt32LE(eocd + 12);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff) throw new ImportError(fileName, 'is a ZIP64 package, which no real .docx needs; refused');
  if (count > limits.maxZipEntries) throw new ImportError(fileName, `has ${count} zip entries (limit ${limits.maxZipEntries}); refused`);
  if (cdOffset + cdSize > eocd) throw damaged('the central directory lies outside the file');
  let at = cdOffset;
  let total = 0;
  const names: string[] = [];
  const list: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== CDH_SIG) throw damaged(`entry ${n + 1} of the central directory is unreadable`);
    const compressed = buf.readUInt32LE(at + 20);
    const size = buf.readUInt32LE(at + 24);
    const nameLen = buf.readUInt16LE(at + 28);
    const extraLen = buf.readUInt16LE(at + 30);
    const commentLen = buf.readUInt16LE(at + 32);
    const name = buf.toString('utf8', at + 46, at + 46 + nameLen);
    if (size === 0xffffffff || compressed === 0xffffffff) throw new ImportError(fileName, `zip entry ${name} uses ZIP64 sizes; refused`);
    if (size > 1024 * 1024 && size / Math.max(compressed, 1) > limits.maxCompressionRatio) {
      throw new ImportError(
        fileName,
        `zip entry ${name} would expand ${Math.round(size / Math.max(compressed, 1))}-fold to ${mb(size)} (a zip bomb?); refused`,
      );
    }
    total += size;
    if (total > limits.maxUnzippedBytes) {
      throw new ImportError(fileName, `would expand to more than ${mb(limits.maxUnzippedBytes)} when unzipped (a zip bomb?); refused`);
    }
    names.push(name);
    list.push({ name, method: buf.readUInt16LE(at + 10), compressedSize: compressed, size, localHeaderOffset: buf.readUInt32LE(at + 42) });
    at += 46 + nameLen + extraLen + commentLen;
  }
  return { entries: count, uncompressedBytes: total, names, list };
}

function mb(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024))} MB`;
}

/** One entry's bytes, inflated with the output capped at its declared size (a lying entry
 *  fails here instead of growing without end). */
export function readZipEntry(bytes: Uint8Array, entry: ZipEntry, fileName: string): Buffer {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localHeaderOffset;
  if (at + 30 > buf.length || buf.readUInt32LE(at) !== 0x04034b50) {
    throw new ImportError(fileName, `is not a valid .docx file (damaged zip: entry ${entry.name} is missing)`);
  }
  const start = at + 30 + buf.readUInt16LE(at + 26) + buf.readUInt16LE(at + 28);
  const data = buf.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) return Buffer.from(data);
  if (entry.method !== 8) throw new ImportError(fileName, `zip entry ${entry.name} uses an unsupported compression method ${entry.method}`);
  try {
    return inflateRawSync(data, { maxOutputLength: Math.max(entry.size, 1) });
  } catch (err) {
    throw new ImportError(fileName, `is not a valid .docx file (damaged zip entry ${entry.name}: ${(err as Error).message})`);
  }
}
