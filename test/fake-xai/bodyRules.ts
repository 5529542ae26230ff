/**
 * The request-body rules OpenAI-compatible servers enforce, checked on both wire formats (Chat
 * Completions `messages`, Responses `input`). The fake answers a body that breaks one with HTTP 400
 * in xAI's error shape, its message naming the rule (`<rule>: <what is wrong>`), so a test sees
 * which seam failed. Sources: microsoft/vscode#320060 (a tool result whose call is gone),
 * anomalyco/opencode#14630 (a lone surrogate), microsoft/vscode#330610 (`parameters: {}`),
 * anomalyco/opencode#7724 (reasoning replayed without `encrypted_content` under `store:false`),
 * OpenAI's "assistant message with tool_calls must be followed by tool messages".
 *
 *   checkChatBody(body, { model: 'grok-4.3', maxOutputTokens: 128_000 })   // undefined: accepted
 *   checkResponsesBody(body, facts)  // { rule: 'reasoning-encrypted-content', message: '...' }
 */

/** The rules, by the name the 400's message starts with. */
export const BODY_RULES = [
  'well-formed-utf16',
  'tool-result-follows-call',
  'tool-call-has-result',
  'no-empty-message',
  'tool-parameters-object-schema',
  'at-most-350-tools',
  'tool-arguments-json-object',
  'reasoning-encrypted-content',
  'reasoning-item-model',
  'unique-item-ids',
  'max-tokens-within-limit',
] as const;
export type BodyRule = (typeof BODY_RULES)[number];

export interface BodyRuleViolation {
  rule: BodyRule;
  message: string;
}

/** What the rules need to know of the request besides its body. */
export interface BodyFacts {
  /** The model that serves the request (an alias resolved): reasoning items must come from it. */
  model: string;
  /** The most output tokens the model may be asked for. */
  maxOutputTokens: number;
}

type Json = Record<string, unknown>;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function violation(rule: BodyRule, message: string): BodyRuleViolation {
  return { rule, message };
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The first string (value or key) with a lone surrogate, by its JSON path. */
function loneSurrogateAt(value: unknown, path: string): string | undefined {
  if (typeof value === 'string') return LONE_SURROGATE.test(value) ? path : undefined;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = loneSurrogateAt(item, `${path}[${index}]`);
      if (found) return found;
    }
    return undefined;
  }
  if (!isObject(value)) return undefined;
  for (const [key, item] of Object.entries(value)) {
    if (LONE_SURROGATE.test(key)) return `${path} (a key)`;
    const found = loneSurrogateAt(item, `${path}.${key}`) ?? (key === 'arguments' ? loneSurrogateInJsonText(item, `${path}.${key}`) : undefined);
    if (found) return found;
  }
  return undefined;
}

/** Call arguments are JSON text the server parses: a lone surrogate escaped in them (`"\ud83d"`) is one too. */
function loneSurrogateInJsonText(text: unknown, path: string): string | undefined {
  if (typeof text !== 'string') return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  return loneSurrogateAt(parsed, `${path} (parsed)`);
}

function wellFormed(body: Json): BodyRuleViolation | undefined {
  const at = loneSurrogateAt(body, 'body');
  return at ? violation('well-formed-utf16', `${at} holds a lone UTF-16 surrogate; strings must be well-formed.`) : undefined;
}

function argumentsProblem(where: string, text: unknown): BodyRuleViolation | undefined {
  let parsed: unknown;
  try {
    parsed = typeof text === 'string' ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  return isObject(parsed) ? undefined : violation('tool-arguments-json-object', `${where}: arguments ${JSON.stringify(text)} are not a JSON object.`);
}

function schemaProblem(where: string, parameters: unknown): BodyRuleViolation | undefined {
  if (isObject(parameters) && parameters.type === 'object') return undefined;
  return violation('tool-parameters-object-schema', `${where}: parameters ${JSON.stringify(parameters)} are not a JSON Schema with type "object".`);
}

function maxTokensProblem(field: string, value: unknown, facts: BodyFacts): BodyRuleViolation | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= facts.maxOutputTokens) return undefined;
  return violation('max-tokens-within-limit', `${field} ${JSON.stringify(value)} is not within 1..${facts.maxOutputTokens} for ${facts.model}.`);
}

