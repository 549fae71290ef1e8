// The import dialog, one modal for a whole run of files: reading a file (with Cancel), its
// preview (the document details, the levels with their counts, the warnings, the outline to
// adjust) with Import and Cancel, a duplicate ("already in your library", open it instead), or
// the core's message for a file it refused. Escape cancels the current file.
import { useId } from 'react';
import { useTranslation } from '../../i18n/ui-text';
import type { ImportPreview } from '../../../../shared/api/import/methods';
import { allSections, type ImportedDocument, type LevelKind } from '../../../../shared/domain/document';
import { levelKinds } from '../../../../shared/domain/outline-edits';
import type { ApiClient } from '../../api/client';
import { useModalDialog } from '../preferences/use-modal-dialog';
import { VersionChanges } from '../versions/VersionChanges';
import { VersionTargetChoice } from '../versions/VersionTargetChoice';
import { OutlineTree } from './OutlineTree';
import { formatSize, type ImportQueue, type ImportStage } from './use-import-queue';
import { warningPlaceText, warningText } from './warning-text';
import './import.css';
import { Select } from '../../components/Select';

interface Props {
  client: ApiClient;
  queue: ImportQueue;
  /** Opens a plan already in the library (the duplicate of this file). */
  onOpenPlan(planId: string): void;
  onShowLibrary(): void;
}

export function ImportDialog({ client, queue, onOpenPlan, onShowLibrary }: Props) {
  const { t } = useTranslation('importPlan');
  const { ref, onKeyDown, onCancel } = useModalDialog(queue.cancel);
  const titleId = useId();
  const stage = queue.stage!;
  const wide = stage.kind === 'preview' || stage.kind === 'committing';
  return (
    <dialog
      ref={ref}
      className={`dialog-surface dialog-sheet import-dialog${wide ? ' import-dialog-wide' : ''}`}
      aria-labelledby={titleId}
      aria-busy={stage.kind === 'reading' || stage.kind === 'committing' || undefined}
      onKeyDown={onKeyDown}
      onCancel={onCancel}
    >
      <header className="dialog-header import-header">
        <h2 id={titleId}>{wide ? t('previewTitle') : t('dialogTitle')}</h2>
        {queue.position.total > 1 && (
          <p className="import-position">{t('fileOf', { index: queue.position.index, total: queue.position.total })}</p>
        )}
      </header>
      <StageBody stage={stage} client={client} queue={queue} onOpenPlan={onOpenPlan} onShowLibrary={onShowLibrary} />
    </dialog>
  );
}

function StageBody({ stage, client, queue, onOpenPlan, onShowLibrary }: { stage: ImportStage } & Props) {
  const { t } = useTranslation('importPlan');
  const { t: tVersions } = useTranslation('versions');
  const more = queue.position.index < queue.position.total;
  if (stage.kind === 'reading') {
    return (
      <>
        <div className="import-reading" role="status">
          <p className="import-reading-file">{t('reading', { file: stage.file.name })}</p>
          <div className="dialog-progress import-progress" aria-hidden="true">
            <span />
          </div>
          <p className="import-hint import-reading-hint">
            <span>{t('size', { size: formatSize(stage.file.size) })}</span>
            <span>{t('readingHint')}</span>
          </p>
        </div>
        <footer className="dialog-actions import-actions">
          <button type="button" onClick={queue.cancel}>
            {t('cancel')}
          </button>
        </footer>
      </>
    );
  }
  if (stage.kind === 'failed') {
    return (
      <>
        <div className="import-failed" role="alert">
          <h3>{t('failed.title', { file: stage.file.name })}</h3>
          <p className="dialog-failed-message import-failed-message">{stage.message}</p>
          <p className="import-hint">{t('failed.nothing')}</p>
        </div>
        <footer className="dialog-actions import-actions">
          {stage.commitFailed && stage.back && (
            <button type="button" onClick={queue.back}>
              {t('previewTitle')}
            </button>
          )}
          <button type="button" className="dialog-primary" onClick={queue.cancel}>
            {more ? t('next') : t('close')}
          </button>
        </footer>
      </>
    );
  }
  const { preview, shown, choices } = stage;
  const committing = stage.kind === 'committing';
  const duplicate = preview.duplicateOf;
  return (
    <>
      <div className="import-preview">
        <aside className="import-side">
          <MetaList preview={preview} />
          {!duplicate && <VersionTargetChoice client={client} target={stage.target} disabled={committing} onChange={queue.setTarget} />}
          {!duplicate && (
            <LevelChoice
              doc={shown}
              levels={choices.levels}
              disabled={committing}
              onChange={(levels) => queue.setLevels(levels)}
            />
          )}
          <Warnings doc={preview.document} />
        </aside>
        <section className="import-outline" aria-label={t('outline.label')}>
          {duplicate ? (
            <div className="import-duplicate" role="status">
              <h3>{t('duplicate.title')}</h3>
              <p>{t(duplicate.trashed ? 'duplicate.trashed' : 'duplicate.body', { title: duplicate.title })}</p>
            </div>
          ) : (
            <>
              {preview.changes && <VersionChanges changes={preview.changes} />}
              <div className="import-outline-head">
                <h3>{t('outline.label')}</h3>
                {choices.edits.length > 0 && (
                  <span className="import-edits">
                    {t('outline.edits', { count: choices.edits.length })}
                    <button type="button" className="import-link" disabled={committing} onClick={queue.undoEdits}>
                      {t('outline.undo')}
                    </button>
                  </span>
                )}
              </div>
              <p className="import-hint">{t('outline.hint')}</p>
              {stage.editError && (
                <p className="import-edit-error" role="alert">
                  {stage.editError}
                </p>
              )}
              <div className="import-tree">
                <OutlineTree sections={shown.sections} levels={choices.levels} disabled={committing} onEdit={queue.edit} />
              </div>
            </>
          )}
        </section>
      </div>
      <footer className="dialog-actions import-actions">
        {committing && (
          <span className="import-committing" role="status">
            {t('committing', { file: stage.file.name })}
          </span>
        )}
        {!committing && !duplicate && (
          <span className="import-result">{t('levels.result', countLevels(shown, choices.levels))}</span>
        )}
        <button type="button" disabled={committing} onClick={queue.cancel}>
          {duplicate ? (more ? t('skip') : t('close')) : t('cancel')}
        </button>
        {duplicate ? (
          <button
            type="button"
            className="dialog-primary"
            onClick={() => {
              queue.cancel();
              if (duplicate.trashed) onShowLibrary();
              else onOpenPlan(duplicate.planId);
            }}
          >
            {duplicate.trashed ? t('duplicate.toLibrary') : t('duplicate.open')}
          </button>
        ) : (
          <button type="button" className="dialog-primary" disabled={committing || stage.blocked} onClick={queue.commit}>
            {preview.changes ? tVersions('importVersion', { version: preview.changes.versionOf.version + 1 }) : t('import')}
          </button>
        )}
      </footer>
    </>
  );
}

