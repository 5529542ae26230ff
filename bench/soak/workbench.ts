/**
 * The soak's VS Code: the benchmark's `vscode` stub with what a day of work drives modelled for
 * real: registries (commands, the inline provider, the chat view, VS Code's chat models, content
 * providers), text documents that are opened, edited and closed with their events, editors with
 * selections, diff tabs, settings with change events, and the workspace's files on disk. The soak
 * calls the extension only where VS Code would, and reads back only what VS Code could.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import picomatch from 'picomatch';
import { permissive, type Stub } from '../activation/permissive';
import { createVscodeStub } from '../activation/vscodeStub';
import { Position, Range, Selection, TextDocumentModel } from './textModel';

type Listener = (event: unknown) => unknown;

/** An emitter whose live listeners can be counted: the soak's leak probe. */
export class CountedEmitter {
  private readonly listeners = new Set<Listener>();
  readonly event = (listener: Listener, thisArg?: unknown, disposables?: { dispose(): void }[]): { dispose(): void } => {
    const bound: Listener = thisArg === undefined ? listener : listener.bind(thisArg);
    this.listeners.add(bound);
    const subscription = { dispose: () => void this.listeners.delete(bound) };
    disposables?.push(subscription);
    return subscription;
  };
  fire(event?: unknown): void {
    for (const listener of [...this.listeners]) listener(event);
  }
  get size(): number {
    return this.listeners.size;
  }
  dispose(): void {
    this.listeners.clear();
  }
}

class CancellationTokenSource {
  private readonly cancelled = new CountedEmitter();
  private isCancelled = false;
  readonly token: { readonly isCancellationRequested: boolean; onCancellationRequested: CountedEmitter['event'] };
  constructor() {
    const state = () => this.isCancelled;
    this.token = {
      get isCancellationRequested() {
        return state();
      },
      onCancellationRequested: this.cancelled.event,
    };
  }
  cancel(): void {
    if (this.isCancelled) return;
    this.isCancelled = true;
    this.cancelled.fire();
  }
  dispose(): void {
    this.cancelled.dispose();
  }
}

class InlineCompletionItem {
  constructor(
    readonly insertText: string,
    readonly range?: Range,
    readonly command?: { command: string },
  ) {}
}

class WorkspaceEdit {
  readonly edits: { uri: Stub; range: Range; text: string }[] = [];
  readonly created: { uri: Stub; text: string }[] = [];
  replace(uri: Stub, range: Range, text: string): void {
    this.edits.push({ uri, range, text });
  }
  insert(uri: Stub, position: Position, text: string): void {
    this.edits.push({ uri, range: new Range(position, position), text });
  }
  delete(uri: Stub, range: Range): void {
    this.edits.push({ uri, range, text: '' });
  }
  createFile(uri: Stub, options?: { contents?: Uint8Array }): void {
    this.created.push({ uri, text: options?.contents ? Buffer.from(options.contents).toString('utf8') : '' });
  }
  entries(): [Stub, unknown[]][] {
    return this.edits.map((edit) => [edit.uri, [edit]]);
  }
  get size(): number {
    return this.edits.length + this.created.length;
  }
}

class TabInputTextDiff {
  constructor(
    readonly original: Stub,
    readonly modified: Stub,
  ) {}
}
class TabInputText {
  constructor(readonly uri: Stub) {}
}

class LanguageModelTextPart {
  constructor(readonly value: string) {}
}
class LanguageModelToolCallPart {
  constructor(
    readonly callId: string,
    readonly name: string,
    readonly input: object,
  ) {}
}
class LanguageModelToolResultPart {
  constructor(
    readonly callId: string,
    readonly content: unknown[],
  ) {}
}
class LanguageModelDataPart {
  constructor(
    readonly data: Uint8Array,
    readonly mimeType: string,
  ) {}
}
class LanguageModelError extends Error {
  static NoPermissions(message?: string): LanguageModelError {
    return new LanguageModelError(message, 'NoPermissions');
  }
  static Blocked(message?: string): LanguageModelError {
    return new LanguageModelError(message, 'Blocked');
  }
  static NotFound(message?: string): LanguageModelError {
    return new LanguageModelError(message, 'NotFound');
  }
  constructor(
    message?: string,
    readonly code = 'Unknown',
  ) {
    super(message);
  }
}
class CancellationError extends Error {
  constructor() {
    super('Canceled');
    this.name = 'Canceled';
  }
}

export interface Editor {
  document: TextDocumentModel;
  selection: Selection;
  selections: Selection[];
}

