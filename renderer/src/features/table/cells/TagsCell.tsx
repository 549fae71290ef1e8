// Tags: chips with a remove button each, and a small input that adds a tag on Enter (or a comma).
// Every add or remove saves the whole tag list at once.
import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { InitiativeRow } from '../../../../../shared/domain/table';
import { LazyEditor } from './LazyEditor';
import { phaseProps, useFieldEdit } from './use-field-edit';
import { FIELD_LIMITS } from '../../../../../shared/text';

export function TagsCell({ row }: { row: InitiativeRow }) {
  const { t } = useTranslation('table');
  const edit = useFieldEdit(row, 'tags');
  const tags = edit.value;
  const [draft, setDraft] = useState('');
  const addLabel = t('edit.addTag', { id: row.shortId });

  const add = (raw: string) => {
    const tag = raw.trim().replace(/[,，]+$/, '').trim();
    setDraft('');
    if (!tag || tags.includes(tag)) return;
    edit.commit([...tags, tag], true);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter' || e.key === ',' || e.key === '，') {
      e.preventDefault();
      add(e.currentTarget.value);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      setDraft('');
    }
  };
  return (
    <span className="itable-edit itable-tags" {...phaseProps(edit.phase, edit.error)}>
      {tags.map((tag) => (
        <span key={tag} className="itable-chip" title={tag}>
          <span className="itable-chip-text">{tag}</span>
          <button
            type="button"
            className="itable-chip-remove"
            aria-label={t('edit.removeTag', { tag, id: row.shortId })}
            onClick={() => edit.commit(tags.filter((x) => x !== tag), true)}
          />
        </span>
      ))}
      <LazyEditor
        label={addLabel}
        keep={draft !== ''}
        className="itable-tag-slot"
        display={<span className="itable-tag-add">{t('edit.tagPlaceholder')}</span>}
      >
        {(autoFocus) => (
          <input
            type="text"
            className="itable-tag-input"
            aria-label={addLabel}
            maxLength={FIELD_LIMITS.tag}
            placeholder={t('edit.tagPlaceholder')}
            autoFocus={autoFocus}
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            onKeyDown={onKeyDown}
            onBlur={(e) => add(e.currentTarget.value)}
          />
        )}
      </LazyEditor>
    </span>
  );
}
