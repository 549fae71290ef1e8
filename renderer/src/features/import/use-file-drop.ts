// Files dragged over the window: true while a drag carrying files is over it (the overlay
// shows), and the files when dropped. Drags of text or links from the page itself are left
// alone. A counter of enter/leave pairs, because every child element the drag crosses fires
// its own pair.
import { useEffect, useRef, useState } from 'react';

const carriesFiles = (event: DragEvent) => [...(event.dataTransfer?.types ?? [])].includes('Files');

export function useFileDrop(onFiles: (files: File[]) => void, win: Window = window): boolean {
  const [over, setOver] = useState(false);
  const latest = useRef(onFiles);
  useEffect(() => {
    latest.current = onFiles;
  });

  useEffect(() => {
    let depth = 0;
    const enter = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      depth += 1;
      setOver(true);
    };
    const overWindow = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      // Without this the browser opens the file in place of the app.
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    };
    const leave = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setOver(false);
    };
    const drop = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      depth = 0;
      setOver(false);
      // A drop target in the page took the files (a library row: a new version of its plan).
      if (event.defaultPrevented) return;
      event.preventDefault();
      const files = [...(event.dataTransfer?.files ?? [])];
      if (files.length) latest.current(files);
    };
    win.addEventListener('dragenter', enter);
    win.addEventListener('dragover', overWindow);
    win.addEventListener('dragleave', leave);
    win.addEventListener('drop', drop);
    return () => {
      win.removeEventListener('dragenter', enter);
      win.removeEventListener('dragover', overWindow);
      win.removeEventListener('dragleave', leave);
      win.removeEventListener('drop', drop);
    };
  }, [win]);

  return over;
}
