// Small display helpers shared by the components.

/** `2024-05-11 15:55:53` (as printed by the source) → `2024-05-11 15:55`; anything else unchanged. */
export function formatPublished(printed: string): string {
  const m = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2})(:\d{2})?$/.exec(printed);
  return m ? `${m[1]} ${m[2]}` : printed;
}

/** The same time as a machine-readable value for <time dateTime>, or undefined if not parseable. */
export function publishedDateTime(printed: string): string | undefined {
  const m = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}(:\d{2})?)$/.exec(printed);
  return m ? `${m[1]}T${m[2]}` : undefined;
}

/** Body text keeps the source's paragraph breaks. */
export function paragraphs(text: string): string[] {
  return text
    .split(/\n+/)
    .map((p) => p.trim())
    .filter(Boolean);
}
