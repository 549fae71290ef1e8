// Ctrl+N (the app command `newNote`): a new note on the item being read, or on the current
// plan anywhere else. It only opens the editor on a draft; the draft becomes an annotation on
// its first save (the panel's editor), never before.
import { useImperativeHandle, type Ref } from 'react';
import { useAnnotationUi } from '../annotation-ui';

/** Starts a note; false when there is no plan to attach one to (the key is then left alone). */
export type StartNote = () => boolean;

export function NoteCommand({ planId, itemId, ref }: { planId: string | null; itemId: string | null; ref: Ref<StartNote> }) {
  const { edit } = useAnnotationUi();
  useImperativeHandle(
    ref,
    () => () => {
      if (!planId) return false;
      edit({ draft: { id: crypto.randomUUID(), kind: 'note', planId, itemId, target: null, color: null, body: '', tags: [] } });
      return true;
    },
    [planId, itemId, edit],
  );
  return null;
}
