// W3C Web Annotation JSON-LD (https://www.w3.org/TR/annotation-model/): an AnnotationCollection
// whose one embedded AnnotationPage holds every annotation. Each annotation also carries its own
// @context, so it stands alone (and is checked alone against the W3C test suite's schemas).
//
// How Briefbook's annotations are said in the model:
// - id `urn:uuid:<id>`; motivation `highlighting` (highlight) or `commenting` (note);
// - the note as a TextualBody (format text/markdown, purpose commenting), each tag as a
//   TextualBody with purpose tagging;
// - a highlight's target: a SpecificResource whose source is the text it was made in,
//   `urn:briefbook:item:<itemId>:<headline|body>` (type Text, its language zh or en), with a
//   TextQuoteSelector and a TextPositionSelector (code points, as the model requires) and its
//   colour as styleClass `briefbook-<colour>` (the stylesheet says what the class looks like);
// - a note's target: `urn:briefbook:item:<itemId>`, or `urn:briefbook:plan:<planId>` for a note
//   on the plan as a whole;
// - what the model has no word for, in Briefbook's own terms (prefix `briefbook:`): the
//   revision, the trash (deletedAt), how the passage anchors in the current text; and on the
//   collection, the reader's colour names. Other tools ignore them; Briefbook reads them back,
//   so this format is lossless too.
import { randomUUID } from 'node:crypto';
import { HIGHLIGHT_COLORS, type Annotation, type ColorNames, type HighlightColor } from '../../../../shared/api/annotations/methods';
import type { ExportInput } from './entries';
import { checkRecord } from '../../../../shared/api/annotation-exchange/file-record';

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
export const BRIEFBOOK_VOCAB = 'urn:briefbook:vocab:';
const CONTEXT = [ANNO_CONTEXT, { briefbook: BRIEFBOOK_VOCAB }] as const;

const ITEM_IRI = 'urn:briefbook:item:';
const PLAN_IRI = 'urn:briefbook:plan:';
const STYLE_PREFIX = 'briefbook-';

/** The colours as a highlight shows them (the app's light theme), for other tools. */
const CSS_COLOR: Record<HighlightColor, string> = {
  yellow: '#fde68a',
  green: '#bbf7d0',
  blue: '#bfdbfe',
  pink: '#fbcfe8',
  purple: '#ddd6fe',
};

export function itemIri(itemId: string): string {
  return `${ITEM_IRI}${itemId}`;
}

export function toWebAnnotation(a: Annotation): Record<string, unknown> {
  const body: Record<string, unknown>[] = [];
  if (a.body !== '') body.push({ type: 'TextualBody', value: a.body, format: 'text/markdown', purpose: 'commenting' });
  for (const tag of a.tags) body.push({ type: 'TextualBody', value: tag, purpose: 'tagging' });
  const out: Record<string, unknown> = {
    '@context': CONTEXT,
    id: `urn:uuid:${a.id}`,
    type: 'Annotation',
    motivation: a.kind === 'highlight' ? 'highlighting' : 'commenting',
    created: a.createdAt,
    modified: a.modifiedAt,
  };
  if (body.length > 0) out.body = body;
  if (a.kind === 'highlight' && a.target && a.color) {
    const { quote, position } = a.target.selectors;
    out.target = {
      type: 'SpecificResource',
      source: { id: `${itemIri(a.target.itemId)}:${a.target.part}`, type: 'Text', format: 'text/plain', language: a.target.language },
      selector: [
        { type: 'TextQuoteSelector', exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix },
        { type: 'TextPositionSelector', start: position.start, end: position.end },
      ],
      styleClass: `${STYLE_PREFIX}${a.color}`,
    };
    out.stylesheet = { type: 'CssStylesheet', value: `.${STYLE_PREFIX}${a.color} { background-color: ${CSS_COLOR[a.color]}; }` };
  } else {
    out.target = a.itemId === null ? `${PLAN_IRI}${a.planId}` : itemIri(a.itemId);
  }
  out['briefbook:revision'] = a.revision;
  if (a.deletedAt !== null) out['briefbook:deletedAt'] = a.deletedAt;
  if (a.anchor) out['briefbook:anchor'] = { ...a.anchor };
  return out;
}

export function writeJsonLd(input: ExportInput): string {
  const items = input.entries.map((e) => toWebAnnotation(e.annotation));
  const collection: Record<string, unknown> = {
    '@context': CONTEXT,
    id: `urn:uuid:${randomUUID()}`,
    type: 'AnnotationCollection',
    label: input.planId ? `Briefbook annotations: ${input.planId}` : 'Briefbook annotations',
    generated: input.exportedAt.toISOString(),
    total: items.length,
    'briefbook:colorNames': input.colorNames,
  };
  // The model: a collection with no annotations has no pages.
  if (items.length > 0) collection.first = { id: `urn:uuid:${randomUUID()}`, type: 'AnnotationPage', startIndex: 0, items };
  return `${htmlSafeJson(collection)}\n`;
}

