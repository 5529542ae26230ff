/**
 * The shape every workspace tool has: a name and description for the model, a zod schema for its
 * arguments (the JSON Schema the model sees is generated from it, so the two never disagree), and
 * a run function that returns text for the model plus a one-line summary for the transcript.
 */
import * as l10n from '@vscode/l10n';
import * as z from 'zod';
import { type ToolDefinition } from '../../provider/types';
import { decodeFile } from './decodeText';
import { type PathSandbox } from './pathSandbox';
import { ToolError } from './toolError';
import { type WorkspaceAccess } from './workspaceAccess';

export interface ToolLimits {
  /** Files larger than this are not read at all. */
  maxFileBytes: number;
  /** Characters of one tool result sent back to the model. */
  maxResultChars: number;
  /** Lines `read_file` returns in one call. */
  maxReadLines: number;
  maxDirectoryEntries: number;
  /** Default and ceiling of `search_text`'s `maxResults`. */
  defaultSearchResults: number;
  maxSearchResults: number;
  /** How many files `search_text` looks at, the largest it reads, how many bytes in all, and for how long. */
  maxSearchFiles: number;
  maxSearchFileBytes: number;
  maxSearchBytes: number;
  searchTimeMs: number;
  maxDiagnostics: number;
}

export const DEFAULT_TOOL_LIMITS: ToolLimits = {
  maxFileBytes: 5 * 1024 * 1024,
  maxResultChars: 100_000,
  maxReadLines: 2000,
  maxDirectoryEntries: 500,
  defaultSearchResults: 50,
  maxSearchResults: 200,
  maxSearchFiles: 5000,
  maxSearchFileBytes: 1024 * 1024,
  maxSearchBytes: 50 * 1024 * 1024,
  searchTimeMs: 5000,
  maxDiagnostics: 200,
};

export interface ToolContext {
  sandbox: PathSandbox;
  access: WorkspaceAccess;
  limits: ToolLimits;
  now: () => number;
  signal?: AbortSignal;
}

export interface ToolOutput {
  /** Sent to the model as the `tool` message. */
  text: string;
  /** One line for the transcript, e.g. `120 lines`. */
  summary: string;
}

export interface WorkspaceTool {
  definition: ToolDefinition;
  /** Validates the model's arguments and runs; a ToolError's message becomes the result. */
  run(args: unknown, context: ToolContext): Promise<ToolOutput>;
  /** Short human form of the arguments for the transcript; never throws. */
  summarize(args: unknown): string;
}

export function defineTool<Schema extends z.ZodObject>(spec: {
  name: string;
  description: string;
  schema: Schema;
  summarize: (args: z.infer<Schema>) => string;
  run: (args: z.infer<Schema>, context: ToolContext) => Promise<ToolOutput>;
}): WorkspaceTool {
  const { $schema: _drop, ...parameters } = z.toJSONSchema(spec.schema) as Record<string, unknown>;
  return {
    definition: { name: spec.name, description: spec.description, parameters },
    run: async (args, context) => {
      const parsed = spec.schema.safeParse(args);
      if (!parsed.success) throw new ToolError(describeInvalidArguments(spec.name, parsed.error));
      return spec.run(parsed.data, context);
    },
    summarize: (args) => {
      const parsed = spec.schema.safeParse(args);
      return parsed.success ? spec.summarize(parsed.data) : l10n.t('(invalid arguments)');
    },
  };
}

/** Names each problem in the model's arguments so it can fix them on the next call. */
function describeInvalidArguments(toolName: string, error: z.ZodError): string {
  const problems = error.issues.map((issue) => `${issue.path.join('.') || '(arguments)'}: ${issue.message}`);
  return l10n.t('Invalid arguments for {0}: {1}', toolName, problems.join('; '));
}

/** The text of file bytes (decodeText.ts), or undefined when they look binary. */
export function decodeText(bytes: Uint8Array): string | undefined {
  return decodeFile(bytes)?.text;
}

/** Cuts text to `maxChars`, saying so at the end. */
export function capText(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  return `${text.slice(0, maxChars)}\n[... output cut at ${maxChars} characters]`; // not UI text: read by the model
}
