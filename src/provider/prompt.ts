/**
 * A request in the core's terms becomes the Chat Completions body. The layout serves xAI's prompt
 * cache: the system text comes first and never changes by a byte, earlier turns stay as they were
 * sent, and everything that varies (code and project context) joins the last user message.
 */
import { InvalidConfigError } from './errors';
import { type ChatRequestBody, type WireMessage, type WireTool, type WireToolChoice } from './client/wire';
import { type ChatMessage, type CodeContext, type GenerateRequest, type ProjectContext, type ToolChoice, type ToolDefinition } from './types';

/** The system message every chat request starts with; byte-stable so xAI's prompt cache can serve it. */
export const SYSTEM_PROMPT = [
  'You are Grok Code Fast, a coding assistant working inside the Visual Studio Code editor.',
  'Answer precisely and concisely. When you write code, write complete, correct code in the language and style of the surrounding project,',
  'inside fenced code blocks tagged with the language. Do not invent APIs; say so when you are unsure.',
].join(' ');

function toWireMessage(message: ChatMessage): WireMessage {
  switch (message.role) {
    case 'system':
    case 'user':
      return { role: message.role, content: message.content };
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

export function buildWireMessages(request: GenerateRequest): WireMessage[] {
  const messages = (request.messages ?? []).map(toWireMessage);
  if (request.prompt !== undefined && request.prompt !== '') messages.push({ role: 'user', content: request.prompt });
  if (!messages.some((message) => message.role !== 'system')) {
    throw new InvalidConfigError('A request needs a prompt or at least one user message.', 'prompt');
  }
  if (messages[0]?.role !== 'system') messages.unshift({ role: 'system', content: SYSTEM_PROMPT });

  const context = renderContext(request.context);
  if (context) {
    const lastUser = messages.map((message) => message.role).lastIndexOf('user');
    if (lastUser === -1) messages.push({ role: 'user', content: context });
    else messages[lastUser] = { role: 'user', content: `${context}\n\n${messages[lastUser].content}` };
  }
  return messages;
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
}

/**
 * The streamed request body. Never carries `stop`, `presence_penalty`, `frequency_penalty` or
 * `reasoning_effort`: grok-code-fast-1 answers those with HTTP 400.
 */
export function buildChatRequestBody(request: GenerateRequest, settings: BodySettings): ChatRequestBody {
  const options = request.options ?? {};
  const body: ChatRequestBody = {
    model: settings.model,
    messages: buildWireMessages(request),
    max_tokens: Math.min(options.maxTokens ?? settings.maxTokens, settings.maxTokens),
    stream: true,
    stream_options: { include_usage: true },
  };
  const temperature = options.temperature ?? settings.temperature;
  if (temperature !== undefined) body.temperature = temperature;
  if (options.tools?.length) {
    body.tools = toWireTools(options.tools);
    if (options.toolChoice) body.tool_choice = toWireToolChoice(options.toolChoice);
  }
  return body;
}
