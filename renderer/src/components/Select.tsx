// The app's selects are drawn as its menu buttons are (the search's filters): no native arrow —
// Chromium's differs from theirs and keeps a light-theme colour in the dark theme — but their
// chevron over the select's right end, in the text's colour. The select stays a native <select>
// (its keyboard, its list, its label), only wrapped with the chevron; the look is in
// styles/dialog.css (.select-box), a feature keeps its select's size in its own sheet.
import type { SelectHTMLAttributes } from 'react';

/** The chevron of a control that opens a list: the menu buttons' and every select's. */
export function Chevron() {
  return (
    <svg className="chevron" viewBox="0 0 12 12" aria-hidden="true">
      <path d="M3 4.5L6 7.5L9 4.5" />
    </svg>
  );
}

/** A native select with the app's chevron in place of the browser's arrow. */
export function Select(props: SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <span className="select-box">
      <select {...props} />
      <Chevron />
    </span>
  );
}
