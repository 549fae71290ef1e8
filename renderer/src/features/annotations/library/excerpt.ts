// A note's Markdown as a short line of plain text for a list entry. The list never renders
// Markdown (the panel does, through its one sanitizing path): it strips the common syntax
// lightly and shows the rest as React text, so a hostile body can only ever show as characters.

/** Markdown → plain text, one line, at most `max` code points (an ellipsis marks a cut). */
export function noteExcerpt(markdown: string, max = 240): string {
  const text = markdown
    // Fenced code: keep the code, drop the fences and their info string.
    .replace(/^\s*(```|~~~)[^\n]*$/gm, '')
    // Images and links keep their text, never their address.
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\[[^\]]*\]/g, '$1')
    .replace(/^\s*\[[^\]]+\]:\s*\S+.*$/gm, '')
    .replace(/<(https?:[^>\s]+|mailto:[^>\s]+)>/g, '$1')
    // Block markers at a line's start: headings, quotes, list bullets and numbers, rules, task boxes.
    .replace(/^\s{0,3}#{1,6}\s+/gm, '')
    .replace(/^\s*(>\s?)+/gm, '')
    .replace(/^\s*([-*+]|\d+[.)])\s+(\[[ xX]\]\s+)?/gm, '')
    .replace(/^\s*([-*_]\s*){3,}$/gm, '')
    // Emphasis, strike-through and inline code marks (the words stay).
    .replace(/(\*\*|__|~~)(?=\S)([\s\S]*?\S)\1/g, '$2')
    .replace(/(^|[^\w*])[*_](?=\S)([^*_\n]*?\S)[*_](?=$|[^\w*])/g, '$1$2')
    .replace(/`+([^`]*)`+/g, '$1')
    // Table pipes read as gaps.
    .replace(/\s*\|\s*/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const points = [...text];
  return points.length > max ? `${points.slice(0, max - 1).join('').trimEnd()}…` : text;
}
