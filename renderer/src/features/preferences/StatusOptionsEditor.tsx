// The configurable status list: rename (zh and en), add, remove and reorder, then save in one
// go. A status still in use cannot be removed: the core answers CONFLICT and this says which.
import { useEffect, useRef } from 'react';
import { useTranslation } from '../../i18n/ui-text';
import type { StatusOption } from '../../../../shared/domain/table';
import type { Language } from '../../i18n/catalogue';
import { MAX_LABEL_LENGTH, MAX_STATUSES } from './status-draft';
import type { StatusEditor, StatusMessage } from './use-status-options';
import { ArrowIcon } from './icons';
import { ConflictDialog, ConflictValue } from '../conflicts/ConflictDialog';

/** The status's name in the UI language (the other language's while that one is still blank). */
function labelIn(option: StatusOption, language: Language): string {
  return option.label[language].trim() || option.label.zh.trim() || option.label.en.trim();
}

function Message({ message, language }: { message: StatusMessage; language: Language }) {
  const { t } = useTranslation('preferences');
  switch (message.kind) {
    case 'saved':
      return <p className="status-message status-message-ok">{t('statuses.saved')}</p>;
    case 'empty':
      return <p className="status-message status-message-error">{t('statuses.empty')}</p>;
    case 'inUse': {
      const labels = message.statuses.map((o) => `“${labelIn(o, language)}”`).join(language === 'zh' ? '、' : ', ');
      return (
        <div className="status-message status-message-error">
          <p>{t('statuses.inUse', { labels })}</p>
          <p className="status-message-detail">{t('statuses.detail', { message: message.detail })}</p>
        </div>
      );
    }
    case 'failed':
      return (
        <div className="status-message status-message-error">
          <p>{t('statuses.saveFailed')}</p>
          <p className="status-message-detail">{t('statuses.detail', { message: message.detail })}</p>
        </div>
      );
  }
}

/** A status list as the conflict dialog shows it: one name per line, in order. */
function StatusNames({ options, language }: { options: readonly StatusOption[]; language: Language }) {
  return <ConflictValue text={options.map((o, i) => `${i + 1}. ${labelIn(o, language)}`).join('\n')} />;
}

/** The list and its buttons; the dialog owns the draft (its Done and Escape save or ask). */
export function StatusOptionsEditor({ editor, language }: { editor: StatusEditor; language: Language }) {
  const { t } = useTranslation('preferences');
  const feedback = useRef<HTMLDivElement>(null);

  // The outcome of a save can land below the fold of the dialog's scrolling body: bring it up.
  useEffect(() => {
    if (editor.message) feedback.current?.scrollIntoView?.({ block: 'nearest' });
  }, [editor.message]);

  if (editor.phase === 'loading') return <p role="status">{t('statuses.loading')}</p>;
  if (editor.phase === 'loadFailed') {
    return (
      <div role="alert" className="status-message status-message-error">
        <p>{t('statuses.loadFailed')}</p>
        <button type="button" className="prefs-button" onClick={editor.reload}>
          {t('statuses.retry')}
        </button>
      </div>
    );
  }

  const { draft } = editor;
  const full = draft.length >= MAX_STATUSES;
  return (
    <div className="status-editor">
      <div className="status-row status-row-head" aria-hidden="true">
        <span>{t('statuses.zhLabel')}</span>
        <span>{t('statuses.enLabel')}</span>
        <span>{t('statuses.order')}</span>
        <span />
      </div>
      <ol className="status-list">
        {draft.map((option, index) => {
          const name = labelIn(option, language) || String(index + 1);
          const first = index === 0;
          const last = index === draft.length - 1;
          return (
            <li key={option.key} className="status-row">
              <input
                type="text"
                lang="zh-CN"
                value={option.label.zh}
                maxLength={MAX_LABEL_LENGTH}
                aria-label={t('statuses.zhLabelOf', { n: index + 1 })}
                onChange={(e) => editor.rename(index, 'zh', e.target.value)}
              />
              <input
                type="text"
                lang="en"
                value={option.label.en}
                maxLength={MAX_LABEL_LENGTH}
                aria-label={t('statuses.enLabelOf', { n: index + 1 })}
                onChange={(e) => editor.rename(index, 'en', e.target.value)}
              />
              <span className="status-order">
                {/* aria-disabled, not disabled: the button keeps the focus after moving its row to the end. */}
                <button
                  type="button"
                  className="icon-button"
                  aria-label={t('statuses.moveUp', { label: name })}
                  title={t('statuses.moveUp', { label: name })}
                  aria-disabled={first}
                  onClick={() => !first && editor.move(index, -1)}
                >
                  <ArrowIcon direction="up" />
                </button>
                <button
                  type="button"
                  className="icon-button"
                  aria-label={t('statuses.moveDown', { label: name })}
                  title={t('statuses.moveDown', { label: name })}
                  aria-disabled={last}
                  onClick={() => !last && editor.move(index, 1)}
                >
                  <ArrowIcon direction="down" />
                </button>
              </span>
              <button
                type="button"
                className="prefs-button prefs-button-quiet"
                aria-label={t('statuses.remove', { label: name })}
                aria-disabled={draft.length <= 1}
                onClick={() => draft.length > 1 && editor.remove(index)}
              >
                {t('statuses.removeShort')}
              </button>
            </li>
          );
        })}
      </ol>
      <div className="status-actions">
        <button type="button" className="prefs-button" aria-disabled={full} onClick={() => !full && editor.add()}>
          {t('statuses.add')}
        </button>
        {full && <span className="status-hint">{t('statuses.tooMany', { max: MAX_STATUSES })}</span>}
        <span className="status-actions-spacer" />
        <button type="button" className="prefs-button prefs-button-quiet" disabled={!editor.dirty || editor.saving} onClick={editor.revert}>
          {t('statuses.revert')}
        </button>
        <button
          type="button"
          className="prefs-button dialog-primary"
          disabled={!editor.dirty || editor.saving}
          onClick={() => void editor.save()}
        >
          {editor.saving ? t('statuses.saving') : t('statuses.save')}
        </button>
      </div>
      {editor.conflict && (
        <ConflictDialog
          what={t('statuses.title')}
          theirs={<StatusNames options={editor.conflict.theirs.options} language={language} />}
          mine={<StatusNames options={editor.conflict.mine} language={language} />}
          busy={editor.saving}
          onKeepTheirs={editor.keepTheirs}
          onOverwrite={() => void editor.overwrite()}
          onEdit={editor.editAgain}
        />
      )}
      {/* One live region, always present, so a screen reader hears each outcome. "Unsaved
          changes" is said in the dialog's footer, where the end of a scrolled list cannot hide it. */}
      <div ref={feedback} role="status" aria-live="polite" className="status-feedback">
        {editor.message && <Message message={editor.message} language={language} />}
      </div>
    </div>
  );
}