/**
 * JSON that is also safe inside an HTML `<script type="application/ld+json">`, where JSON-LD is
 * often put: `<`, `>` and `&` (and the two line separators JavaScript once refused) are written
 * as \u escapes, so a note holding `</script>` cannot end the element. The same data once parsed.
 */
export function htmlSafeJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A problem in a file, named by where it is (`first.items[3].target.selector`). */
export class FileProblem extends Error {
  constructor(
    readonly where: string,
    message: string,
  ) {
    super(`${where}: ${message}`);
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const types = (v: Record<string, unknown>): unknown[] => (Array.isArray(v.type) ? v.type : [v.type]);
const one = (v: unknown): unknown[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

export function isJsonLd(value: unknown): boolean {
  if (Array.isArray(value)) return value.length === 0 || (isObject(value[0]) && '@context' in value[0]);
  return isObject(value) && '@context' in value;
}

/** The annotations of a JSON-LD file (a collection with its page embedded, a page, a list or
 *  one annotation) and the colour names it carries; throws a FileProblem naming the place. */
export function readJsonLd(value: unknown): { annotations: Annotation[]; colorNames: ColorNames | null } {
  let items: unknown[];
  let where = '';
  let colorNames: ColorNames | null = null;
  if (Array.isArray(value)) {
    items = value;
  } else if (isObject(value) && types(value).includes('AnnotationCollection')) {
    if (value['briefbook:colorNames'] !== undefined) colorNames = readColorNames(value['briefbook:colorNames']);
    if (value.first === undefined) {
      items = [];
    } else if (!isObject(value.first)) {
      throw new FileProblem('first', 'must be the page itself, not a link to it (Briefbook reads files that hold their annotations)');
    } else {
      if (value.first.next !== undefined) throw new FileProblem('first.next', 'more pages are linked, but only the annotations in this file can be read');
      items = one(value.first.items);
      where = 'first.items';
    }
  } else if (isObject(value) && types(value).includes('AnnotationPage')) {
    items = one(value.items);
    where = 'items';
  } else if (isObject(value) && types(value).includes('Annotation')) {
    return { annotations: [readOne(value, '')], colorNames };
  } else {
    throw new FileProblem('type', 'must be Annotation, AnnotationPage or AnnotationCollection');
  }
  return { annotations: items.map((item, i) => readOne(item, `${where}[${i}]`)), colorNames };
}

/** The reader's colour names as a file carries them (`at` names the field in messages). */
export function readColorNames(value: unknown, at = 'briefbook:colorNames'): ColorNames {
  if (!isObject(value)) throw new FileProblem(at, 'must be an object of colour names');
  const names: ColorNames = {};
  for (const [color, name] of Object.entries(value)) {
    if (!(HIGHLIGHT_COLORS as readonly string[]).includes(color)) throw new FileProblem(`${at}.${color}`, `is not a colour (${HIGHLIGHT_COLORS.join(', ')})`);
    if (typeof name !== 'string' || name.length > 40) throw new FileProblem(`${at}.${color}`, 'must be a name of at most 40 characters');
    names[color as HighlightColor] = name;
  }
  return names;
}

const UUID_IRI = /^urn:uuid:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

function readOne(value: unknown, at: string): Annotation {
  const here = (field: string) => (at ? `${at}.${field}` : field);
  if (!isObject(value)) throw new FileProblem(at || 'annotation', 'must be an annotation object');
  if (!types(value).includes('Annotation')) throw new FileProblem(here('type'), 'must include Annotation');
  const idMatch = typeof value.id === 'string' ? UUID_IRI.exec(value.id) : null;
  if (!idMatch) throw new FileProblem(here('id'), 'must be urn:uuid: followed by a UUID (Briefbook merges annotations by it)');

  const targets = one(value.target);
  if (targets.length !== 1) throw new FileProblem(here('target'), `must be exactly one target (found ${targets.length})`);
  const target = targets[0];
  let kind: Annotation['kind'];
  let planId: string;
  let itemId: string | null;
  let record: Pick<Annotation, 'target' | 'color'> = { target: null, color: null };
  if (typeof target === 'string') {
    kind = 'note';
    if (target.startsWith(PLAN_IRI)) {
      planId = target.slice(PLAN_IRI.length);
      itemId = null;
    } else if (target.startsWith(ITEM_IRI)) {
      itemId = target.slice(ITEM_IRI.length);
      planId = itemId.split('/')[0]!;
    } else {
      throw new FileProblem(here('target'), `must be a Briefbook plan or item (${PLAN_IRI}… or ${ITEM_IRI}…), not ${target.slice(0, 80)}`);
    }
  } else if (isObject(target)) {
    kind = 'highlight';
    const source = isObject(target.source) ? target.source.id : target.source;
    const sourceAt = isObject(target.source) ? here('target.source.id') : here('target.source');
    const m = typeof source === 'string' ? /^urn:briefbook:item:(.+):(headline|body)$/.exec(source) : null;
    if (!m) throw new FileProblem(sourceAt, `must be the text of a Briefbook item (${ITEM_IRI}<item id>:headline or :body)`);
    itemId = m[1]!;
    planId = itemId.split('/')[0]!;
    const language = isObject(target.source) && target.source.language !== undefined ? target.source.language : 'zh';
    const selectors = one(target.selector).filter(isObject);
    const quote = selectors.find((s) => s.type === 'TextQuoteSelector');
    const position = selectors.find((s) => s.type === 'TextPositionSelector');
    if (!quote || !position) throw new FileProblem(here('target.selector'), 'must have a TextQuoteSelector and a TextPositionSelector');
    const styles = one(target.styleClass).filter((c): c is string => typeof c === 'string' && c.startsWith(STYLE_PREFIX));
    const color = styles.length > 0 ? styles[0]!.slice(STYLE_PREFIX.length) : 'yellow';
    record = {
      color: color as HighlightColor,
      target: {
        itemId,
        part: m[2] as 'headline' | 'body',
        language: language as 'zh',
        selectors: {
          quote: { type: 'TextQuoteSelector', exact: quote.exact as string, prefix: (quote.prefix ?? '') as string, suffix: (quote.suffix ?? '') as string },
          position: { type: 'TextPositionSelector', start: position.start as number, end: position.end as number },
        },
      },
    };
  } else {
    throw new FileProblem(here('target'), 'must be an IRI or a SpecificResource');
  }

  let body = '';
  const tags: string[] = [];
  const bodies = value.bodyValue !== undefined ? [{ type: 'TextualBody', value: value.bodyValue }] : one(value.body);
  bodies.forEach((b, i) => {
    const bodyAt = value.bodyValue !== undefined ? here('bodyValue') : here(`body[${i}]`);
    if (!isObject(b) || !types(b).includes('TextualBody') || typeof b.value !== 'string') {
      throw new FileProblem(bodyAt, 'must be a TextualBody with a text value (Briefbook keeps notes and tags as text)');
    }
    const purposes = one(b.purpose);
    if (purposes.includes('tagging')) tags.push(b.value);
    else if (body === '') body = b.value;
    else throw new FileProblem(bodyAt, 'is a second note; an annotation has one');
  });

  const anchorValue = value['briefbook:anchor'];
  const candidate = {
    id: idMatch[1]!,
    kind,
    planId,
    itemId,
    target: record.target,
    anchor: anchorValue !== undefined ? anchorValue : kind === 'highlight' ? { status: 'anchored' } : null,
    color: record.color,
    body,
    tags,
    createdAt: value.created,
    modifiedAt: value.modified ?? value.created,
    revision: value['briefbook:revision'] ?? 1,
    deletedAt: value['briefbook:deletedAt'] ?? null,
  };
  const checked = checkRecord(candidate);
  if (!checked.ok) throw new FileProblem(`${at || 'annotation'} (${String(value.id)})`, `${jsonLdField(checked.path)} ${checked.message}`);
  return checked.value;
}

/** The record's field as the JSON-LD calls it. */
function jsonLdField(path: string): string {
  const names: [string, string][] = [
    ['target.selectors.quote', 'target.selector (TextQuoteSelector)'],
    ['target.selectors.position', 'target.selector (TextPositionSelector)'],
    ['target.selectors', 'target.selector'],
    ['target.language', 'target.source.language'],
    ['createdAt', 'created'],
    ['modifiedAt', 'modified'],
    ['revision', 'briefbook:revision'],
    ['deletedAt', 'briefbook:deletedAt'],
    ['anchor', 'briefbook:anchor'],
    ['color', 'target.styleClass'],
    ['tags', 'body (tagging)'],
    ['body', 'body (commenting)'],
  ];
  for (const [from, to] of names) if (path === from || path.startsWith(`${from}.`) || path.startsWith(`${from}[`)) return to + path.slice(from.length);
  return path || 'annotation';
}

