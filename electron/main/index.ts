// Entry point of the Electron main process (built to out/main/index.js). Everything lives in
// lifecycle.ts; this file only starts it. Briefbook makes no network calls: no crash-report
// upload, no update check.
import { runBriefbook } from './lifecycle';

void runBriefbook();
