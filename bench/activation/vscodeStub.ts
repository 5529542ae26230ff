/**
 * The least of the `vscode` module an extension's `activate` touches, modelled for real where the
 * extension reads values back (settings, mementos, secrets, events, URIs); everything else is a
 * permissive stand-in, so new API calls in `activate` do not break the benchmark.
 */
import * as l10n from '@vscode/l10n';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { permissive, type Stub } from './permissive';

type Listener = (event: unknown) => unknown;

class Disposable {
  static from(...items: { dispose(): unknown }[]): Disposable {
    return new Disposable(() => items.forEach((item) => item.dispose()));
  }
  constructor(private readonly onDispose: () => unknown = () => undefined) {}
  dispose(): void {
    this.onDispose();
  }
}

class EventEmitter {
  private readonly listeners = new Set<Listener>();
  readonly event = (listener: Listener): Disposable => {
    this.listeners.add(listener);
    return new Disposable(() => this.listeners.delete(listener));
  };
  fire(event?: unknown): void {
    for (const listener of [...this.listeners]) listener(event);
  }
  dispose(): void {
    this.listeners.clear();
  }
}

const noEvent = (): Disposable => new Disposable();

class FileSystemError extends Error {
  static FileNotFound(target?: unknown): FileSystemError {
    return new FileSystemError(`File not found: ${String(target)}`, 'FileNotFound');
  }
  constructor(
    message: string,
    readonly code = 'Unknown',
  ) {
    super(message);
  }
}

/** An empty file system: reads find nothing, writes succeed (real files go under globalStorageUri). */
const emptyFileSystem = {
  readFile: async (uri: unknown) => Promise.reject(FileSystemError.FileNotFound(uri)),
  stat: async (uri: unknown) => Promise.reject(FileSystemError.FileNotFound(uri)),
  readDirectory: async () => [],
  createDirectory: async () => undefined,
  writeFile: async () => undefined,
  delete: async () => undefined,
  rename: async () => undefined,
  copy: async () => undefined,
};

class Uri {
  private constructor(
    readonly scheme: string,
    readonly path: string,
    readonly query = '',
    readonly fragment = '',
    readonly authority = '',
  ) {}
  static file(fsPath: string): Uri {
    return new Uri('file', path.resolve(fsPath));
  }
  static parse(value: string): Uri {
    const url = new URL(value);
    return new Uri(url.protocol.replace(/:$/, ''), decodeURIComponent(url.pathname), url.search.slice(1), url.hash.slice(1), url.host);
  }
  static joinPath(base: Uri, ...segments: string[]): Uri {
    return base.with({ path: path.posix.join(base.path, ...segments) });
  }
  static from(parts: { scheme: string; path?: string; query?: string; fragment?: string; authority?: string }): Uri {
    return new Uri(parts.scheme, parts.path ?? '/', parts.query, parts.fragment, parts.authority);
  }
  get fsPath(): string {
    return this.path;
  }
  with(change: Partial<Pick<Uri, 'scheme' | 'path' | 'query' | 'fragment' | 'authority'>>): Uri {
    return new Uri(
      change.scheme ?? this.scheme,
      change.path ?? this.path,
      change.query ?? this.query,
      change.fragment ?? this.fragment,
      change.authority ?? this.authority,
    );
  }
  toString(): string {
    return `${this.scheme}://${this.authority}${this.path}${this.query ? `?${this.query}` : ''}${this.fragment ? `#${this.fragment}` : ''}`;
  }
  toJSON(): object {
    return { scheme: this.scheme, path: this.path };
  }
}

function memento(): Stub {
  const values = new Map<string, unknown>();
  return {
    get: (key: string, fallback?: unknown) => (values.has(key) ? values.get(key) : fallback),
    update: async (key: string, value: unknown) => void (value === undefined ? values.delete(key) : values.set(key, value)),
    keys: () => [...values.keys()],
    setKeysForSync: () => undefined,
  };
}

function secretStorage(): Stub {
  const values = new Map<string, string>();
  const changed = new EventEmitter();
  return {
    get: async (key: string) => values.get(key),
    store: async (key: string, value: string) => {
      values.set(key, value);
      changed.fire({ key });
    },
    delete: async (key: string) => {
      values.delete(key);
      changed.fire({ key });
    },
    keys: async () => [...values.keys()],
    onDidChange: changed.event,
  };
}

/** Every setting reads as its default (the extension's own schema supplies it). */
function configuration(): Stub {
  return permissive('WorkspaceConfiguration', {
    get: (_key: string, fallback?: unknown) => fallback,
    has: () => false,
    inspect: () => undefined,
    update: async () => undefined,
  });
}

