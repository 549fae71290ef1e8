// The note editor: Markdown in a plain text area (input methods work as everywhere else), a
// preview through the one sanitizing path, the note's tags and, on a highlight, its colour.
// Saving follows note-saver.ts: a pause in typing saves, never mid-composition; "Saved" only
// once committed; a stale save asks the reader (the app's conflict dialog, with "keep both").
// Whatever waits is saved when the editor closes, the item changes (the editor unmounts), the
// window is hidden or the page goes away; on the desktop a close waits for that save.
import { useEffect, useId, useState, useSyncExternalStore, type KeyboardEvent } from 'react';
import { useTranslation } from '../../../i18n/ui-text';
import { HIGHLIGHT_COLORS, type Annotation, type NewAnnotation } from '../../../../../shared/api/annotations/methods';
import { FIELD_LIMITS } from '../../../../../shared/text';
import { SegmentedControl } from '../../../components/SegmentedControl';
import { getShellBridge } from '../../../shell/shell-bridge';
import { ConflictDialog, ConflictValue } from '../../conflicts/ConflictDialog';
import { NoteMarkdown } from './NoteMarkdown';
import { NoteSaver, type NoteState, type NoteWrites } from './note-saver';

export interface NoteEditorProps {
  start: { record: Annotation } | { draft: NewAnnotation };
  writes: NoteWrites;
  /** Tags in use, offered as the reader types one. */
  tagSuggestions: readonly string[];
  /** The highlight's passage, shown above the text area for context. */
  quote?: string | null;
  onClose(): void;
  /** Debounce of the autosave (tests may shorten it). */
  delayMs?: number;
}

export function NoteEditor({ start, writes, tagSuggestions, quote, onClose, delayMs }: NoteEditorProps) {
  const { t } = useTranslation('annotationPanel');
  const [saver] = useState(() => new NoteSaver(writes, start, delayMs));
  const state = useSyncExternalStore(saver.subscribe, saver.getState);
  const [mode, setMode] = useState<'write' | 'preview'>('write');
  const ids = useId();
  useFlushWhenLeaving(saver);

  const done = () => {
    void saver.flush().then(() => {
      if (!saver.hasUnsaved()) onClose();
    });
  };
  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    if (e.nativeEvent.isComposing) return;
    if (e.key === 'Escape' || (e.key === 'Enter' && (e.ctrlKey || e.metaKey))) {
      e.preventDefault();
      done();
    }
  };
  const isHighlight = (state.record?.kind ?? ('draft' in start ? start.draft.kind : 'note')) === 'highlight';
  return (
    <section className="note-editor" aria-labelledby={`${ids}-title`} onKeyDown={onKeyDown}>
      <div className="note-editor-head">
        <h3 id={`${ids}-title`}>{state.record ? t('editorTitle') : t('editorNew')}</h3>
        <SegmentedControl<'write' | 'preview'>
          label={t('mode')}
          value={mode}
          segments={[
            { value: 'write', label: t('write') },
            { value: 'preview', label: t('preview') },
          ]}
          onChange={setMode}
          className="note-editor-mode"
        />
      </div>
      {quote && <blockquote className="note-editor-quote">{quote}</blockquote>}
      {mode === 'write' ? (
        <textarea
          className="note-editor-text"
          aria-label={t('body')}
          placeholder={t('placeholder')}
          autoFocus
          rows={6}
          value={state.body}
          onChange={(e) => saver.type(e.target.value)}
          onCompositionStart={() => saver.compositionStart()}
          onCompositionEnd={(e) => saver.compositionEnd(e.currentTarget.value)}
          onBlur={() => void saver.flush()}
        />
      ) : state.body.trim() === '' ? (
        <p className="note-editor-preview note-editor-preview-empty">{t('previewEmpty')}</p>
      ) : (
        <NoteMarkdown source={state.body} className="note-editor-preview" />
      )}
      {isHighlight && (
        <div role="radiogroup" aria-label={t('color')} className="note-colors">
          {HIGHLIGHT_COLORS.map((color) => (
            <button
              key={color}
              type="button"
              role="radio"
              aria-checked={state.color === color}
              className="note-color"
              data-color={color}
              aria-label={t(`color_${color}`)}
              title={t(`color_${color}`)}
              onClick={() => saver.setColor(color)}
            />
          ))}
        </div>
      )}
      <NoteTags tags={state.tags} suggestions={tagSuggestions} listId={`${ids}-tags`} onChange={(tags) => saver.setTags(tags)} />
      <footer className="note-editor-foot">
        <SaveStatusLine state={state} draft={!state.record} onRetry={() => void saver.retry()} />
        <button type="button" className="dialog-primary note-editor-done" onClick={done}>
          {t('done')}
        </button>
      </footer>
      {state.conflict && (
        <ConflictDialog
          what={t('conflictWhat')}
          theirs={state.conflict.theirs ? <ConflictNote text={state.conflict.theirs.body} /> : <ConflictValue text={t('deletedElsewhere')} />}
          mine={<ConflictNote text={state.conflict.mine} />}
          onKeepTheirs={() => saver.keepTheirs()}
          onOverwrite={() => void saver.overwrite()}
          onEdit={() => saver.editAgain()}
          extra={{ label: t('keepBoth'), onClick: () => void saver.keepBoth() }}
        />
      )}
    </section>
  );
}

