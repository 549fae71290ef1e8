// Pieces every feature's part of the contract uses.

/** Arguments of a method that takes none. */
export type NoArgs = Record<string, never>;

export type HostKind = 'desktop' | 'browser';

export type UiLanguage = 'zh' | 'en';
