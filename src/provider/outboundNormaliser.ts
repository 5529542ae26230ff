/**
 * The one way a request becomes what is sent: any history from any surface (the chat panel, VS
 * Code's chat, actions, inline) turns into messages, tools and an output limit that OpenAI-compatible
 * servers accept, on both wire formats (prompt.ts and responsesPrompt.ts render only this). Rules,
 * each from a public bug report of another client:
 * - every string is well-formed UTF-16: a lone surrogate becomes U+FFFD (anomalyco/opencode#14630),
 *   also one escaped inside call arguments, which the server parses;
 * - a tool result whose call is gone (a summarised history) becomes user text (microsoft/vscode#320060);
 * - a call with no result gets a short "not run" result, right after its turn;
 * - empty turns are left out (an assistant turn holding only a data part);
 * - a tool schema that is empty or not an object schema becomes one (microsoft/vscode#330610);
 *   `type: ["object", "null"]` keeps its properties;
 * - call arguments that are empty or `null` become `{}`, any other non-object is wrapped in one;
 * - encrypted reasoning goes only to the model that produced it (opencode#7724: with `store:false`
 *   an item without `encrypted_content` cannot be found), and each item once;
 * - the output limit is the request's own (when it is a positive number), else the `maxTokens`
 *   setting, capped at the model's, the same on both formats.
 * Nothing the user wrote is dropped: only empty turns are.
 */
import * as l10n from '@vscode/l10n';
import { InvalidConfigError } from './errors';
import { type ChatMessage, type ReasoningItem, type ToolCall, type ToolChoice, type ToolDefinition } from './types';

/** What a tool call without a result answers: the API needs a result for every call. */
export const CALL_NOT_RUN_RESULT = 'Error: this tool call was not run.'; // not UI text: sent to the model

/** The most tools xAI takes in one request (xai-responses.md §1); more is refused with a clear error before sending. */
const MAX_TOOLS = 350;

/** The schema of a tool that declares none (or one that is not an object schema): no arguments. */
const NO_ARGUMENTS: Record<string, unknown> = { type: 'object', properties: {} };

export interface OutboundTarget {
  /** The `grokCodeFast.maxTokens` setting: the limit when the request asks for none. */
  maxTokens: number;
  /** The model's own output cap (ModelFacts.maxOutputTokens). */
  maxOutputTokens: number;
  /** The names the target model answers under: only reasoning items produced by one of them are sent. */
  modelNames: readonly string[];
}

export interface OutboundRequest {
  messages: ChatMessage[];
  tools?: ToolDefinition[];
  toolChoice?: ToolChoice;
  /** Output tokens to ask for, on either wire format. */
  maxTokens: number;
}

/** The text with each lone surrogate replaced by U+FFFD (String.prototype.toWellFormed, ES2024). */
export function wellFormed(text: string): string {
  return (text as string & { toWellFormed(): string }).toWellFormed();
}

/** Every string (keys too) of a JSON value made well-formed. */
function wellFormedJson(value: unknown): unknown {
  if (typeof value === 'string') return wellFormed(value);
  if (Array.isArray(value)) return value.map(wellFormedJson);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [wellFormed(key), wellFormedJson(item)]));
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** True when a JSON value (keys too) holds a string with a lone surrogate. */
function hasLoneSurrogate(value: unknown): boolean {
  if (typeof value === 'string') return wellFormed(value) !== value;
  if (Array.isArray(value)) return value.some(hasLoneSurrogate);
  if (typeof value !== 'object' || value === null) return false;
  return Object.entries(value).some(([key, item]) => wellFormed(key) !== key || hasLoneSurrogate(item));
}

/**
 * Arguments as a JSON object's text: `''` and `null` mean none; other non-objects are kept inside
 * one. The server parses the text, so a lone surrogate written as an escape (`"\ud83d"`, what
 * JSON.stringify makes of one) is one too: such an object is written again, well-formed.
 */
export function objectArguments(text: string): string {
  const trimmed = text.trim();
  if (trimmed === '' || trimmed === 'null') return '{}';
  const whole = wellFormed(text);
  try {
    const parsed: unknown = JSON.parse(whole);
    if (isPlainObject(parsed)) return hasLoneSurrogate(parsed) ? JSON.stringify(wellFormedJson(parsed)) : whole;
  } catch {
    // Not JSON (an answer cut inside the arguments): kept as text below.
  }
  return JSON.stringify({ arguments: whole });
}

/**
 * A JSON Schema with `type: "object"`: an empty or typeless one gets the type, one whose type list
 * includes "object" (`["object", "null"]`) keeps its properties as an object schema, any other is replaced.
 */
export function objectSchema(parameters: unknown): Record<string, unknown> {
  if (!isPlainObject(parameters)) return NO_ARGUMENTS;
  const schema = wellFormedJson(parameters) as Record<string, unknown>;
  if (schema.type === 'object') return schema;
  if (schema.type === undefined) return { ...NO_ARGUMENTS, ...schema, type: 'object' };
  if (Array.isArray(schema.type) && schema.type.includes('object')) return { ...schema, type: 'object' };
  return NO_ARGUMENTS;
}

function normaliseTool(tool: ToolDefinition): ToolDefinition {
  return { name: wellFormed(tool.name), description: wellFormed(tool.description), parameters: objectSchema(tool.parameters) };
}