function MetaList({ preview }: { preview: ImportPreview }) {
  const { t } = useTranslation('importPlan');
  const { metadata, source } = preview.document;
  const rows: Array<[string, string | null]> = [
    [t('meta.title'), metadata.title],
    [t('meta.issuer'), metadata.issuer],
    [t('meta.docNumber'), metadata.docNumber],
    [t('meta.date'), metadata.dateText ?? metadata.date],
    [t('meta.source'), metadata.source],
    [t('meta.file'), source.fileName],
  ];
  return (
    <section className="import-meta" aria-label={t('meta.label')}>
      <dl>
        {rows.map(([label, value]) => (
          <div key={label} className="import-meta-row">
            <dt>{label}</dt>
            <dd className={value ? undefined : 'import-unknown'}>{value ?? t('meta.unknown')}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

/** Headings per level kind, in the order the levels first appear. */
function levelCounts(doc: ImportedDocument): Array<[LevelKind, number]> {
  const counts = new Map<LevelKind, number>(levelKinds(doc).map((k) => [k, 0]));
  for (const s of allSections(doc.sections)) counts.set(s.kind, (counts.get(s.kind) ?? 0) + 1);
  return [...counts];
}

function countLevels(doc: ImportedDocument, levels: { theme: LevelKind | null; item: LevelKind | null }) {
  const counts = new Map(levelCounts(doc));
  return { themes: levels.theme ? (counts.get(levels.theme) ?? 0) : 0, items: levels.item ? (counts.get(levels.item) ?? 0) : 0 };
}

interface LevelChoiceProps {
  doc: ImportedDocument;
  levels: { theme: LevelKind | null; item: LevelKind | null };
  disabled: boolean;
  onChange(levels: { theme: LevelKind | null; item: LevelKind | null }): void;
}

function LevelChoice({ doc, levels, disabled, onChange }: LevelChoiceProps) {
  const { t } = useTranslation('importPlan');
  const counts = levelCounts(doc);
  const kindLabel = (kind: LevelKind) => t(`kinds.${kind}`);
  const select = (which: 'theme' | 'item') => (
    <label className="import-level">
      <span>{t(which === 'theme' ? 'levels.theme' : 'levels.item')}</span>
      <Select
        value={levels[which] ?? ''}
        disabled={disabled}
        onChange={(e) => onChange({ ...levels, [which]: (e.target.value || null) as LevelKind | null })}
      >
        <option value="">{t('levels.none')}</option>
        {counts.map(([kind, count]) => (
          <option key={kind} value={kind}>
            {t('levels.summary', { level: kindLabel(kind), count })}
          </option>
        ))}
      </Select>
    </label>
  );
  return (
    <section className="import-levels" aria-label={t('levels.label')}>
      <h3>{t('levels.label')}</h3>
      <ul className="import-level-counts">
        {counts.map(([kind, count]) => (
          <li key={kind} data-level={kind === levels.theme ? 'theme' : kind === levels.item ? 'item' : undefined}>
            <span className="import-level-name">{kindLabel(kind)}</span>
            <span className="import-level-count">{t('levels.count', { count })}</span>
          </li>
        ))}
      </ul>
      <div className="import-level-selects">
        {select('theme')}
        {select('item')}
      </div>
    </section>
  );
}

function Warnings({ doc }: { doc: ImportedDocument }) {
  const { t } = useTranslation('importPlan');
  if (doc.warnings.length === 0) return null;
  return (
    <section className="import-warnings" aria-label={t('warnings.label', { count: doc.warnings.length })}>
      <h3>{t('warnings.label', { count: doc.warnings.length })}</h3>
      <ul>
        {doc.warnings.map((w, i) => {
          const place = warningPlaceText(w, t);
          return (
            <li key={i} data-code={w.code}>
              <span className="import-warning-code">{t(`warnings.codes.${w.code}`)}</span>
              <span className="import-warning-message">
                {warningText(w, t)}
                {place && <span className="import-warning-at">{t('warnings.at', { at: place })}</span>}
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
