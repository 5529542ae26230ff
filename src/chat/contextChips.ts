/**
 * The context the user attaches to the next message: the selection, the current file, or a file
 * picked with @. The text is captured when the chip is added (unsaved edits included) and kept with
 * the draft, so a chip survives a reload. Files matching the exclude globs are never attached.
 */
import * as l10n from '@vscode/l10n';
import { type ChatEditorHost, type EditorDocument } from './chatEditorHost';
import { type ContextChip } from './historySchema';
import { type Attachment } from './promptContext';
import { type Chip, PROTOCOL_LIMITS } from './protocol';
import { type WorkspaceTools } from './tools/workspaceTools';

/** Characters of one attachment sent to the model. */
export const MAX_ATTACHMENT_CHARS = 100_000;

export type ChipTools = Pick<WorkspaceTools, 'isExcluded' | 'displayPath' | 'resolve'>;

function capAttachment(text: string): string {
  return text.length <= MAX_ATTACHMENT_CHARS ? text : `${text.slice(0, MAX_ATTACHMENT_CHARS)}\n[... attachment cut at ${MAX_ATTACHMENT_CHARS} characters]` // not UI text: read by the model;
}

export class ContextChips {
  private chips: ContextChip[] = [];

  constructor(
    private readonly editor: ChatEditorHost,
    private readonly tools: ChipTools,
    private readonly newId: () => string,
  ) {}

  /** The chips with their captured text (for the draft store). */
  get all(): readonly ContextChip[] {
    return this.chips;
  }

  /** The chips as the webview sees them. */
  views(): Chip[] {
    return this.chips.map(({ absPath: _absPath, content: _content, ...view }) => view);
  }

  restore(chips: readonly ContextChip[]): void {
    this.chips = chips.slice(0, PROTOCOL_LIMITS.chips);
  }

  remove(id: string): void {
    this.chips = this.chips.filter((chip) => chip.id !== id);
  }

  /** Adds the active selection; false (after telling the user why) when there is none or it may not be sent. */
  addSelection(): boolean {
    const selection = this.editor.selection();
    if (selection === undefined) return this.refuse(l10n.t('Select some code in an editor first.'));
    if (this.excluded(selection)) return this.refuseExcluded(selection.name);
    const { startLine, endLine } = selection.range;
    const lines = startLine === endLine ? `${startLine + 1}` : `${startLine + 1}-${endLine + 1}`;
    return this.add({ kind: 'selection', label: `${selection.name}:${lines}`, range: selection.range, document: selection, content: selection.text });
  }

  /** Adds the active editor's whole text. */
  addCurrentFile(): boolean {
    const document = this.editor.documentText();
    if (document === undefined) return this.refuse(l10n.t('Open a file in an editor first.'));
    if (this.excluded(document)) return this.refuseExcluded(document.name);
    return this.add({ kind: 'file', label: document.name, document, content: document.text });
  }

  /** Adds a workspace file the user picked with @ (the path comes from the webview: resolved like a tool path). */
  async addWorkspaceFile(written: string): Promise<boolean> {
    let absPath: string;
    try {
      absPath = (await this.tools.resolve(written)).absPath;
    } catch (error) {
      return this.refuse((error as Error).message);
    }
    const document = await this.editor.readTextFile(absPath).catch(() => undefined);
    if (document === undefined) return this.refuse(l10n.t('{0} cannot be attached: it is not a readable text file.', this.tools.displayPath(absPath)));
    return this.add({ kind: 'file', label: document.name, document, content: document.text });
  }

  /** Removes the chips the message names (those the webview still shows) and returns them as attachments. */
  take(ids: readonly string[]): Attachment[] {
    const wanted = new Set(ids);
    const taken = this.chips.filter((chip) => wanted.has(chip.id));
    this.chips = [];
    return taken.map((chip) => ({
      kind: chip.kind,
      content: capAttachment(chip.content),
      ...(chip.path === undefined ? {} : { path: chip.path }),
      ...(chip.language === undefined ? {} : { language: chip.language }),
      ...(chip.range === undefined ? {} : { range: chip.range }),
    }));
  }

  /** The chips a message names, as the transcript shows them. */
  viewsOf(ids: readonly string[]): Chip[] {
    const wanted = new Set(ids);
    return this.views().filter((chip) => wanted.has(chip.id));
  }

  private add(spec: { kind: Chip['kind']; label: string; document: EditorDocument; content: string; range?: Chip['range'] }): boolean {
    if (this.chips.length >= PROTOCOL_LIMITS.chips) return this.refuse(l10n.t('At most {0} items can be attached to one message.', PROTOCOL_LIMITS.chips));
    const { absPath, language } = spec.document;
    this.chips.push({
      id: this.newId(),
      kind: spec.kind,
      label: spec.label.slice(0, PROTOCOL_LIMITS.label),
      ...(absPath === undefined ? {} : { absPath, path: this.tools.displayPath(absPath).slice(0, PROTOCOL_LIMITS.path) }),
      language: language.slice(0, PROTOCOL_LIMITS.language),
      ...(spec.range === undefined ? {} : { range: spec.range }),
      content: spec.content,
    });
    return true;
  }

  private excluded(document: EditorDocument): boolean {
    return document.absPath !== undefined && this.tools.isExcluded(document.absPath);
  }

  private refuseExcluded(name: string): boolean {
    return this.refuse(l10n.t('{0} matches the grokCodeFast.exclude setting, so it is never sent to the model.', name));
  }

  private refuse(message: string): boolean {
    this.editor.warn(message);
    return false;
  }
}