/** A note's text in the conflict dialog: as written (Markdown source), so both compare line by line. */
function ConflictNote({ text }: { text: string }) {
  if (text === '') return <ConflictValue text={null} />;
  return <pre className="note-conflict-text">{text}</pre>;
}

function SaveStatusLine({ state, draft, onRetry }: { state: NoteState; draft: boolean; onRetry(): void }) {
  const { t } = useTranslation('annotationPanel');
  let text: string;
  if (state.status === 'saving') text = t('saving');
  else if (state.status === 'saved') text = t('saved');
  else if (state.status === 'pending' || state.status === 'conflict') text = t('pending');
  else if (state.status === 'error') text = t('saveFailed', { message: state.error ?? '' });
  else text = draft ? t('draftHint') : '';
  return (
    <span className="note-save-status" role="status" data-status={state.status}>
      {text}
      {state.status === 'error' && (
        <button type="button" className="note-retry" onClick={onRetry}>
          {t('retry')}
        </button>
      )}
    </span>
  );
}

function NoteTags({
  tags,
  suggestions,
  listId,
  onChange,
}: {
  tags: readonly string[];
  suggestions: readonly string[];
  listId: string;
  onChange(tags: string[]): void;
}) {
  const { t } = useTranslation('annotationPanel');
  const [draft, setDraft] = useState('');
  const add = (raw: string) => {
    const tag = raw.trim().replace(/[,，]+$/, '').trim();
    setDraft('');
    if (tag && !tags.includes(tag)) onChange([...tags, tag]);
  };
  return (
    <div className="note-tags" role="group" aria-label={t('tags')}>
      {tags.map((tag) => (
        <span key={tag} className="itable-chip">
          <span className="itable-chip-text">{tag}</span>
          <button type="button" className="itable-chip-remove" aria-label={t('removeTag', { tag })} onClick={() => onChange(tags.filter((x) => x !== tag))} />
        </span>
      ))}
      <input
        type="text"
        className="note-tag-input"
        aria-label={t('addTag')}
        placeholder={t('tagPlaceholder')}
        maxLength={FIELD_LIMITS.tag}
        list={listId}
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={(e) => {
          if (e.nativeEvent.isComposing) return;
          if (e.key === 'Enter' || e.key === ',' || e.key === '，') {
            e.preventDefault();
            e.stopPropagation();
            add(e.currentTarget.value);
          }
        }}
        onBlur={(e) => add(e.currentTarget.value)}
      />
      <datalist id={listId}>
        {suggestions.map((tag) => (
          <option key={tag} value={tag} />
        ))}
      </datalist>
    </div>
  );
}

/**
 * Saves what waits when the editor goes (unmount: closed, another item), the window is hidden
 * or the page goes away. A save sent as the page unloads may not arrive (the desktop quits by
 * closing its window), so while something is unsaved a close is held back: the desktop's
 * beforeunload cancels it silently and closes the window again once the save is committed; a
 * browser asks whether to leave (its keepalive request carries the save meanwhile).
 */
function useFlushWhenLeaving(saver: NoteSaver): void {
  useEffect(() => {
    const flush = () => void saver.flush();
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      const saved = saver.flush();
      if (!saver.hasUnsaved()) return;
      event.preventDefault();
      event.returnValue = '';
      if (getShellBridge())
        void saved.then(() => {
          if (!saver.hasUnsaved()) window.close();
        });
    };
    window.addEventListener('pagehide', flush);
    window.addEventListener('beforeunload', onBeforeUnload);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('pagehide', flush);
      window.removeEventListener('beforeunload', onBeforeUnload);
      document.removeEventListener('visibilitychange', onVisibility);
      // Closed or replaced: what waits is saved now, not lost with the component.
      flush();
    };
  }, [saver]);
}
