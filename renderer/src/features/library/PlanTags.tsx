// A plan's tags in the library: chips with a remove button each and an "add tag" button that
// opens a field. Enter (or a comma) adds the typed tag and stays for the next one; Enter on an
// empty field or Escape closes it. Tags on other plans are suggested. Works like the table's tag
// cell (which is bound to the table's rows and editing rule, so it is not reused as is).
import { useId, useState, type KeyboardEvent } from 'react';
import { useTranslation } from '../../i18n/ui-text';
import { FIELD_LIMITS } from '../../../../shared/text';

interface Props {
  title: string;
  tags: readonly string[];
  suggestions: readonly string[];
  disabled?: boolean;
  onChange(tags: string[]): void;
}

export function PlanTags({ title, tags, suggestions, disabled, onChange }: Props) {
  const { t } = useTranslation('library');
  const [adding, setAdding] = useState(false);
  const [draft, setDraft] = useState('');
  const listId = useId();

  const add = (raw: string) => {
    const tag = raw.trim().replace(/[,，]+$/, '').trim();
    setDraft('');
    if (tag && !tags.includes(tag)) onChange([...tags, tag]);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter' || e.key === ',' || e.key === '，') {
      e.preventDefault();
      if (e.key === 'Enter' && e.currentTarget.value.trim() === '') setAdding(false);
      else add(e.currentTarget.value);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      setDraft('');
      setAdding(false);
    }
  };

  return (
    <div className="library-tags" aria-label={t('tags')} role="group">
      {tags.map((tag) => (
        <span key={tag} className="library-chip">
          <span className="library-chip-text">{tag}</span>
          <button
            type="button"
            className="library-chip-remove"
            aria-label={t('removeTag', { tag })}
            disabled={disabled}
            onClick={() => onChange(tags.filter((x) => x !== tag))}
          />
        </span>
      ))}
      {adding ? (
        <>
          <input
            type="text"
            className="library-tag-input"
            aria-label={t('addTagLabel', { title })}
            placeholder={t('tagPlaceholder')}
            maxLength={FIELD_LIMITS.tag}
            list={listId}
            autoFocus
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            onKeyDown={onKeyDown}
            onBlur={(e) => {
              add(e.currentTarget.value);
              setAdding(false);
            }}
          />
          <datalist id={listId}>
            {suggestions
              .filter((s) => !tags.includes(s))
              .map((s) => (
                <option key={s} value={s} />
              ))}
          </datalist>
        </>
      ) : (
        <button
          type="button"
          className="library-tag-add"
          aria-label={t('addTagLabel', { title })}
          disabled={disabled}
          onClick={() => setAdding(true)}
        >
          {t('addTag')}
        </button>
      )}
    </div>
  );
}
