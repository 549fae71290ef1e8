// The reader's Markdown (a note's body) as HTML: the one configuration the app's screen and the
// printed packet share. markdown-it never passes HTML through (html: false escapes every tag the
// reader typed) and accepts only http(s) and mailto links; an image is never loaded (the app
// works offline, and a remote image is a beacon): it becomes a link to its address. The screen
// runs DOMPurify over the result as a second lock; the packet, composed where there is no DOM,
// also puts it into a document whose CSP allows no script and no remote resource.
import MarkdownIt from 'markdown-it';

/** The addresses a note's link may point to. Anything else is shown as the text it was. */
const SAFE_LINK = /^(?:https?:\/\/|mailto:)/i;

export function isSafeLink(href: string): boolean {
  return SAFE_LINK.test(href.trim());
}

export const SAFE_LINK_PATTERN = SAFE_LINK;

const md = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: true });
// markdown-it's own check only refuses javascript:, vbscript:, file: and some data:; ours allows
// only what a reader would open in a browser. A refused link stays literal text.
md.validateLink = isSafeLink;
md.renderer.rules.image = (tokens, idx, options, env, self) => {
  const token = tokens[idx]!;
  const src = token.attrGet('src') ?? '';
  const alt = self.renderInlineAsText(token.children ?? [], options, env) || src;
  const label = md.utils.escapeHtml(alt);
  return isSafeLink(src) ? `<a href="${md.utils.escapeHtml(src)}">${label}</a>` : label;
};

/** The reader's Markdown as HTML: every tag they typed escaped, only safe links. */
export function noteMarkdownToHtml(source: string): string {
  return md.render(source);
}
