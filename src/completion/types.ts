/**
 * Shapes shared by the inline-completion pipeline steps. Nothing here imports `vscode`: the engine
 * runs in plain Node so the benchmark and the unit tests can drive it.
 */
import type { GenerateRequest, StreamEvent } from '../provider/types';

/** What the engine needs from a model: the shared provider's GrokCodeFast1Provider satisfies it. */
export interface CompletionModel {
  streamEvents(request: GenerateRequest): AsyncIterable<StreamEvent>;
}

/** Time and timers, injected so tests and the benchmark run on a virtual clock. */
export interface Timers {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realTimers: Timers = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/** The inline-completion settings the engine reads (the platform's settings module maps to this). */
export interface InlineSettings {
  enabled: boolean;
  disabledLanguages: readonly string[];
  /** `grokCodeFast.exclude`: files matching these never leave the machine. */
  exclude: readonly string[];
  debounceMinMs: number;
  debounceMaxMs: number;
}

/**
 * A document's text, read only where it is needed: a string is one, and the VS Code adapter reads
 * ranges of the editor's document, so a big file is not copied whole on every keystroke.
 */
export interface DocumentText {
  readonly length: number;
  /** The text from `start` up to, not including, `end` (both within 0..length). */
  slice(start: number, end: number): string;
}

/**
 * An open or recently edited file, or a sibling cell of the current notebook, offered as context;
 * the context step picks windows from it.
 */
export interface RecentSnippet {
  /** The document's URI (a notebook cell's own `vscode-notebook-cell:` URI). */
  uri: string;
  relativePath: string;
  absolutePath: string;
  languageId: string;
  text: DocumentText;
}

/** Where the cursor sits decides how much to complete. */
export type CompletionMode = 'line' | 'block';

/** The text around the cursor, cut to the token budget. */
export interface DocumentWindow {
  prefix: string;
  suffix: string;
}

/** A finished suggestion: insert `text` at the cursor, replacing `replaceLength` characters after it. */
export interface Suggestion {
  text: string;
  replaceLength: number;
  /** The first part of a completion still streaming: the rest follows from the same request. */
  partial?: boolean;
}
