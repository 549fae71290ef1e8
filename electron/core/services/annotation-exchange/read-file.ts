// Reading an annotation file for import: Briefbook's JSON envelope or W3C JSON-LD, told apart
// by their content (the file name only names the file in messages). Every record is checked
// before anything is written; the first problem ends the reading with a message naming the
// file, the record and the field.
import type { Annotation, ColorNames } from '../../../../shared/api/annotations/methods';
import { AppError } from '../../../../shared/api/result';
import { JSON_FORMAT, JSON_VERSION } from './json-format';
import { FileProblem, isJsonLd, readColorNames, readJsonLd } from './jsonld-format';
import { checkRecord } from '../../../../shared/api/annotation-exchange/file-record';

export interface ReadAnnotations {
  format: 'json' | 'jsonld';
  annotations: Annotation[];
  colorNames: ColorNames | null;
}

export function readAnnotationFile(fileName: string, text: string): ReadAnnotations {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new AppError('BAD_REQUEST', `${fileName}: is not JSON (${(err as Error).message}). Briefbook imports annotations exported as JSON or JSON-LD.`);
  }
  try {
    const read = isJsonLd(value) ? { format: 'jsonld' as const, ...readJsonLd(value) } : { format: 'json' as const, ...readEnvelope(value) };
    const seen = new Map<string, number>();
    read.annotations.forEach((a, i) => {
      const before = seen.get(a.id);
      if (before !== undefined) throw new FileProblem(`annotations[${i}].id`, `${a.id} is also annotation ${before}; an id names one annotation`);
      seen.set(a.id, i);
    });
    return read;
  } catch (err) {
    if (err instanceof FileProblem) throw new AppError('BAD_REQUEST', `${fileName}: ${err.message}`);
    throw err;
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function readEnvelope(value: unknown): { annotations: Annotation[]; colorNames: ColorNames | null } {
  if (!isObject(value) || value.format !== JSON_FORMAT) {
    throw new FileProblem('format', `must be "${JSON_FORMAT}" (this is not a Briefbook annotation file, nor W3C JSON-LD with an @context)`);
  }
  if (typeof value.version !== 'number' || !Number.isInteger(value.version) || value.version < 1) throw new FileProblem('version', 'must be a whole number');
  if (value.version > JSON_VERSION) {
    throw new FileProblem('version', `is ${value.version}, from a newer Briefbook; this one reads version ${JSON_VERSION}`);
  }
  if (!Array.isArray(value.annotations)) throw new FileProblem('annotations', 'must be a list of annotations');
  const annotations = value.annotations.map((record, i) => {
    const checked = checkRecord(record);
    if (!checked.ok) throw new FileProblem(`annotations[${i}]${checked.path ? `.${checked.path}`.replace('.[', '[') : ''}`, checked.message);
    return checked.value;
  });
  let colorNames: ColorNames | null = null;
  if (value.colorNames !== undefined) {
    colorNames = readColorNames(value.colorNames, 'colorNames');
  }
  return { annotations, colorNames };
}
