/**
 * The read-only tools the chat offers the model, behind one entry point: `definitions` for the
 * request and `run` for each tool call. A failing call never throws: bad arguments, refusals and
 * I/O errors come back as a result the model can read and react to.
 */
import * as l10n from '@vscode/l10n';
import { type ToolCall, type ToolDefinition } from '../../provider/types';
import { createExcludeMatcher, DEFAULT_EXCLUDE_GLOBS } from '../../platform/excludeMatcher';
import { getDiagnosticsTool } from './getDiagnosticsTool';
import { listDirectoryTool } from './listDirectoryTool';
import { PathSandbox, type ResolvedPath } from './pathSandbox';
import { readFileTool } from './readFileTool';
import { searchTextTool } from './searchTextTool';
import { DEFAULT_TOOL_LIMITS, type ToolLimits, type WorkspaceTool } from './tool';
import { ToolError } from './toolError';
import { type WorkspaceAccess } from './workspaceAccess';

/** Fixed order: the tool list is part of the prompt prefix xAI caches, so it must not change between turns. */
const TOOLS: readonly WorkspaceTool[] = [readFileTool, listDirectoryTool, searchTextTool, getDiagnosticsTool];

export interface ToolRun {
  /** The `tool` message content sent back to the model. */
  content: string;
  ok: boolean;
  /** For the transcript: the arguments and the outcome in a few words. */
  argsSummary: string;
  resultSummary: string;
}

export interface WorkspaceToolsOptions {
  access: WorkspaceAccess;
  /** Read on every call, so a settings change applies at once. Default DEFAULT_EXCLUDE_GLOBS. */
  getExcludeGlobs?: () => readonly string[];
  limits?: Partial<ToolLimits>;
  now?: () => number;
}

export class WorkspaceTools {
  private readonly access: WorkspaceAccess;
  private readonly sandbox: PathSandbox;
  private readonly limits: ToolLimits;
  private readonly now: () => number;

  constructor(options: WorkspaceToolsOptions) {
    this.access = options.access;
    this.limits = { ...DEFAULT_TOOL_LIMITS, ...options.limits };
    this.now = options.now ?? Date.now;
    const getGlobs = options.getExcludeGlobs ?? (() => DEFAULT_EXCLUDE_GLOBS);
    this.sandbox = new PathSandbox(this.access, () => createExcludeMatcher(getGlobs()));
  }

  /** False when there is no workspace folder to read (none open, or Restricted Mode): offer no tools then. */
  get available(): boolean {
    return this.access.roots.length > 0;
  }

  get definitions(): ToolDefinition[] {
    return TOOLS.map((tool) => tool.definition);
  }

  /** True when `absPath` matches the exclude globs: such a file is never read nor attached as context. */
  isExcluded(absPath: string): boolean {
    return this.sandbox.isExcluded(absPath);
  }

  /** Root-relative form of an absolute path, as the tools show paths. */
  displayPath(absPath: string): string {
    return this.sandbox.display(absPath);
  }

  /** Resolves a path the way the tools do (inside the workspace, not excluded); throws a ToolError saying why not. */
  resolve(written: string): Promise<ResolvedPath> {
    return this.sandbox.resolve(written);
  }

  /** The call's arguments in a few words, for the transcript while it runs. */
  describeCall(call: ToolCall): string {
    const tool = TOOLS.find((candidate) => candidate.definition.name === call.name);
    const args = parseArguments(call.arguments);
    if (args === undefined) return call.arguments.slice(0, 200);
    return tool === undefined ? '' : tool.summarize(args);
  }

  async run(call: ToolCall, signal?: AbortSignal): Promise<ToolRun> {
    const tool = TOOLS.find((candidate) => candidate.definition.name === call.name);
    const args = parseArguments(call.arguments);
    if (args === undefined) return failure(this.describeCall(call), l10n.t('Invalid arguments for {0}: not valid JSON.', call.name));
    if (tool === undefined) {
      return failure('', l10n.t('Unknown tool "{0}". Available: {1}.', call.name, TOOLS.map((t) => t.definition.name).join(', ')));
    }
    const argsSummary = tool.summarize(args);
    try {
      const output = await tool.run(args, { sandbox: this.sandbox, access: this.access, limits: this.limits, now: this.now, signal });
      return { content: output.text, ok: true, argsSummary, resultSummary: output.summary };
    } catch (error) {
      if (error instanceof ToolError) return failure(argsSummary, error.message);
      return failure(argsSummary, l10n.t('{0} failed: {1}', call.name, (error as Error).message ?? String(error)));
    }
  }
}

/** The model's JSON arguments; empty text counts as `{}`; undefined when it is not JSON. */
function parseArguments(text: string): unknown {
  try {
    return JSON.parse(text === '' ? '{}' : text);
  } catch {
    return undefined;
  }
}

function failure(argsSummary: string, message: string): ToolRun {
  // not UI text: the content is read by the model
  return { content: `Error: ${message}`, ok: false, argsSummary, resultSummary: message };
}
