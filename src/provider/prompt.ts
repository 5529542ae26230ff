/**
 * A request in the core's terms becomes the Chat Completions body. The layout serves xAI's prompt
 * cache: the system text comes first and never changes by a byte, earlier turns stay as they were
 * sent, and everything that varies (code and project context) joins the last user message.
 */
import * as l10n from '@vscode/l10n';
import { InvalidConfigError } from './errors';
import { MAX_OUTPUT_TOKENS } from './models';
import { type ChatRequestBody, type WireMessage, type WireTool, type WireToolChoice } from './client/wire';
import { type ChatMessage, type CodeContext, type GenerateRequest, type ProjectContext, type ToolChoice, type ToolDefinition } from './types';

/** The system message every chat request starts with; byte-stable so xAI's prompt cache can serve it. */
// not UI text: a prompt to the model
export const SYSTEM_PROMPT = [
  'You are Grok Code Fast, a coding assistant working inside the Visual Studio Code editor.',
  'Answer precisely and concisely. When you write code, write complete, correct code in the language and style of the surrounding project,',
  'inside fenced code blocks tagged with the language. Do not invent APIs; say so when you are unsure.',
].join(' ');

function toWireMessage(message: ChatMessage): WireMessage {
  switch (message.role) {
    case 'system':
      return { role: 'system', content: message.content };
    case 'user':
      if (!message.images?.length) return { role: 'user', content: message.content };
      return {
        role: 'user',
        content: [
          ...(message.content === '' ? [] : [{ type: 'text' as const, text: message.content }]),
          ...message.images.map((image) => ({ type: 'image_url' as const, image_url: { url: image.url } })),
        ],
      };
    case 'assistant': {
      const wire: WireMessage = { role: 'assistant', content: message.content };
      // Sending the earlier reasoning back keeps multi-turn requests on the prompt cache.
      if (message.reasoning) wire.reasoning_content = message.reasoning;
      if (message.toolCalls?.length) {
        wire.tool_calls = message.toolCalls.map((call) => ({
          id: call.id,
          type: 'function' as const,
          function: { name: call.name, arguments: call.arguments },
        }));
      }
      return wire;
    }
    case 'tool':
      return { role: 'tool', tool_call_id: message.toolCallId, content: message.content };
  }
}

/** The variable context as text, always in the same order so equal context gives equal bytes. */
function renderContext(context: GenerateRequest['context']): string | undefined {
  const project: ProjectContext | undefined = context?.projectContext;
  const code: CodeContext | undefined = context?.codeContext;
  const lines: string[] = [];
  if (project) {
    lines.push(`Project: ${project.projectName}`);
    if (project.technologies.length > 0) lines.push(`Technologies: ${project.technologies.join(', ')}`);
  }
  if (code) {
    if (code.filePath) lines.push(`File: ${code.filePath}`);
    lines.push(`Language: ${code.language}`);
    if (code.framework) lines.push(`Framework: ${code.framework}`);
    if (code.code !== undefined) lines.push('```' + code.language, code.code, '```');
  }
  return lines.length > 0 ? `<context>\n${lines.join('\n')}\n</context>` : undefined;
}

/**
 * The conversation as sent, in the core's terms: the system text first (the default unless the
 * caller gave one), the earlier turns as they were, the prompt last, and the variable context
 * joined to the last user message. Both wire formats are rendered from this.
 */
export function orderedMessages(request: GenerateRequest): ChatMessage[] {
  const messages: ChatMessage[] = [...(request.messages ?? [])];
  if (request.prompt !== undefined && request.prompt !== '') messages.push({ role: 'user', content: request.prompt });
  if (!messages.some((message) => message.role !== 'system')) {
    throw new InvalidConfigError(l10n.t('A request needs a prompt or at least one user message.'), 'prompt');
  }
  if (messages[0]?.role !== 'system') messages.unshift({ role: 'system', content: SYSTEM_PROMPT });

  const context = renderContext(request.context);
  if (context) {
    const lastUser = messages.map((message) => message.role).lastIndexOf('user');
    if (lastUser === -1) messages.push({ role: 'user', content: context });
    // Images (when the message has any) stay after the text.
    else {
      const text = messages[lastUser].content;
      messages[lastUser] = { ...messages[lastUser], content: text === '' ? context : `${context}\n\n${text}` } as ChatMessage;
    }
  }
  return messages;
}

export function buildWireMessages(request: GenerateRequest): WireMessage[] {
  return orderedMessages(request).map(toWireMessage);
}

function toWireTools(tools: readonly ToolDefinition[]): WireTool[] {
  return tools.map((tool) => ({
    type: 'function',
    function: { name: tool.name, description: tool.description, parameters: tool.parameters },
  }));
}

function toWireToolChoice(choice: ToolChoice): WireToolChoice {
  return typeof choice === 'string' ? choice : { type: 'function', function: { name: choice.name } };
}

export interface BodySettings {
  model: string;
  maxTokens: number;
  temperature?: number;
  /** Already checked against the model's accepted efforts. */
  reasoningEffort?: string;
}

/**
 * The streamed request body. Never carries `stop`, `presence_penalty` or `frequency_penalty`
 * (xAI answers them with HTTP 400); `reasoning_effort` only when the settings give one.
 */
export function buildChatRequestBody(request: GenerateRequest, settings: BodySettings): ChatRequestBody {
  const options = request.options ?? {};
  const body: ChatRequestBody = {
    model: settings.model,
    messages: buildWireMessages(request),
    // A request may ask for more than the setting (a retry of a cut answer), never above the model's maximum.
    max_tokens: Math.min(options.maxTokens ?? settings.maxTokens, MAX_OUTPUT_TOKENS),
    stream: true,
    stream_options: { include_usage: true },
  };
  const temperature = options.temperature ?? settings.temperature;
  if (temperature !== undefined) body.temperature = temperature;
  if (settings.reasoningEffort !== undefined) body.reasoning_effort = settings.reasoningEffort;
  if (options.tools?.length) {
    body.tools = toWireTools(options.tools);
    if (options.toolChoice) body.tool_choice = toWireToolChoice(options.toolChoice);
  }
  return body;
}
