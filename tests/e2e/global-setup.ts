// Runs once before the end-to-end files: without a browser to drive, the suite stops here with
// one sentence saying what to install, instead of every test failing on its own.
import { findLocalBrowser } from '../helpers/local-browser';

export default function setup(): void {
  const found = findLocalBrowser();
  if (!found.ok) throw new Error(found.message);
}
