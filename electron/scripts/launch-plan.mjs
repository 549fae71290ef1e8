// What `npm start` does, decided from plain facts so a test can check every branch, and the
// one sentence it prints when it cannot start the desktop shell.

export const SENTENCES = {
  noElectron:
    'The Electron desktop shell is not installed and could not be downloaded, so Briefbook is starting in browser mode instead.',
  noNative:
    'The database module for the Electron desktop shell could not be built (run "npm run native:electron" to see why), so Briefbook is starting in browser mode instead.',
  noBrowserMode:
    'Briefbook cannot start: the Electron desktop shell is not available and browser mode (electron/scripts/serve.mjs) is missing from this checkout.',
  buildFailed: 'Briefbook could not be built (see the messages above), so it was not started.',
};

/**
 * @param {{ electronPresent: boolean, nativePresent: boolean, serveScriptPresent: boolean }} facts
 * @returns {{ mode: 'desktop' } | { mode: 'browser', sentence: string } | { mode: 'none', sentence: string }}
 */
export function chooseLaunch({ electronPresent, nativePresent, serveScriptPresent }) {
  if (electronPresent && nativePresent) return { mode: 'desktop' };
  const sentence = electronPresent ? SENTENCES.noNative : SENTENCES.noElectron;
  if (!serveScriptPresent) return { mode: 'none', sentence: SENTENCES.noBrowserMode };
  return { mode: 'browser', sentence };
}

/** Electron downloads its binary on first use; skip that when the user said not to. */
export function shouldTryDownload(env) {
  const skip = env.ELECTRON_SKIP_BINARY_DOWNLOAD;
  return !skip || skip === '0' || skip.toLowerCase() === 'false';
}

/** Build output minus stack-trace lines: the error itself is what a developer needs. */
export function withoutStackLines(text) {
  return text
    .split('\n')
    .filter((line) => !/^\s+at .+/.test(line))
    .join('\n');
}