/** Tool calls waiting for their results, and the rule for a turn that comes before they all have one. */
class CallLedger {
  private pending = new Set<string>();

  open(ids: readonly string[]): void {
    this.pending = new Set(ids);
  }

  answer(where: string, id: unknown): BodyRuleViolation | undefined {
    if (typeof id === 'string' && this.pending.delete(id)) return undefined;
    return violation('tool-result-follows-call', `${where}: the result for ${JSON.stringify(id)} follows no assistant call with that id.`);
  }

  /** A user or assistant turn (or the end) may come only once every call has its result. */
  close(where: string): BodyRuleViolation | undefined {
    if (this.pending.size === 0) return undefined;
    return violation('tool-call-has-result', `${where}: the calls ${[...this.pending].join(', ')} have no result before it.`);
  }
}

function emptyContent(content: unknown): boolean {
  if (content === undefined || content === null || content === '') return true;
  return Array.isArray(content) && content.every((part) => isObject(part) && (part.type === 'text' || part.type === 'input_text') && !part.text);
}

/**
 * xAI refuses any message whose content has no element: absent, `null` or `[]`, even beside tool
 * calls ("Each message must have at least one content element": langchain-ai/langchain#34140,
 * AstrBotDevs/AstrBot#6447). A string, even `""`, is one.
 */
function noContentElement(content: unknown): boolean {
  return content === undefined || content === null || (Array.isArray(content) && content.length === 0);
}

/** Chat Completions (`messages`). */
export function checkChatBody(body: Json, facts: BodyFacts): BodyRuleViolation | undefined {
  const problem = wellFormed(body) ?? maxTokensProblem('max_tokens', body.max_tokens, facts) ?? chatToolsProblem(body.tools);
  if (problem) return problem;
  const ledger = new CallLedger();
  const messages = Array.isArray(body.messages) ? body.messages : [];
  for (const [index, raw] of messages.entries()) {
    const message = isObject(raw) ? raw : {};
    const where = `messages[${index}] (${String(message.role)})`;
    if (noContentElement(message.content)) return violation('no-empty-message', `${where}: each message must have at least one content element.`);
    if (message.role === 'tool') {
      const answered = ledger.answer(where, message.tool_call_id);
      if (answered) return answered;
      continue;
    }
    const closed = ledger.close(where);
    if (closed) return closed;
    // "Every user message needs at least one non-empty content element" (CherryHQ/cherry-studio#4941).
    if (message.role === 'user' && emptyContent(message.content)) return violation('no-empty-message', `${where} has no content.`);
    if (message.role !== 'assistant') continue;
    const calls = Array.isArray(message.tool_calls) ? message.tool_calls.filter(isObject) : [];
    if (emptyContent(message.content) && calls.length === 0) return violation('no-empty-message', `${where} has neither text nor tool calls.`);
    for (const [n, call] of calls.entries()) {
      const fn = isObject(call.function) ? call.function : {};
      const bad = argumentsProblem(`${where}.tool_calls[${n}]`, fn.arguments);
      if (bad) return bad;
    }
    ledger.open(calls.map((call) => String(call.id)));
  }
  return ledger.close('the end of messages');
}

function chatToolsProblem(tools: unknown): BodyRuleViolation | undefined {
  for (const [index, tool] of (Array.isArray(tools) ? tools : []).entries()) {
    const fn = isObject(tool) && isObject(tool.function) ? tool.function : {};
    const bad = schemaProblem(`tools[${index}] (${String(fn.name)})`, fn.parameters);
    if (bad) return bad;
  }
  return undefined;
}

/**
 * The model tag the fake puts in every `encrypted_content` it sends (responsesAnswer.ts), so it can
 * tell which model produced a replayed item; undefined for content it did not make.
 */
