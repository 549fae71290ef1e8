// Tags: chips with a remove button each, and an "add" slot under the table's editing rule (Enter,
// a double-click or typing starts it). Enter (or a comma) adds the typed tag and stays for the
// next one; Enter on an empty field, Escape or Tab leaves. Tags already in use are suggested as
// one types (the table's datalist). Every add or remove saves the whole tag list at once.
import { useState, type KeyboardEvent } from 'react';
import type { InitiativeRow } from '../../../../../shared/domain/table';
import { useTableEnv } from '../table-env';
import { LazyEditor, type EditorControl } from './LazyEditor';
import { caretAtEnd } from './TextCell';
import { phaseProps, useFieldEdit } from './use-field-edit';
import { FIELD_LIMITS } from '../../../../../shared/text';

export function TagsCell({ row }: { row: InitiativeRow }) {
  const { t } = useTableEnv();
  const { tagListId, refreshTags } = useTableEnv();
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
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>, control: EditorControl) => {
    if (e.key === 'Enter' || e.key === ',' || e.key === '，') {
      e.preventDefault();
      if (e.key === 'Enter' && e.currentTarget.value.trim() === '') control.finish(true);
      else add(e.currentTarget.value);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      setDraft('');
      control.finish(true);
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
        text={t('edit.tagPlaceholder')}
        keep={draft !== ''}
        className="itable-tag-slot"
        onTyped={setDraft}
        display={<span className="itable-tag-add">{t('edit.tagPlaceholder')}</span>}
      >
        {(control) => (
          <input
            type="text"
            className="itable-tag-input"
            aria-label={addLabel}
            maxLength={FIELD_LIMITS.tag}
            placeholder={t('edit.tagPlaceholder')}
            list={tagListId}
            autoFocus={control.autoFocus}
            onFocus={(e) => {
              caretAtEnd(e);
              refreshTags();
            }}
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            onKeyDown={(e) => onKeyDown(e, control)}
            onBlur={(e) => add(e.currentTarget.value)}
          />
        )}
      </LazyEditor>
    </span>
  );
}
