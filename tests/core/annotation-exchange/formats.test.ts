// The four export formats and the two readers, without a database: what each file holds, and
// that hostile notes stay inert (no live HTML or script link in Markdown, no formula in CSV).
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { writeCsv } from '../../../electron/core/services/annotation-exchange/csv-format';
import { writeJson } from '../../../electron/core/services/annotation-exchange/json-format';
import { writeJsonLd } from '../../../electron/core/services/annotation-exchange/jsonld-format';
import { writeMarkdown } from '../../../electron/core/services/annotation-exchange/markdown-format';
import { literalMarkdown, safeNoteMarkdown } from '../../../electron/core/services/annotation-exchange/markdown-safety';
import { readAnnotationFile } from '../../../electron/core/services/annotation-exchange/read-file';
import { MAX_ANNOTATION_FILE_CHARS } from '../../../shared/api/annotation-exchange/methods';
import { MAX_FILE_BODY_BYTES, maxBodyBytes } from '../../../shared/api/http';
import { AppError } from '../../../shared/api/result';
import { exportInput, HOSTILE_NOTES, sampleAnnotations } from './fixtures';

// A Markdown viewer that lets raw HTML through (html: true) and links of any scheme: the worst
// case an exported file may meet. What it renders from the export must hold no tag but the
// ones Markdown itself makes, and no link but http(s)/mailto.
const permissive = new MarkdownIt({ html: true, linkify: true });
permissive.validateLink = () => true;
const MARKDOWN_TAGS = new Set(['h1', 'h2', 'h3', 'h4', 'p', 'blockquote', 'em', 'strong', 'ul', 'ol', 'li', 'code', 'pre', 'a', 'hr', 'br', 'img', 's']);

function inert(html: string): string[] {
  const problems: string[] = [];
  for (const m of html.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9-]*)([^>]*)>/g)) {
    if (!MARKDOWN_TAGS.has(m[1]!.toLowerCase())) problems.push(`tag ${m[0]}`);
    if (/\son[a-z]+\s*=/i.test(m[2]!)) problems.push(`handler ${m[0]}`);
  }
  for (const m of html.matchAll(/(?:href|src)="([^"]*)"/g)) {
    if (!/^(https?:|mailto:)/i.test(m[1]!)) problems.push(`link ${m[1]}`);
  }
  return problems;
}

// The service gives Markdown and CSV the annotations not in the trash (tested with the database).
const forReading = () => exportInput(sampleAnnotations().filter((a) => a.deletedAt === null));

