/**
 * The in-process types every surface speaks to the core with. Wire formats (server JSON) and
 * configuration are zod schemas in their own files; these are the shapes after validation.
 */
import { type Usage } from './usageSchema';

/**
 * Which surface a request serves; analytics and limits are reported per feature. `chat` is the
 * extension's own chat panel, `vscode-chat` VS Code's Chat view (the language-model provider), `apply` the model
 * merge of the chat's Apply to file.
 */
export type Feature = 'inline' | 'chat' | 'vscode-chat' | 'action' | 'apply' | 'health' | 'other';

/** Stored and read back in several places, so it comes from its schema. */
export { type Usage };

/** A function call the model asked for (OpenAI `tool_calls` entry): its id, the function name and the arguments as JSON text. */
export interface ToolCall {
  id: string;
  name: string;
  /** The arguments as the JSON text the model produced (parse it where it is used). */
  arguments: string;
}

/**
 * A reasoning item of the Responses API, kept so a later turn can send it back as it came: the
 * model's earlier reasoning stays in the prompt and the prompt cache holds.
 */
export interface ReasoningItem {
  id: string;
  /** The reasoning summary text. */
  summary: string;
  /** Opaque; present when the request asked for `reasoning.encrypted_content`. */
  encryptedContent?: string;
  /** The model that produced it (the response's `model`): only that model can read it back. */
  model?: string;
}

/** An image the model reads: a `data:<mime>;base64,<bytes>` URL (or an https URL the server fetches). */
export interface ImageInput {
  url: string;
}

/**
 * One conversation message in OpenAI chat roles; an assistant turn may carry its reasoning and tool calls, a `tool` message
 * answers one call by id.
 */
export type ChatMessage =
  | { role: 'system'; content: string }
  /** `images` only for models whose input modalities include `image`; others answer HTTP 400. */
  | { role: 'user'; content: string; images?: ImageInput[] }
  | { role: 'assistant'; content: string; reasoning?: string; toolCalls?: ToolCall[]; reasoningItems?: ReasoningItem[] }
  | { role: 'tool'; toolCallId: string; content: string };

/** A function the model may call (OpenAI `tools[].function`): name, description and a JSON Schema of its arguments. */
export interface ToolDefinition {
  name: string;
  description: string;
  /** JSON Schema of the arguments object. */
  parameters: Record<string, unknown>;
}

/** Whether the model may call tools (OpenAI `tool_choice`): 'auto', 'none', `required` (one of them), or `{ name }` (that one). */
export type ToolChoice = 'auto' | 'none' | 'required' | { name: string };

/** Code the request is about: language id, the code, its path and framework; added to the prompt by buildChatRequestBody. */
export interface CodeContext {
  language: string;
  code?: string;
  filePath?: string;
  framework?: string;
}

/** The project around the code: its name and technologies; added to the prompt. */
export interface ProjectContext {
  projectName: string;
  technologies: string[];
}

/**
 * One model request: `prompt` or `messages` (or both), optional context, metadata (user, feature, conversation id for xAI's
 * prompt cache) and options (AbortSignal, max tokens, temperature 0..2, tools). `maxTokens` is capped by the model's output
 * limit.
 */
export interface GenerateRequest {
  prompt?: string;
  messages?: ChatMessage[];
  context?: { codeContext?: CodeContext; projectContext?: ProjectContext };
  metadata?: {
    userId?: string;
    sessionId?: string;
    /** `inline`: an answer with no text is a valid answer (the model had nothing to suggest), never retried. */
    feature?: Feature;
    /**
     * Sent as `x-grok-conv-id` (and, on the Responses API, as `prompt_cache_key`) so multi-turn
     * requests land on the same prompt cache.
     */
    conversationId?: string;
  };
  options?: {
    signal?: AbortSignal;
    maxTokens?: number;
    temperature?: number;
    tools?: ToolDefinition[];
    toolChoice?: ToolChoice;
    /** Told before each automatic retry, so a surface can say why it waits (a 429's countdown). */
    onRetry?: (retry: RetryNotice) => void;
    /** Told the estimated input cost (USD, the prompt at list prices) once the budget admitted the request, before it is sent. */
    onEstimate?: (inputUsd: number) => void;
  };
}

/** An automatic retry about to happen: why (the failed attempt's error code) and after how long. */
export interface RetryNotice {
  /** `rate_limited` for a 429, `api_error` for a 5xx, ... */
  code: string;
  /** Milliseconds until the next attempt. */
  delayMs: number;
}

/** Why the answer ended (OpenAI `finish_reason`); 'unknown' for a value the core does not know. */
export type FinishReason = 'stop' | 'length' | 'tool_calls' | 'content_filter' | 'unknown';

/**
 * A whole answer: content, reasoning, tool calls, finish reason, the model the server says answered, usage (tokens, cost in
 * USD) and timing in ms from sending (latency, time to first token; null when no token came).
 */
export interface GenerateResult {
  content: string;
  reasoning: string;
  toolCalls: ToolCall[];
  finishReason: FinishReason;
  model: string;
  usage: Usage;
  /** Responses API only: the reasoning items to send back with this answer in the next turn. */
  reasoningItems?: ReasoningItem[];
  metadata: { requestId: string; latencyMs: number; timeToFirstTokenMs: number | null };
}

/** The rich stream surfaces consume; `done` is always last on success and carries the whole result. */
export type StreamEvent =
  | { type: 'reasoning'; text: string }
  | { type: 'content'; text: string }
  | { type: 'tool_call'; call: ToolCall }
  | { type: 'usage'; usage: Usage }
  | { type: 'done'; result: GenerateResult };

/**
 * Whether one more request would pass the local limits now: the requests left in the tightest window, when it frees up, and
 * `retryAfter` seconds when blocked.
 */
export interface RateLimitStatus {
  allowed: boolean;
  remaining: number;
  resetTime: Date;
  /** Seconds, present when `allowed` is false. */
  retryAfter?: number;
}

/** Where the core logs (the extension's output channel, or createLogger); messages are already redacted. */
export interface Logger {
  debug(message: string, ...details: unknown[]): void;
  info(message: string, ...details: unknown[]): void;
  warn(message: string, ...details: unknown[]): void;
  error(message: string, ...details: unknown[]): void;
}

/** A model as `GET /models` lists it: id, owner and creation time (Unix seconds). */
export interface ModelInfo {
  id: string;
  ownedBy?: string;
  created?: number;
}
