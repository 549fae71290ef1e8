// What the reading text and the annotation panel share while the reader annotates: which
// annotation is in focus (a highlight clicked in the text, an entry clicked in the panel; the
// text scrolls to its passage and flashes it) and which note is open in the editor (an
// existing annotation, or a draft not saved yet: a note started with Ctrl+N or a highlight's
// "add note"; a draft becomes an annotation on its first save, never before).
import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import type { NewAnnotation } from '../../../../shared/api/annotations/methods';

export type Editing = { id: string } | { draft: NewAnnotation } | null;

export interface AnnotationUi {
  focusedId: string | null;
  /** Bumped on every focus() call, so focusing the same annotation again flashes it again. */
  focusCount: number;
  focus(id: string | null): void;
  editing: Editing;
  edit(editing: Editing): void;
}

const NOOP_UI: AnnotationUi = { focusedId: null, focusCount: 0, focus: () => undefined, editing: null, edit: () => undefined };

const AnnotationUiContext = createContext<AnnotationUi>(NOOP_UI);

export function AnnotationUiProvider({ children }: { children: ReactNode }) {
  const [focus, setFocus] = useState<{ id: string | null; count: number }>({ id: null, count: 0 });
  const [editing, setEditing] = useState<Editing>(null);
  const value = useMemo<AnnotationUi>(
    () => ({
      focusedId: focus.id,
      focusCount: focus.count,
      focus: (id) => setFocus((f) => ({ id, count: f.count + 1 })),
      editing,
      edit: setEditing,
    }),
    [focus, editing],
  );
  return <AnnotationUiContext.Provider value={value}>{children}</AnnotationUiContext.Provider>;
}

export function useAnnotationUi(): AnnotationUi {
  return useContext(AnnotationUiContext);
}