export interface WebviewEnd {
  /** Messages the extension posted to the webview, in order. */
  readonly posted: unknown[];
  /** Delivers a message as the webview's script would. */
  send(message: unknown): unknown;
}

/** How the soak answers the extension's questions (messages with buttons): the label to click, or undefined. */
export type Answerer = (message: string, buttons: readonly string[]) => string | undefined;

export interface Workbench {
  vscode: Stub;
  workspaceDir: string;
  commands: Map<string, (...args: unknown[]) => unknown>;
  inlineProviders: Stub[];
  lmProviders: Map<string, Stub>;
  /** Opens (or returns) the document for a file under the workspace and shows it in the active editor. */
  open(relativePath: string, text: string, languageId: string): Promise<Editor>;
  /** Replaces `range` in the document as the user typing would (fires onDidChangeTextDocument). */
  edit(document: TextDocumentModel, range: Range, text: string): void;
  close(document: TextDocumentModel): void;
  select(editor: Editor, selection: Selection): void;
  /** The chat view, resolved on first use. */
  chatView(): WebviewEnd;
  setAnswerer(answer: Answerer): void;
  setConfiguration(key: string, value: unknown): void;
  cancellation(): CancellationTokenSource;
  /** Live listeners on the workbench's shared emitters, by event name. */
  listenerCounts(): Record<string, number>;
  /** Documents still open, and closed ones the extension could still reach through VS Code. */
  openDocuments(): number;
  classes: { Position: typeof Position; Range: typeof Range; Selection: typeof Selection };
}

