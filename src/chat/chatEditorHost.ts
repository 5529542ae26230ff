/**
 * What the chat needs from the editor, as an interface: the controller stays plain TypeScript and
 * is unit-tested with a fake, while vscodeChatEditorHost.ts does the real work in VS Code.
 */
import { type LineRange } from './protocol';

export interface EditorDocument {
  /** Absent for an untitled document. */
  absPath?: string;
  /** File name or `Untitled-1`. */
  name: string;
  language: string;
}

export interface ChatEditorHost {
  /** The active text editor's document, if any. */
  activeDocument(): EditorDocument | undefined;
  /** The active editor's non-empty selection (0-based inclusive lines) with its text. */
  selection(): (EditorDocument & { range: LineRange; text: string }) | undefined;
  /** The active editor's whole text, unsaved changes included. */
  documentText(): (EditorDocument & { text: string }) | undefined;
  /** A workspace file's text and language (an open editor's unsaved text wins); undefined when it is binary or too large. */
  readTextFile(absPath: string): Promise<(EditorDocument & { text: string }) | undefined>;
  /** Absolute paths of workspace files matching the glob. */
  findFiles(glob: string, maxResults: number): Promise<string[]>;
  copy(text: string): Promise<void>;
  insertCode(code: string): Promise<void>;
  /** Proposes a code block as one diff per file (edit blocks where they match once, else the symbol shortcut or the model merge), applied if the user accepts; refuses with the reason otherwise. */
  applyCode(code: string, language?: string): Promise<void>;
  newFile(code: string, language?: string): Promise<void>;
  /** Opens an https address in the browser (VS Code asks first for an untrusted domain). */
  openExternal(url: string): Promise<void>;
  /** Shows an address a server gave and asks whether to open it; true only for an explicit yes. */
  confirmOpen(url: string): Promise<boolean>;
  /** Runs a selection action (`grokCodeFast.<action>`) on the active editor's selection: the chat's slash commands. */
  runSelectionAction(action: 'explain' | 'fix' | 'writeTests' | 'generateDocs'): Promise<void>;
  /** Runs the Set API Key command. */
  setApiKey(): Promise<void>;
  /** A short warning to the user (a notification). */
  warn(message: string): void;
}
