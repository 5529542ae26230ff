/** A ChatEditorHost for tests: a settable active editor and a record of every editor action. */
import { type ChatEditorHost, type EditorDocument } from '../../../src/chat/chatEditorHost';
import { type LineRange } from '../../../src/chat/protocol';

export class FakeEditorHost implements ChatEditorHost {
  document: (EditorDocument & { text: string }) | undefined;
  selected: { range: LineRange; text: string } | undefined;
  files = new Map<string, EditorDocument & { text: string }>();
  found: string[] = [];
  readonly globs: string[] = [];
  readonly actions: Array<[string, ...unknown[]]> = [];
  readonly warnings: string[] = [];
  onSetApiKey: () => void = () => undefined;
  /** What confirmOpen answers. */
  confirmsOpen = false;

  activeDocument(): EditorDocument | undefined {
    if (this.document === undefined) return undefined;
    const { text: _text, ...document } = this.document;
    return document;
  }
  selection() {
    if (this.document === undefined || this.selected === undefined) return undefined;
    const { text: _text, ...document } = this.document;
    return { ...document, ...this.selected };
  }
  documentText() {
    return this.document;
  }
  async readTextFile(absPath: string) {
    return this.files.get(absPath);
  }
  async findFiles(glob: string, maxResults: number) {
    this.globs.push(glob);
    return this.found.slice(0, maxResults);
  }
  async copy(text: string) {
    this.actions.push(['copy', text]);
  }
  async insertCode(code: string) {
    this.actions.push(['insertCode', code]);
  }
  async applyCode(code: string, language?: string) {
    this.actions.push(['applyCode', code, language]);
  }
  async newFile(code: string, language?: string) {
    this.actions.push(['newFile', code, language]);
  }
  async openExternal(url: string) {
    this.actions.push(['openExternal', url]);
  }
  async confirmOpen(url: string) {
    this.actions.push(['confirmOpen', url]);
    return this.confirmsOpen;
  }
  async runSelectionAction(action: string) {
    this.actions.push(['runSelectionAction', action]);
  }
  async setApiKey() {
    this.actions.push(['setApiKey']);
    this.onSetApiKey();
  }
  warn(message: string) {
    this.warnings.push(message);
  }
}