function normaliseCall(call: ToolCall): ToolCall {
  return { id: wellFormed(call.id), name: wellFormed(call.name), arguments: objectArguments(call.arguments) };
}

/** The items the target model can read, each once in the conversation (`sent`: the ids sent so far). */
function normaliseReasoning(items: readonly ReasoningItem[], modelNames: readonly string[], sent: Set<string>): ReasoningItem[] {
  const readable = items
    .filter((item) => item.encryptedContent !== undefined && item.encryptedContent !== '' && item.model !== undefined && modelNames.includes(item.model))
    .map((item) => ({ ...item, id: wellFormed(item.id), summary: wellFormed(item.summary) }));
  const once: ReasoningItem[] = [];
  for (const item of readable) {
    if (sent.has(item.id)) continue;
    sent.add(item.id);
    once.push(item);
  }
  return once;
}

/** A tool result with no call before it, as the user text it becomes. */
function orphanText(message: Extract<ChatMessage, { role: 'tool' }>): string {
  return `Result of an earlier tool call (${wellFormed(message.toolCallId)}):\n${wellFormed(message.content)}`; // not UI text: sent to the model
}

/**
 * The conversation as the rules above want it: results right after their turn's calls (a missing
 * one "not run"), orphaned results as user text after them, empty turns left out.
 */
export function normaliseMessages(messages: readonly ChatMessage[], modelNames: readonly string[]): ChatMessage[] {
  const out: ChatMessage[] = [];
  let open: { ids: string[]; answered: Set<string> } | undefined;
  let orphans: string[] = [];
  const sentReasoning = new Set<string>();
  const closeTurn = () => {
    for (const id of open?.ids ?? []) if (!open!.answered.has(id)) out.push({ role: 'tool', toolCallId: id, content: CALL_NOT_RUN_RESULT });
    open = undefined;
    if (orphans.length > 0) out.push({ role: 'user', content: orphans.join('\n\n') });
    orphans = [];
  };
  for (const message of messages) {
    if (message.role === 'tool') {
      const id = wellFormed(message.toolCallId);
      if (open?.ids.includes(id) && !open.answered.has(id)) {
        open.answered.add(id);
        out.push({ role: 'tool', toolCallId: id, content: wellFormed(message.content) });
      } else orphans.push(orphanText(message));
      continue;
    }
    closeTurn();
    const normalised = normaliseTurn(message, modelNames, sentReasoning);
    if (!normalised) continue;
    out.push(normalised);
    if (normalised.role === 'assistant' && normalised.toolCalls?.length) open = { ids: [...new Set(normalised.toolCalls.map((call) => call.id))], answered: new Set() };
  }
  closeTurn();
  return out;
}

/** A system, user or assistant turn made well-formed; undefined for an empty one. */
function normaliseTurn(message: Exclude<ChatMessage, { role: 'tool' }>, modelNames: readonly string[], sentReasoning: Set<string>): ChatMessage | undefined {
  const content = wellFormed(message.content);
  switch (message.role) {
    case 'system':
      return content === '' ? undefined : { role: 'system', content };
    case 'user': {
      const images = message.images?.map((image) => ({ url: wellFormed(image.url) }));
      if (content === '' && !images?.length) return undefined;
      return { role: 'user', content, ...(images?.length ? { images } : {}) };
    }
    case 'assistant': {
      const toolCalls = (message.toolCalls ?? []).map(normaliseCall);
      if (content === '' && toolCalls.length === 0) return undefined;
      const reasoningItems = normaliseReasoning(message.reasoningItems ?? [], modelNames, sentReasoning);
      return {
        role: 'assistant',
        content,
        ...(message.reasoning && { reasoning: wellFormed(message.reasoning) }),
        ...(toolCalls.length > 0 && { toolCalls }),
        ...(reasoningItems.length > 0 && { reasoningItems }),
      };
    }
  }
}

/**
 * The request as sent, from the ordered messages (prompt.ts `orderedMessages`) and the request's
 * options. Throws InvalidConfigError when nothing but system text is left to send, or for more
 * tools than xAI takes.
 */
export function normaliseOutbound(
  messages: readonly ChatMessage[],
  options: { maxTokens?: number; tools?: readonly ToolDefinition[]; toolChoice?: ToolChoice },
  target: OutboundTarget,
): OutboundRequest {
  const normalised = normaliseMessages(messages, target.modelNames);
  if (!normalised.some((message) => message.role !== 'system')) {
    throw new InvalidConfigError(l10n.t('A request needs a prompt or at least one user message with text.'), 'prompt');
  }
  // A limit that is no positive number (0, NaN) asks for none: the setting's applies.
  const asked = options.maxTokens;
  const wanted = asked !== undefined && asked >= 1 ? Math.floor(asked) : target.maxTokens;
  const outbound: OutboundRequest = { messages: normalised, maxTokens: Math.max(1, Math.min(wanted, target.maxOutputTokens)) };
  if (options.tools?.length) {
    if (options.tools.length > MAX_TOOLS) {
      throw new InvalidConfigError(l10n.t('{0} tools were offered; xAI takes at most {1} in one request. Turn some tools off.', options.tools.length, MAX_TOOLS), 'tools');
    }
    outbound.tools = options.tools.map(normaliseTool);
    if (options.toolChoice) outbound.toolChoice = typeof options.toolChoice === 'string' ? options.toolChoice : { name: wellFormed(options.toolChoice.name) };
  }
  return outbound;
}
