// packet.pdf: the packet's HTML rendered to PDF by the host's Chromium (the core cannot load
// Electron or a browser itself: the host injects a PdfRenderer), in two passes. The first pass
// lays the packet out; pdfjs then reads, from that PDF's named destinations (Chromium writes
// one for every element an internal link points to: the contents link to every item), the page
// each item starts on. The second pass prints the same loaded document again with those page
// numbers written into the contents (the renderer sets the text of the elements the core
// names; the document itself runs no script): loading the document, its fonts above all, is
// most of the work, and it is done once. The contents reserve the numbers' room in both
// passes, so the layout, and the pages found, do not move; the numbers are the ones
// packet.html shows when given them. A run can be followed (packet.progress) and cancelled
// (packet.cancel: CANCELLED, nothing kept).
import { AppError } from '../../../../shared/api/result';
import type { PacketDefinition } from '../../../../shared/api/packets/methods';
import type { UiLanguage } from '../../../../shared/api/common';
import type { Db } from '../../db/open';
import { composePacketHtml, itemAnchor } from './compose';

export interface PdfRequest {
  html: string;
  paper: 'A4' | 'Letter';
  orientation: 'portrait' | 'landscape';
  signal: AbortSignal;
  /** Called with the first print: the text to put into elements (by id) before printing the
   *  same page again. Absent, or an empty answer: the first print is the result. */
  fill?: (first: Uint8Array) => Promise<Record<string, string>>;
}

/** The script a renderer runs in the loaded page (from outside: the document has none and its
 *  CSP allows none) to set the text of elements by id. */
export const fillScript = (texts: Record<string, string>): string =>
  `for (const [id, text] of Object.entries(${JSON.stringify(texts)})) { const e = document.getElementById(id); if (e) e.textContent = text; }`;

/** Renders a self-contained HTML document to PDF bytes (the host's Chromium). */
export type PdfRenderer = (request: PdfRequest) => Promise<Uint8Array>;

type Phase = 'compose' | 'layout' | 'render';
interface Job {
  phase: Phase;
  done: number;
  total: number;
  controller: AbortController;
}

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjs: Promise<PdfJs> | null = null;
const loadPdfJs = (): Promise<PdfJs> => (pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs'));

/** The page (1-based) of every named destination of a PDF, and its page count. */
export async function pdfDestinationPages(bytes: Uint8Array): Promise<{ pages: number; destinations: Map<string, number> }> {
  const lib = await loadPdfJs();
  const doc = await lib.getDocument({ data: bytes.slice(), isEvalSupported: false, useSystemFonts: false, disableFontFace: true, verbosity: 0 })
    .promise;
  try {
    const found = new Map<string, number>();
    const dests = (await doc.getDestinations()) as Record<string, unknown[] | null>;
    for (const [name, dest] of Object.entries(dests)) {
      const ref = dest?.[0];
      if (ref && typeof ref === 'object') found.set(name, (await doc.getPageIndex(ref as { num: number; gen: number })) + 1);
    }
    return { pages: doc.numPages, destinations: found };
  } finally {
    await doc.destroy();
  }
}

const fileNameOf = (title: string, date: string): string => {
  const safe = title.replace(/[\\/:*?"<>|\p{Cc}]+/gu, ' ').replace(/\s+/g, ' ').trim().slice(0, 80) || 'packet';
  return `${safe} ${date}.pdf`;
};

export interface PacketPdfService {
  pdf(args: { jobId: string; definition: PacketDefinition; language: UiLanguage }): Promise<{ fileName: string; pdfBase64: string; pages: number }>;
  progress(jobId: string): { phase: Phase; done: number; total: number } | null;
  cancel(jobId: string): null;
  /** Stops every run (the connection closes). */
  close(): void;
}

export function createPacketPdfService(db: Db, renderer: PdfRenderer | undefined, now: () => Date = () => new Date()): PacketPdfService {
  const jobs = new Map<string, Job>();
  const step = (job: Job, phase: Phase, done: number) => {
    if (job.controller.signal.aborted) throw new AppError('CANCELLED', 'packet.pdf: the PDF was cancelled; nothing was kept.');
    job.phase = phase;
    job.done = done;
  };
  return {
    async pdf({ jobId, definition, language }) {
      if (!renderer) throw new AppError('UNAVAILABLE', 'packet.pdf: this host has no Chromium to make PDFs; print the packet instead.');
      if (jobs.has(jobId)) throw new AppError('CONFLICT', `packet.pdf: a run with job id ${jobId} is already going.`);
      const job: Job = { phase: 'compose', done: 0, total: 3, controller: new AbortController() };
      jobs.set(jobId, job);
      const { paper, orientation } = definition.options;
      const signal = job.controller.signal;
      try {
        const at = now();
        const { html, itemIds } = composePacketHtml(db, { definition, language, now: at });
        // The second print has the first one's layout (the numbers' room is reserved), so its
        // page count is the first one's: the final PDF is not read again.
        let count = 0;
        step(job, 'layout', 1);
        const bytes = await renderer({
          html,
          paper,
          orientation,
          signal,
          fill: async (first) => {
            step(job, 'layout', 1);
            const { destinations, pages } = await pdfDestinationPages(first);
            count = pages;
            step(job, 'render', 2);
            const texts: Record<string, string> = {};
            itemIds.forEach((_id, i) => {
              const page = destinations.get(itemAnchor(i));
              if (page !== undefined) texts[`${itemAnchor(i)}-page`] = String(page);
            });
            return texts;
          },
        });
        step(job, 'render', 3);
        if (count === 0) count = (await pdfDestinationPages(bytes)).pages;
        const date = definition.cover.date ?? at.toISOString().slice(0, 10);
        return { fileName: fileNameOf(definition.cover.title, date), pdfBase64: Buffer.from(bytes).toString('base64'), pages: count };
      } catch (err) {
        if (signal.aborted) throw new AppError('CANCELLED', 'packet.pdf: the PDF was cancelled; nothing was kept.');
        throw err;
      } finally {
        jobs.delete(jobId);
      }
    },
    progress(jobId) {
      const job = jobs.get(jobId);
      return job ? { phase: job.phase, done: job.done, total: job.total } : null;
    },
    cancel(jobId) {
      jobs.get(jobId)?.controller.abort();
      return null;
    },
    close() {
      for (const job of jobs.values()) job.controller.abort();
    },
  };
}