describe('Markdown export', () => {
  const md = writeMarkdown(forReading());

  it('groups by plan, theme and item, quotes the passage, keeps the note Markdown and names the colour', () => {
    expect(md).toMatch(/^# 标注\n/);
    expect(md).toContain('## 杭州&lt;script&gt;2024&lt;/script&gt;'.replace(/&lt;/g, '\\<').replace(/&gt;/g, '\\>'));
    expect(md).toContain('#### 第一 推动 \\[产业\\](javascript:x) 升级');
    expect(md).toContain('> 发展新质生');
    expect(md).toContain('**要点**：见 [文件](https://example.org/a?b=1)。');
    expect(md).toContain('黄色 (重点)');
    expect(md).toContain('标签: 重点, AI');
    expect(md).toContain('### 计划笔记');
  });

  it('renders to nothing live in a viewer that allows raw HTML and any link', () => {
    const html = permissive.render(md);
    expect(inert(html)).toEqual([]);
    expect(html).toContain('<a href="https://example.org/a?b=1">文件</a>');
    expect(html).toContain('<strong>要点</strong>');
  });

  it.each(HOSTILE_NOTES)('hostile note %j stays inert and its text stays visible', (note) => {
    const safe = safeNoteMarkdown(note);
    const html = permissive.render(safe);
    expect(inert(html)).toEqual([]);
    // Escaping changes how the note is written, not what a reader sees of it.
    const seen = html.replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
    for (const word of note.match(/[a-z]{4,}/gi) ?? []) expect(seen).toContain(word);
  });

  it('keeps code as code: fences and inline spans are not escaped, and an unclosed fence is closed', () => {
    expect(safeNoteMarkdown('```\n<b>x</b>\n```')).toBe('```\n<b>x</b>\n```');
    expect(safeNoteMarkdown('a `<b>` <b>')).toBe('a `<b>` &lt;b>');
    expect(safeNoteMarkdown('```js\n<b>')).toBe('```js\n<b>\n```');
    // An escaped backtick opens no code span.
    expect(safeNoteMarkdown('\\`<img onerror=x>\\`')).toBe('\\`&lt;img onerror=x>\\`');
    // A fence inside a list item ends with the item: not trusted as code.
    expect(safeNoteMarkdown('- a\n  ```\n<img src=x onerror=alert(1)>')).toContain('&lt;img');
    // A code span over two lines may be two paragraphs in a viewer: not trusted as code.
    expect(safeNoteMarkdown('`a\n# <img onerror=x>\nb`')).toContain('&lt;img');
  });

  it('defuses links and definitions whose destination is not http(s) or mailto', () => {
    expect(safeNoteMarkdown('[a](javascript:alert(1))')).toBe('[a]\\(javascript:alert(1))');
    expect(safeNoteMarkdown('[a](jav&#x61;script:x)')).toBe('[a]\\(jav&#x61;script:x)');
    expect(safeNoteMarkdown('> [r]: data:text/html,x')).toBe('> \\[r]: data:text/html,x');
    expect(safeNoteMarkdown('[a](mailto:x@example.org) [b](https://x.org)')).toBe('[a](mailto:x@example.org) [b](https://x.org)');
  });

  it('escapes the plan’s own text as literal text', () => {
    expect(literalMarkdown('# 1. <b>*x*</b>')).toBe('\\# 1. \\<b\\>\\*x\\*\\</b\\>');
    expect(literalMarkdown('1. 第一')).toBe('1\\. 第一');
    expect(permissive.render(`> ${literalMarkdown('- [a](javascript:x) <img src=x onerror=y>')}`)).not.toMatch(/<a |<img|<li/);
  });
});

describe('CSV export', () => {
  const csv = writeCsv(forReading());
  const rows = csv.slice(1).split('\r\n');

  it('is UTF-8 with a BOM, a header in the reader’s language and one row per annotation', () => {
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(rows[0]).toMatch(/^计划,主题,举措,举措标题,类型,引文,笔记,标签,颜色,颜色含义/);
    expect(rows.filter((r) => r !== '')).toHaveLength(1 + forReading().entries.length);
    expect(csv).toContain('发展新质生');
    expect(csv).toContain('重点、AI');
  });

  it('neutralises formulas, also behind invisible characters', () => {
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
    expect(csv).toContain("'\u200B=1+1");
    expect(csv).toContain("'=cmd0");
    expect(csv).not.toMatch(/(^|,)=/m);
  });
});

describe('JSON and JSON-LD read back what they wrote', () => {
  const all = sampleAnnotations();
  it.each([
    ['json', writeJson],
    ['jsonld', writeJsonLd],
  ] as const)('%s keeps every field of every annotation, the trash included', (format, write) => {
    const text = write(exportInput());
    const read = readAnnotationFile(`a.${format}`, text);
    expect(read.format).toBe(format);
    expect(read.annotations).toEqual(all);
    expect(read.colorNames).toEqual({ yellow: '重点', purple: '<i>问题</i>' });
  });

  it.each([
    ['json', writeJson],
    ['jsonld', writeJsonLd],
  ] as const)('%s holds hostile notes as inert text, safe even inside an HTML script element', (_format, write) => {
    const text = write(exportInput());
    expect(text).not.toMatch(/[<>&\u2028\u2029]/);
    expect(text).toContain('\\u003cscript\\u003ealert(1)\\u003c/script\\u003e');
    expect(JSON.stringify(JSON.parse(text))).toContain('<script>alert(1)</script>');
  });

  it('JSON-LD says the model’s words: context, urn:uuid ids, motivations, tagging bodies, item IRIs', () => {
    const doc = JSON.parse(writeJsonLd(exportInput())) as { '@context': unknown; type: string; total: number; first: { items: Record<string, unknown>[] } };
    expect(doc.type).toBe('AnnotationCollection');
    expect(doc.total).toBe(all.length);
    const [highlight, , planNote] = doc.first.items;
    expect(highlight).toMatchObject({
      '@context': ['http://www.w3.org/ns/anno.jsonld', { briefbook: 'urn:briefbook:vocab:' }],
      id: 'urn:uuid:00000000-0000-4000-8000-000000000001',
      type: 'Annotation',
      motivation: 'highlighting',
      body: [
        { type: 'TextualBody', format: 'text/markdown', purpose: 'commenting' },
        { type: 'TextualBody', value: '重点', purpose: 'tagging' },
        { type: 'TextualBody', value: 'AI', purpose: 'tagging' },
      ],
      target: {
        type: 'SpecificResource',
        source: { id: 'urn:briefbook:item:hz-2024/T1/I1:body', language: 'zh' },
        selector: [
          { type: 'TextQuoteSelector', exact: '发展新质生' },
          { type: 'TextPositionSelector', start: 2, end: 7 },
        ],
        styleClass: 'briefbook-yellow',
      },
    });
    expect(planNote).toMatchObject({ motivation: 'commenting', target: 'urn:briefbook:plan:hz-2024' });
  });
});

describe('the size of an annotation file', () => {
  it('the largest file import reads fits in the HTTP body browser mode allows for it (UTF-8, 3 bytes a unit)', () => {
    expect(maxBodyBytes('annotation.import')).toBe(MAX_FILE_BODY_BYTES);
    expect(MAX_ANNOTATION_FILE_CHARS * 3 + 1024).toBeLessThanOrEqual(MAX_FILE_BODY_BYTES);
  });
});

describe('a bad file is refused with the place of the problem', () => {
  const json = JSON.parse(writeJson(exportInput())) as { annotations: Record<string, unknown>[] };
  const refuse = (value: unknown, name = 'mine.json') => {
    try {
      readAnnotationFile(name, typeof value === 'string' ? value : JSON.stringify(value));
    } catch (err) {
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).code).toBe('BAD_REQUEST');
      return (err as Error).message;
    }
    throw new Error('not refused');
  };
  const withRecord = (i: number, change: (r: Record<string, unknown>) => void) => {
    const copy = structuredClone(json);
    change(copy.annotations[i]!);
    return copy;
  };

  it('names the file, the record and the field', () => {
    expect(refuse('not json')).toMatch(/^mine\.json: is not JSON/);
    expect(refuse({ format: 'other' })).toMatch(/^mine\.json: format: must be "briefbook-annotations"/);
    expect(refuse({ ...json, version: 2 })).toMatch(/version: is 2, from a newer Briefbook/);
    expect(refuse(withRecord(3, (r) => (r.id = 'x')))).toMatch(/annotations\[3\]\.id: must be a UUID/);
    expect(
      refuse(withRecord(0, (r) => ((r.target as { selectors: { position: { end: number } } }).selectors.position.end = 99))),
    ).toMatch(/annotations\[0\]\.target\.selectors\.position: spans 97 characters but the quote has 5/);
    expect(refuse(withRecord(2, (r) => (r.color = 'red')))).toMatch(/annotations\[2\]\.color/);
    expect(refuse(withRecord(1, (r) => (r.revision = 0)))).toMatch(/annotations\[1\]\.revision: must be at least 1/);
    expect(refuse(withRecord(4, (r) => (r.extra = 1)))).toMatch(/annotations\[4\]/);
    expect(refuse({ ...json, annotations: [json.annotations[0], json.annotations[0]] })).toMatch(/annotations\[1\]\.id: .* is also annotation 0/);
  });

  it('names the JSON-LD field in the W3C terms', () => {
    const doc = JSON.parse(writeJsonLd(exportInput())) as { first: { items: Record<string, unknown>[] } };
    const broken = structuredClone(doc);
    (broken.first.items[0]!.target as { selector: unknown[] }).selector = [{ type: 'TextQuoteSelector', exact: 'x' }];
    expect(refuse(broken, 'a.jsonld')).toMatch(/^a\.jsonld: first\.items\[0\]\.target\.selector: must have a TextQuoteSelector and a TextPositionSelector/);
    const foreign = structuredClone(doc);
    foreign.first.items[5]!.target = 'https://example.org/page';
    expect(refuse(foreign, 'a.jsonld')).toMatch(/first\.items\[5\]\.target: must be a Briefbook plan or item/);
    const late = structuredClone(doc);
    late.first.items[0]!.created = 'yesterday';
    expect(refuse(late, 'a.jsonld')).toMatch(/first\.items\[0\] \(urn:uuid:[-0-9a-f]+\): created must be a date and time/);
  });
});
