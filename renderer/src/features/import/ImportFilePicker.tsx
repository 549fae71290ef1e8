// The system's file chooser for File → Import plan… and the library's Import button: a hidden
// file input the app clicks. The formats are the importers' (txt/md, html, docx, pdf).
import { forwardRef } from 'react';
import { useTranslation } from '../../i18n/ui-text';

export const IMPORT_ACCEPT = '.docx,.pdf,.txt,.md,.markdown,.html,.htm';

export const ImportFilePicker = forwardRef<HTMLInputElement, { onFiles(files: File[]): void }>(function ImportFilePicker(
  { onFiles },
  ref,
) {
  const { t } = useTranslation('importPlan');
  return (
    <input
      ref={ref}
      type="file"
      multiple
      hidden
      accept={IMPORT_ACCEPT}
      aria-label={t('dialogTitle')}
      data-testid="import-file-input"
      onChange={(e) => {
        const files = [...(e.currentTarget.files ?? [])];
        // Cleared so that choosing the same file again fires a change.
        e.currentTarget.value = '';
        if (files.length) onFiles(files);
      }}
    />
  );
});