export function encryptedReasoningModel(encrypted: string): string | undefined {
  const match = /^fake-reasoning:([^:]+):/.exec(Buffer.from(encrypted, 'base64').toString('utf8'));
  return match?.[1];
}

/** Responses (`input`). */
export function checkResponsesBody(body: Json, facts: BodyFacts): BodyRuleViolation | undefined {
  const problem = wellFormed(body) ?? maxTokensProblem('max_output_tokens', body.max_output_tokens, facts) ?? responsesToolsProblem(body.tools);
  if (problem) return problem;
  if (!Array.isArray(body.input)) return undefined;
  const ledger = new CallLedger();
  const itemIds = new Set<unknown>();
  let calls: string[] = [];
  for (const [index, raw] of body.input.entries()) {
    const item = isObject(raw) ? raw : {};
    const where = `input[${index}] (${String(item.type ?? item.role)})`;
    if (item.type === 'function_call') {
      const bad = argumentsProblem(where, item.arguments);
      if (bad) return bad;
      calls.push(String(item.call_id));
      continue;
    }
    // The calls of one assistant turn are consecutive items; their results follow.
    if (calls.length > 0) {
      ledger.open(calls);
      calls = [];
    }
    if (item.type === 'function_call_output') {
      const answered = ledger.answer(where, item.call_id);
      if (answered) return answered;
      continue;
    }
    if (item.type === 'reasoning') {
      const bad = reasoningProblem(where, item, body.store === false, facts) ?? duplicateProblem(where, item.id, itemIds);
      if (bad) return bad;
      continue;
    }
    const closed = ledger.close(where);
    if (closed) return closed;
    if ((item.role === 'user' || item.role === 'assistant') && emptyContent(item.content)) return violation('no-empty-message', `${where} has no content.`);
    if (item.role !== undefined && noContentElement(item.content)) return violation('no-empty-message', `${where}: each message must have at least one content element.`);
  }
  if (calls.length > 0) ledger.open(calls);
  return ledger.close('the end of input');
}

/** An input item is sent once: OpenAI's Responses API answers "Duplicate item found with id …". */
function duplicateProblem(where: string, id: unknown, seen: Set<unknown>): BodyRuleViolation | undefined {
  if (id === undefined || id === null) return undefined;
  if (!seen.has(id)) {
    seen.add(id);
    return undefined;
  }
  return violation('unique-item-ids', `${where}: Duplicate item found with id ${JSON.stringify(id)}.`);
}

function reasoningProblem(where: string, item: Json, unstored: boolean, facts: BodyFacts): BodyRuleViolation | undefined {
  const encrypted = item.encrypted_content;
  if (typeof encrypted !== 'string' || encrypted === '') {
    // xAI keeps nothing with store:false, so an item it cannot decrypt cannot be found either (opencode#7724).
    return unstored ? violation('reasoning-encrypted-content', `${where} ${JSON.stringify(item.id)}: items are not persisted when store is false; send encrypted_content.`) : undefined;
  }
  const producer = encryptedReasoningModel(encrypted);
  if (producer === facts.model) return undefined;
  return violation('reasoning-item-model', `${where} ${JSON.stringify(item.id)} was produced by ${producer ?? 'another server'}, not ${facts.model}.`);
}

/** xAI's documented maximum of tools in one Responses request (xai-responses.md §1). */
const MAX_RESPONSES_TOOLS = 350;

function responsesToolsProblem(tools: unknown): BodyRuleViolation | undefined {
  if (Array.isArray(tools) && tools.length > MAX_RESPONSES_TOOLS) {
    return violation('at-most-350-tools', `tools: ${tools.length} tools; at most ${MAX_RESPONSES_TOOLS} are allowed.`);
  }
  for (const [index, tool] of (Array.isArray(tools) ? tools : []).entries()) {
    const fields = isObject(tool) ? tool : {};
    const bad = schemaProblem(`tools[${index}] (${String(fields.name)})`, fields.parameters);
    if (bad) return bad;
  }
  return undefined;
}
