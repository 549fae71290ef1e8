// Briefing packets: chosen items of one or several plans, with the reader's highlights, notes and
// fields, composed by the core into one HTML document with print CSS (the same document serves
// the live preview, Print… and Save as PDF). Packet definitions are kept in the reader's
// database with a revision, listed, duplicated and re-run: a packet re-run next week shows the
// notes as they are then.

/** What goes into a packet, in the order the reader put the sources in. */
export type PacketSource =
  | { kind: 'plan'; planId: string }
  | { kind: 'themes'; themeIds: string[] }
  /** Items picked by hand (the table's selected rows). */
  | { kind: 'items'; itemIds: string[] }
  /** A saved view of the table: its filters and sort at the time the packet is run. */
  | { kind: 'view'; viewId: number }
  /** A filter over every plan (or one): status, tag, priority, deadline on or before a date. */
  | {
      kind: 'filter';
      planId?: string;
      statuses?: (string | null)[];
      tags?: string[];
      priorities?: ('high' | 'medium' | 'low' | null)[];
      /** YYYY-MM-DD: items whose deadline is on or before it. */
      deadlineBy?: string;
    };

export type PacketLanguage = 'zh' | 'en' | 'both';

export interface PacketOptions {
  language: PacketLanguage;
  /** The reader's highlights in the text: in colour and underlined with a marker (for
   *  black-and-white printers). */
  highlights: boolean;
  /** The reader's notes as numbered margin notes beside the text, endnotes after each item, or
   *  left out. */
  notes: 'margin' | 'endnotes' | 'none';
  /** A small table of the reader's fields (status, lead unit, deadline, progress, tags) per item. */
  fields: boolean;
  /** A summary table of every included item after the contents. */
  summary: boolean;
  /** Ruled space after each item for handwritten meeting notes. */
  ruledSpace: 'none' | 'short' | 'half';
  paper: 'A4' | 'Letter';
  orientation: 'portrait' | 'landscape';
}

export interface PacketCover {
  title: string;
  subtitle: string;
  preparedFor: string;
  preparedBy: string;
  /** YYYY-MM-DD; null: the day the packet is run. */
  date: string | null;
  /** e.g. 内部资料 or Draft; empty for none. */
  marking: string;
}

export interface PacketDefinition {
  cover: PacketCover;
  sources: PacketSource[];
  /** Item ids in the order the reader arranged them; items of the sources not listed follow in
   *  source order, and listed items no source includes any more are left out. */
  order: string[];
  /** Item ids the reader left out: not in the packet, whichever source brings them (a whole
   *  plan, a theme, a view, a filter, or a hand-pick). Absent in definitions saved before it
   *  existed, which read as none left out. */
  excluded?: string[];
  options: PacketOptions;
}

export interface Packet {
  id: number;
  definition: PacketDefinition;
  revision: number;
  createdAt: string;
  updatedAt: string;
}

/** An item as a packet will include it. */
export interface PacketItem {
  id: string;
  planId: string;
  planTitle: string;
  themeHeadline: string;
  numeral: string;
  headline: string;
  /** Live notes and highlights on it. */
  notes: number;
  highlights: number;
}

export interface PacketMethods {
  'packet.list': { args: Record<string, never>; result: Packet[] };
  'packet.get': { args: { id: number }; result: Packet };
  /** Without id: creates (baseRevision 0). With id: replaces. A stale revision is a CONFLICT. */
  'packet.save': {
    args: { id?: number; baseRevision: number; definition: PacketDefinition };
    result: Packet;
    conflict: Packet | null;
  };
  'packet.delete': { args: { id: number; baseRevision: number }; result: null; conflict: Packet | null };
  /** A copy of a packet under a new id, its title marked as a copy. */
  'packet.duplicate': { args: { id: number }; result: Packet };
  /** The items a definition includes now, in packet order, and the sources that name something
   *  gone (a trashed plan, a deleted view): shown to the reader, never silently dropped.
   *  `excluded`: the left-out items a source would bring in now, in source order (a left-out id
   *  no source brings any more is not listed). */
  'packet.resolve': {
    args: { definition: PacketDefinition };
    result: { items: PacketItem[]; excluded: PacketItem[]; missing: { source: number; reason: 'plan' | 'theme' | 'item' | 'view' }[] };
  };
  /** The packet as one self-contained HTML document with print CSS and the fonts embedded (the
   *  preview shows it in a sandboxed frame; Print… prints it). `pages`: page numbers of the
   *  contents, as the PDF pass found them; without it the contents show no numbers. */
  'packet.html': {
    args: { definition: PacketDefinition; language: 'zh' | 'en'; pages?: Record<string, number> };
    result: { html: string; items: number };
  };
  /** The packet as PDF, rendered by the host's Chromium (two passes: the first finds the page
   *  of every heading for the contents). Long work: progress is reported through the job. */
  'packet.pdf': {
    /** jobId: a fresh random id chosen by the caller, so packet.progress and packet.cancel can
     *  name the run while it goes. Cancelled: CANCELLED, nothing kept. */
    args: { jobId: string; definition: PacketDefinition; language: 'zh' | 'en' };
    result: { fileName: string; pdfBase64: string; pages: number };
  };
  /** Where a packet.pdf run is: its phase and pages done so far (null: no such run now). */
  'packet.progress': {
    args: { jobId: string };
    result: { phase: 'compose' | 'layout' | 'render'; done: number; total: number } | null;
  };
  'packet.cancel': { args: { jobId: string }; result: null };
}

export const PACKET_METHODS = [
  'packet.list',
  'packet.get',
  'packet.save',
  'packet.delete',
  'packet.duplicate',
  'packet.resolve',
  'packet.html',
  'packet.pdf',
  'packet.progress',
  'packet.cancel',
] as const satisfies readonly (keyof PacketMethods)[];
