// English plan text with the policy glossary's terms marked: each rendering of a recurring term
// (new quality productive forces, common prosperity, …) is underlined lightly and carries the
// Chinese term and its one-line explanation on hover, so a reader new to the vocabulary is not
// left with an opaque phrase.
import { Fragment, type ReactNode } from 'react';
import { useTranslation } from '../i18n/ui-text';
import { englishForms, POLICY_GLOSSARY, type GlossaryTerm } from '../../../shared/domain/glossary';

const FORMS: ReadonlyArray<[string, GlossaryTerm]> = POLICY_GLOSSARY.flatMap((term) =>
  englishForms(term).map((form): [string, GlossaryTerm] => [form.toLowerCase(), term]),
).sort((a, b) => b[0].length - a[0].length);

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Longest forms first, whole words only (“robust” but not “robustness”). */
const PATTERN = new RegExp(`\\b(${FORMS.map(([form]) => escape(form)).join('|')})\\b`, 'gi');
const TERM_OF = new Map(FORMS);

export function EnglishText({ text }: { text: string }) {
  const { t } = useTranslation();
  const parts: ReactNode[] = [];
  let last = 0;
  for (const match of text.matchAll(PATTERN)) {
    const term = TERM_OF.get(match[0].toLowerCase());
    if (!term) continue;
    if (match.index > last) parts.push(text.slice(last, match.index));
    parts.push(
      <span key={match.index} className="glossary-term" data-term={term.zh} title={t('glossary.hover', { zh: term.zh, note: term.note })}>
        {match[0]}
      </span>,
    );
    last = match.index + match[0].length;
  }
  if (parts.length === 0) return text;
  parts.push(text.slice(last));
  return <Fragment>{parts}</Fragment>;
}