export function createWorkbench(workspaceDir: string, configuration: Record<string, unknown>): Workbench {
  const base = createVscodeStub();
  const emitters = {
    'workspace.onDidChangeTextDocument': new CountedEmitter(),
    'workspace.onDidOpenTextDocument': new CountedEmitter(),
    'workspace.onDidCloseTextDocument': new CountedEmitter(),
    'workspace.onDidChangeConfiguration': new CountedEmitter(),
    'window.onDidChangeActiveTextEditor': new CountedEmitter(),
    'window.onDidChangeTextEditorSelection': new CountedEmitter(),
    'window.tabGroups.onDidChangeTabs': new CountedEmitter(),
    'languages.onDidChangeDiagnostics': new CountedEmitter(),
  };
  const Uri = base.Uri as { file(fsPath: string): Stub; parse(value: string): Stub };
  const commands = new Map<string, (...args: unknown[]) => unknown>();
  const inlineProviders: Stub[] = [];
  const lmProviders = new Map<string, Stub>();
  const contentProviders = new Map<string, Stub>();
  const documents = new Map<string, TextDocumentModel>();
  const settings = new Map<string, unknown>(Object.entries(configuration));
  let answerer: Answerer = () => undefined;
  let active: Editor | undefined;
  let tabs: { input: unknown; label: string }[] = [];
  let chatProvider: Stub | undefined;
  let chat: WebviewEnd | undefined;

  const registration = <T>(list: { delete(value: T): unknown } | T[], value: T) => ({
    dispose: () => (Array.isArray(list) ? void list.splice(list.indexOf(value), 1) : void list.delete(value)),
  });

  function configurationSection(section = ''): Stub {
    const full = (key: string) => (section ? `${section}.${key}` : key);
    return {
      get: (key: string, fallback?: unknown) => (settings.has(full(key)) ? settings.get(full(key)) : fallback),
      has: (key: string) => settings.has(full(key)),
      inspect: (key: string) => ({ key: full(key), globalValue: settings.get(full(key)) }),
      update: async (key: string, value: unknown) => setConfiguration(full(key), value),
    };
  }
  function setConfiguration(key: string, value: unknown): void {
    if (value === undefined) settings.delete(key);
    else settings.set(key, value);
    emitters['workspace.onDidChangeConfiguration'].fire({ affectsConfiguration: (prefix: string) => key === prefix || key.startsWith(`${prefix}.`) || prefix.startsWith(`${key}.`) });
  }

  function editorFor(document: TextDocumentModel): Editor {
    const editor: Editor & Stub = {
      document,
      selection: new Selection(new Position(0, 0), new Position(0, 0)),
      selections: [],
      options: { insertSpaces: true, tabSize: 2 },
      viewColumn: 1,
      visibleRanges: [],
      revealRange: () => undefined,
      setDecorations: () => undefined,
      edit: async (build: (builder: Stub) => void) => {
        const edits: { range: Range; text: string }[] = [];
        build({ replace: (range: Range, text: string) => edits.push({ range, text }), insert: (at: Position, text: string) => edits.push({ range: new Range(at, at), text }), delete: (range: Range) => edits.push({ range, text: '' }) });
        for (const change of edits.reverse()) workbench.edit(document, change.range, change.text);
        return true;
      },
    };
    editor.selections = [editor.selection];
    return editor;
  }

  async function openTextDocument(target: unknown): Promise<TextDocumentModel> {
    if (target && typeof target === 'object' && 'scheme' in target) {
      const uri = target as { scheme: string; fsPath: string; toString(): string };
      const known = documents.get(uri.toString());
      if (known) return known;
      if (uri.scheme !== 'file') {
        const provider = contentProviders.get(uri.scheme);
        const text = String((provider?.provideTextDocumentContent as (u: unknown) => string)?.(uri) ?? '');
        return new TextDocumentModel(uri as never, 'plaintext', text);
      }
      const text = await fs.readFile(uri.fsPath, 'utf8');
      return track(new TextDocumentModel(uri as never, languageOf(uri.fsPath), text));
    }
    const options = (target ?? {}) as { content?: string; language?: string };
    return new TextDocumentModel(Uri.parse(`untitled:/Untitled-${documents.size + 1}`) as never, options.language ?? 'plaintext', options.content ?? '');
  }
  function track(document: TextDocumentModel): TextDocumentModel {
    documents.set(document.uri.toString(), document);
    emitters['workspace.onDidOpenTextDocument'].fire(document);
    return document;
  }

  const window = permissive('window', {
    ...pick(base.window as Stub, ['createOutputChannel', 'createStatusBarItem']),
    get activeTextEditor() {
      return active;
    },
    get visibleTextEditors() {
      return active ? [active] : [];
    },
    state: { focused: true, active: true },
    onDidChangeActiveTextEditor: emitters['window.onDidChangeActiveTextEditor'].event,
    onDidChangeTextEditorSelection: emitters['window.onDidChangeTextEditorSelection'].event,
    onDidChangeWindowState: new CountedEmitter().event,
    onDidChangeVisibleTextEditors: new CountedEmitter().event,
    showInformationMessage: async (message: string, ...rest: unknown[]) => answerer(message, rest.filter((item): item is string => typeof item === 'string')),
    showWarningMessage: async (message: string, ...rest: unknown[]) => answerer(message, rest.filter((item): item is string => typeof item === 'string')),
    showErrorMessage: async (message: string, ...rest: unknown[]) => answerer(message, rest.filter((item): item is string => typeof item === 'string')),
    showQuickPick: async () => undefined,
    showInputBox: async () => undefined,
    showTextDocument: async (document: TextDocumentModel) => {
      if (active?.document !== document) {
        active = editorFor(document);
        emitters['window.onDidChangeActiveTextEditor'].fire(active);
      }
      return active;
    },
    withProgress: async (_options: unknown, task: (progress: Stub, token: unknown) => unknown) => {
      const cancel = new CancellationTokenSource();
      try {
        return await task({ report: () => undefined }, cancel.token);
      } finally {
        cancel.dispose();
      }
    },
    registerWebviewViewProvider: (_id: string, provider: Stub) => {
      chatProvider = provider;
      return { dispose: () => (chatProvider = undefined) };
    },
    tabGroups: {
      get all() {
        return [{ tabs }];
      },
      get activeTabGroup() {
        return { tabs, activeTab: tabs[tabs.length - 1] };
      },
      onDidChangeTabs: emitters['window.tabGroups.onDidChangeTabs'].event,
      close: async (closing: unknown[]) => {
        const closed = tabs.filter((tab) => closing.includes(tab));
        tabs = tabs.filter((tab) => !closing.includes(tab));
        emitters['window.tabGroups.onDidChangeTabs'].fire({ opened: [], closed, changed: [] });
        return true;
      },
    },
  });

  const workspaceFolder = { uri: Uri.file(workspaceDir), name: path.basename(workspaceDir), index: 0 };
  const workspace = permissive('workspace', {
    getConfiguration: configurationSection,
    onDidChangeConfiguration: emitters['workspace.onDidChangeConfiguration'].event,
    onDidChangeTextDocument: emitters['workspace.onDidChangeTextDocument'].event,
    onDidOpenTextDocument: emitters['workspace.onDidOpenTextDocument'].event,
    onDidCloseTextDocument: emitters['workspace.onDidCloseTextDocument'].event,
    onDidSaveTextDocument: new CountedEmitter().event,
    onDidGrantWorkspaceTrust: new CountedEmitter().event,
    onDidChangeWorkspaceFolders: new CountedEmitter().event,
    registerTextDocumentContentProvider: (scheme: string, provider: Stub) => {
      contentProviders.set(scheme, provider);
      return { dispose: () => contentProviders.delete(scheme) };
    },
    workspaceFolders: [workspaceFolder],
    getWorkspaceFolder: () => workspaceFolder,
    get textDocuments() {
      return [...documents.values()];
    },
    notebookDocuments: [],
    isTrusted: true,
    asRelativePath: (target: unknown) => {
      const fsPath = typeof target === 'string' ? target : (target as { fsPath: string }).fsPath;
      const relative = path.relative(workspaceDir, fsPath);
      return relative.startsWith('..') ? fsPath : relative.split(path.sep).join('/');
    },
    openTextDocument,
    applyEdit: async (change: WorkspaceEdit) => {
      for (const created of change.created) await fs.writeFile((created.uri as { fsPath: string }).fsPath, created.text);
      for (const edit of [...change.edits].reverse()) {
        const document = await openTextDocument(edit.uri);
        workbench.edit(document, edit.range, edit.text);
      }
      return true;
    },
    findFiles: async (include: unknown, exclude?: unknown, maxResults?: number) => {
      const matches = globMatcher(include);
      const excluded = exclude ? globMatcher(exclude) : () => false;
      const found = (await listFiles(workspaceDir))
        .map((file) => path.relative(workspaceDir, file).split(path.sep).join('/'))
        .filter((relative) => matches(relative) && !excluded(relative));
      return found.slice(0, maxResults ?? found.length).map((relative) => Uri.file(path.join(workspaceDir, relative)));
    },
    fs: permissive('workspace.fs', {
      readFile: async (uri: { fsPath: string }) => new Uint8Array(await fs.readFile(uri.fsPath)),
      stat: async (uri: { fsPath: string }) => {
        const stat = await fs.lstat(uri.fsPath);
        return { type: stat.isDirectory() ? 2 : stat.isSymbolicLink() ? 64 : 1, size: stat.size, ctime: stat.ctimeMs, mtime: stat.mtimeMs };
      },
      readDirectory: async (uri: { fsPath: string }) =>
        (await fs.readdir(uri.fsPath, { withFileTypes: true })).map((entry) => [entry.name, entry.isDirectory() ? 2 : 1]),
      createDirectory: async (uri: { fsPath: string }) => void (await fs.mkdir(uri.fsPath, { recursive: true })),
      writeFile: async (uri: { fsPath: string }, data: Uint8Array) => {
        await fs.mkdir(path.dirname(uri.fsPath), { recursive: true });
        await fs.writeFile(uri.fsPath, data);
      },
      delete: async (uri: { fsPath: string }) => fs.rm(uri.fsPath, { recursive: true, force: true }),
      rename: async (from: { fsPath: string }, to: { fsPath: string }) => fs.rename(from.fsPath, to.fsPath),
      copy: async (from: { fsPath: string }, to: { fsPath: string }) => fs.copyFile(from.fsPath, to.fsPath),
    }),
  });

  const vscode: Stub = Object.setPrototypeOf(
    {
      ...Object.fromEntries(Object.entries(base)),
      version: '1.139.1',
      Position,
      Range,
      Selection,
      InlineCompletionItem,
      WorkspaceEdit,
      TabInputTextDiff,
      TabInputText,
      CancellationTokenSource,
      CancellationError,
      LanguageModelTextPart,
      LanguageModelToolCallPart,
      LanguageModelToolResultPart,
      LanguageModelDataPart,
      LanguageModelError,
      LanguageModelChatMessageRole: { User: 1, Assistant: 2, System: 3 },
      EventEmitter: CountedEmitter,
      FileType: { Unknown: 0, File: 1, Directory: 2, SymbolicLink: 64 },
      commands: permissive('commands', {
        registerCommand: (id: string, handler: (...args: unknown[]) => unknown) => {
          commands.set(id, handler);
          return registration(commands as unknown as { delete(value: string): unknown }, id);
        },
        registerTextEditorCommand: (id: string, handler: (...args: unknown[]) => unknown) => {
          commands.set(id, (...args) => handler(active, undefined, ...args));
          return registration(commands as unknown as { delete(value: string): unknown }, id);
        },
        executeCommand: async (id: string, ...args: unknown[]) => {
          const own = commands.get(id);
          if (own) return own(...args);
          if (id === 'vscode.diff') {
            tabs.push({ input: new TabInputTextDiff(args[0] as Stub, args[1] as Stub), label: String(args[2]) });
            emitters['window.tabGroups.onDidChangeTabs'].fire({ opened: [tabs[tabs.length - 1]], closed: [], changed: [] });
          }
          if (id === 'grokCodeFast.chatView.focus' || id.endsWith('.focus')) chatView();
          return undefined;
        },
        getCommands: async () => [...commands.keys()],
      }),
      window,
      workspace,
      languages: permissive('languages', {
        registerInlineCompletionItemProvider: (_selector: unknown, provider: Stub) => {
          inlineProviders.push(provider);
          return registration(inlineProviders, provider);
        },
        registerCodeActionsProvider: () => ({ dispose: () => undefined }),
        onDidChangeDiagnostics: emitters['languages.onDidChangeDiagnostics'].event,
        getDiagnostics: () => [],
        getLanguages: async () => ['typescript', 'python', 'go', 'rust', 'java'],
      }),
      lm: permissive('lm', {
        registerLanguageModelChatProvider: (vendor: string, provider: Stub) => {
          lmProviders.set(vendor, provider);
          return { dispose: () => lmProviders.delete(vendor) };
        },
      }),
    },
    Object.getPrototypeOf(base) as object,
  ) as Stub;

  function chatView(): WebviewEnd {
    if (chat) return chat;
    if (!chatProvider) throw new Error('the chat view provider is not registered');
    const received = new CountedEmitter();
    const posted: unknown[] = [];
    const view = {
      webview: {
        options: {},
        html: '',
        cspSource: 'vscode-webview://soak',
        asWebviewUri: (uri: unknown) => uri,
        postMessage: async (message: unknown) => (posted.push(message), true),
        onDidReceiveMessage: received.event,
      },
      visible: true,
      show: () => undefined,
      onDidDispose: new CountedEmitter().event,
      onDidChangeVisibility: new CountedEmitter().event,
    };
    (chatProvider.resolveWebviewView as (view: unknown, context: unknown, token: unknown) => void)(view, {}, new CancellationTokenSource().token);
    chat = { posted, send: (message) => received.fire(message) };
    return chat;
  }

  const workbench: Workbench = {
    vscode,
    workspaceDir,
    commands,
    inlineProviders,
    lmProviders,
    async open(relativePath, text, languageId) {
      const file = path.join(workspaceDir, relativePath);
      await fs.mkdir(path.dirname(file), { recursive: true });
      await fs.writeFile(file, text);
      const uri = Uri.file(file);
      const document = documents.get(uri.toString()) ?? track(new TextDocumentModel(uri as never, languageId, text));
      await (window.showTextDocument as (d: TextDocumentModel) => Promise<Editor>)(document);
      return active!;
    },
    edit(document, range, text) {
      const change = document.apply(range, text);
      emitters['workspace.onDidChangeTextDocument'].fire({ document, contentChanges: [change], reason: undefined });
      if (active?.document === document) {
        const end = document.positionAt(change.rangeOffset + text.length);
        workbench.select(active, new Selection(end, end));
      }
    },
    close(document) {
      document.isClosed = true;
      documents.delete(document.uri.toString());
      if (active?.document === document) {
        active = undefined;
        emitters['window.onDidChangeActiveTextEditor'].fire(undefined);
      }
      emitters['workspace.onDidCloseTextDocument'].fire(document);
    },
    select(editor, selection) {
      editor.selection = selection;
      editor.selections = [selection];
      emitters['window.onDidChangeTextEditorSelection'].fire({ textEditor: editor, selections: [selection], kind: 1 });
    },
    chatView,
    setAnswerer: (answer) => void (answerer = answer),
    setConfiguration,
    cancellation: () => new CancellationTokenSource(),
    listenerCounts: () => Object.fromEntries(Object.entries(emitters).map(([name, emitter]) => [name, emitter.size])),
    openDocuments: () => documents.size,
    classes: { Position, Range, Selection },
  };
  return workbench;
}

function pick(from: Stub, keys: string[]): Stub {
  return Object.fromEntries(keys.map((key) => [key, from[key]]));
}

function languageOf(file: string): string {
  const byExtension: Record<string, string> = { '.ts': 'typescript', '.py': 'python', '.go': 'go', '.rs': 'rust', '.java': 'java', '.md': 'markdown' };
  return byExtension[path.extname(file)] ?? 'plaintext';
}

/** A glob as VS Code takes it (a string, or a RelativePattern's `pattern`), matched as VS Code does. */
function globMatcher(glob: unknown): (relative: string) => boolean {
  const pattern = typeof glob === 'string' ? glob : String((glob as { pattern?: unknown }).pattern ?? '');
  return picomatch(pattern, { dot: true, nocase: false });
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(entries.map((entry) => (entry.isDirectory() ? listFiles(path.join(dir, entry.name)) : [path.join(dir, entry.name)])));
  return nested.flat();
}
