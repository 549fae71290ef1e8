// The one way the reader's Markdown (a note's body) becomes HTML anywhere in the UI. Two locks,
// each enough on its own for the common attacks: the shared Markdown configuration (also used by
// the printed packet) never passes HTML through and accepts only http(s) and mailto links; DOMPurify
// then keeps only a short list of plain text elements and attributes, so whatever markdown-it
// might let slip (a parser bug, an mXSS form) still cannot run script, load a resource or style
// the page. Images are never loaded (the app works offline, and a remote image is a beacon): an
// image becomes a link to its address, which the reader can open after confirming it.
import DOMPurify from 'dompurify';
import { isSafeLink, noteMarkdownToHtml, SAFE_LINK_PATTERN } from '../../../../shared/markdown/note-markdown';

export { isSafeLink };

const ALLOWED_TAGS = [
  'p', 'br', 'em', 'strong', 's', 'del', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li', 'a',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'table', 'thead', 'tbody', 'tr', 'th', 'td',
];

let hooked = false;
function purifier(): typeof DOMPurify {
  if (!hooked) {
    hooked = true;
    DOMPurify.addHook('afterSanitizeAttributes', (node) => {
      if (node.nodeName !== 'A') return;
      const href = node.getAttribute('href');
      if (href === null || !isSafeLink(href)) {
        node.removeAttribute('href');
        return;
      }
      // Opened by the app after the reader confirms (see NoteMarkdown), never in this window.
      node.setAttribute('rel', 'noopener noreferrer');
      node.setAttribute('target', '_blank');
    });
  }
  return DOMPurify;
}

/** Rendered notes by source: a panel of hundreds of notes mounts again without parsing them again. */
const rendered = new Map<string, string>();
const RENDERED_KEPT = 2000;

/** The reader's Markdown as HTML safe to put into the page (links marked, nothing active). */
export function renderNoteMarkdown(source: string): string {
  const known = rendered.get(source);
  if (known !== undefined) return known;
  const html = sanitize(noteMarkdownToHtml(source));
  if (rendered.size >= RENDERED_KEPT) rendered.delete(rendered.keys().next().value!);
  rendered.set(source, html);
  return html;
}

function sanitize(html: string): string {
  return purifier().sanitize(html, {
    ALLOWED_TAGS,
    ALLOWED_ATTR: ['href', 'title', 'start', 'colspan', 'rowspan'],
    ALLOWED_URI_REGEXP: SAFE_LINK_PATTERN,
    ALLOW_DATA_ATTR: false,
    ALLOW_ARIA_ATTR: false,
    KEEP_CONTENT: true,
    RETURN_TRUSTED_TYPE: false,
  });
}
