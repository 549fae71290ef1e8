// A library write refused as stale, in the app's one conflict dialog: the plan's name, tags or
// place (library or trash) as stored now beside what the reader asked for.
import { useTranslation } from '../../i18n/ui-text';
import type { LibraryEntry } from '../../../../shared/api/library/methods';
import { ConflictDialog, ConflictValue } from '../conflicts/ConflictDialog';
import type { LibraryConflict } from './use-library';

interface Props {
  conflict: LibraryConflict;
  onKeepTheirs(): void;
  onOverwrite(): void;
  onEdit(): void;
}

export function LibraryConflictDialog({ conflict, onKeepTheirs, onOverwrite, onEdit }: Props) {
  const { t, i18n } = useTranslation('library');
  const { kind, mine, theirs, patch } = conflict;
  const list = (tags: readonly string[]) => (tags.length ? tags.join(i18n.language === 'en' ? ', ' : '、') : null);
  const place = (entry: LibraryEntry) => (entry.trashedAt ? t('conflict.theirsTrashed', { title: entry.title }) : entry.title);

  let what: string;
  let theirsText: string | null;
  let mineText: string | null;
  if (kind === 'rename') {
    what = t('conflict.rename', { title: mine.title });
    theirsText = theirs.title;
    mineText = patch.title ?? theirs.originalTitle;
  } else if (kind === 'tags') {
    what = t('conflict.tags', { title: mine.title });
    theirsText = list(theirs.tags);
    mineText = list(patch.tags ?? []);
  } else {
    what = t('conflict.trash', { title: mine.title });
    theirsText = place(theirs);
    mineText = t(kind === 'trash' ? 'conflict.trashMine' : kind === 'restore' ? 'conflict.restoreMine' : 'conflict.purgeMine');
  }
  return (
    <ConflictDialog
      what={what}
      theirs={<ConflictValue text={theirsText} />}
      mine={<ConflictValue text={mineText} />}
      onKeepTheirs={onKeepTheirs}
      onOverwrite={onOverwrite}
      onEdit={onEdit}
    />
  );
}