const enums = {
  StatusBarAlignment: { Left: 1, Right: 2 },
  ConfigurationTarget: { Global: 1, Workspace: 2, WorkspaceFolder: 3 },
  ExtensionMode: { Production: 1, Development: 2, Test: 3 },
  ViewColumn: { Active: -1, Beside: -2, One: 1, Two: 2, Three: 3 },
  InlineCompletionTriggerKind: { Invoke: 0, Automatic: 1 },
  DiagnosticSeverity: { Error: 0, Warning: 1, Information: 2, Hint: 3 },
  ProgressLocation: { SourceControl: 1, Window: 10, Notification: 15 },
  LogLevel: { Off: 0, Trace: 1, Debug: 2, Info: 3, Warning: 4, Error: 5 },
  EndOfLine: { LF: 1, CRLF: 2 },
  TextEditorRevealType: { Default: 0, InCenter: 1, InCenterIfOutsideViewport: 2, AtTop: 3 },
  UIKind: { Desktop: 1, Web: 2 },
};

/**
 * The `vscode` module as the benchmark hands it to the bundle: a plain object (bundlers copy its
 * own properties into a namespace object) whose prototype is a stand-in, so the namespace inherits
 * any API the stub does not model.
 */
export function createVscodeStub(): Stub {
  return Object.setPrototypeOf({
    version: '1.100.0',
    Disposable,
    EventEmitter,
    Uri,
    FileSystemError,
    ...enums,
    // English, as VS Code in English: no bundle, and t formats its arguments as vscode.l10n.t does (@vscode/l10n's t is the same function).
    l10n: permissive('l10n', { t: l10n.t, bundle: undefined, uri: undefined }),
    commands: permissive('commands', {
      registerCommand: () => new Disposable(),
      registerTextEditorCommand: () => new Disposable(),
      executeCommand: async () => undefined,
      getCommands: async () => [],
    }),
    window: permissive('window', {
      createOutputChannel: (name: string) => permissive(`OutputChannel(${name})`, { name }),
      createStatusBarItem: () => permissive('StatusBarItem'),
      registerWebviewViewProvider: () => new Disposable(),
      registerWebviewPanelSerializer: () => new Disposable(),
      onDidChangeActiveTextEditor: noEvent,
      onDidChangeTextEditorSelection: noEvent,
      onDidChangeWindowState: noEvent,
      activeTextEditor: undefined,
      visibleTextEditors: [],
      state: { focused: true, active: true },
    }),
    languages: permissive('languages', {
      registerInlineCompletionItemProvider: () => new Disposable(),
      registerCodeActionsProvider: () => new Disposable(),
      onDidChangeDiagnostics: noEvent,
      getDiagnostics: () => [],
      getLanguages: async () => [],
    }),
    workspace: permissive('workspace', {
      getConfiguration: configuration,
      onDidChangeConfiguration: noEvent,
      onDidChangeTextDocument: noEvent,
      onDidOpenTextDocument: noEvent,
      onDidCloseTextDocument: noEvent,
      onDidSaveTextDocument: noEvent,
      onDidGrantWorkspaceTrust: noEvent,
      onDidChangeWorkspaceFolders: noEvent,
      registerTextDocumentContentProvider: () => new Disposable(),
      fs: permissive('workspace.fs', emptyFileSystem),
      findFiles: async () => [],
      workspaceFolders: undefined,
      textDocuments: [],
      isTrusted: true,
    }),
    env: permissive('env', { machineId: 'bench-machine', sessionId: 'bench-session', language: 'en', appName: 'Visual Studio Code', uriScheme: 'vscode', uiKind: 1 }),
    extensions: permissive('extensions', { getExtension: () => undefined, all: [] }),
  }, permissive('vscode')) as Stub;
}

/** The `context` argument of `activate`, with real mementos and secrets and storage under `storageDir`. */
export function createExtensionContext(extensionDir: string, storageDir: string): Stub {
  const extensionUri = Uri.file(extensionDir);
  const packageJSON = JSON.parse(readFileSync(path.join(extensionDir, 'package.json'), 'utf8')) as { publisher?: string; name?: string };
  return permissive('ExtensionContext', {
    extension: permissive('Extension', { id: `${packageJSON.publisher}.${packageJSON.name}`, packageJSON, extensionUri, extensionPath: extensionDir }),
    subscriptions: [],
    globalState: memento(),
    workspaceState: memento(),
    secrets: secretStorage(),
    extensionUri,
    extensionPath: extensionDir,
    globalStorageUri: Uri.file(path.join(storageDir, 'global')),
    storageUri: Uri.file(path.join(storageDir, 'workspace')),
    logUri: Uri.file(path.join(storageDir, 'logs')),
    globalStoragePath: path.join(storageDir, 'global'),
    storagePath: path.join(storageDir, 'workspace'),
    logPath: path.join(storageDir, 'logs'),
    extensionMode: enums.ExtensionMode.Production,
    asAbsolutePath: (relative: string) => path.join(extensionDir, relative),
  });
}
