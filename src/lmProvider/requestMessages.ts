/**
 * VS Code's request messages in the core's terms. A user message's tool results become `tool`
 * messages (the wire's tool results, in the order given, before any text of that message); an
 * assistant's tool-call parts become its `toolCalls`; images become image inputs for models that
 * read images, and a clear error for models that do not (never dropped without a word).
 */
import * as l10n from '@vscode/l10n';
import { type ChatMessage, type ImageInput, type ToolCall } from '../provider/types';
import { classifyPart, isTextData } from './requestParts';

/** The fields of `vscode.LanguageModelChatRequestMessage` read here. */
export interface RequestMessage {
  readonly role: number;
  readonly content: readonly unknown[];
}

/** `vscode.LanguageModelChatMessageRole` values. VS Code's own chat also sends its instructions as 3 (System). */
const ROLE = { user: 1, assistant: 2, system: 3 } as const;

export class UnsupportedInputError extends Error {}

export interface ConvertOptions {
  model: string;
  /** True when the model's input modalities include `image`. */
  imageInput: boolean;
}

const decoder = new TextDecoder();

/** A tool result's content as the text the wire's `tool` message carries. */
function toolResultText(content: readonly unknown[]): string {
  return content
    .map((raw) => {
      const part = classifyPart(raw);
      if (part.kind === 'text') return part.text;
      // not UI text: what the model reads for a binary part
      if (part.kind === 'data') return isTextData(part.mimeType) ? decoder.decode(part.data) : `[${part.mimeType}, ${part.data.byteLength} bytes]`;
      // A prompt-tsx tree or a part this version does not know: its JSON, so nothing is lost.
      return JSON.stringify(raw);
    })
    .join('');
}

function imageInput(mimeType: string, data: Uint8Array, options: ConvertOptions): ImageInput {
  if (!options.imageInput) {
    throw new UnsupportedInputError(l10n.t('{0} reads text only: remove the image or pick a model that takes images.', options.model));
  }
  return { url: `data:${mimeType};base64,${Buffer.from(data).toString('base64')}` };
}

function convertUser(content: readonly unknown[], options: ConvertOptions): ChatMessage[] {
  const messages: ChatMessage[] = [];
  const text: string[] = [];
  const images: ImageInput[] = [];
  for (const raw of content) {
    const part = classifyPart(raw);
    if (part.kind === 'toolResult') messages.push({ role: 'tool', toolCallId: part.callId, content: toolResultText(part.content) });
    else if (part.kind === 'text') text.push(part.text);
    else if (part.kind === 'data' && part.mimeType.startsWith('image/')) images.push(imageInput(part.mimeType, part.data, options));
    else if (part.kind === 'data' && isTextData(part.mimeType)) text.push(decoder.decode(part.data));
    // Other data parts are VS Code's own markers (e.g. cache_control): not for the model.
  }
  if (text.length > 0 || images.length > 0) {
    messages.push({ role: 'user', content: text.join(''), ...(images.length > 0 && { images }) });
  }
  return messages;
}

function convertAssistant(content: readonly unknown[]): ChatMessage {
  const text: string[] = [];
  const toolCalls: ToolCall[] = [];
  for (const raw of content) {
    const part = classifyPart(raw);
    if (part.kind === 'text') text.push(part.text);
    else if (part.kind === 'toolCall') toolCalls.push({ id: part.callId, name: part.name, arguments: JSON.stringify(part.input) });
  }
  return { role: 'assistant', content: text.join(''), ...(toolCalls.length > 0 && { toolCalls }) };
}

function convertSystem(content: readonly unknown[]): ChatMessage {
  const text = content.map(classifyPart).flatMap((part) => (part.kind === 'text' ? [part.text] : []));
  return { role: 'system', content: text.join('') };
}

/** Throws UnsupportedInputError for an image sent to a text-only model or a role VS Code does not define. */
export function toChatMessages(messages: readonly RequestMessage[], options: ConvertOptions): ChatMessage[] {
  return messages.flatMap((message): ChatMessage[] => {
    switch (message.role) {
      case ROLE.user:
        return convertUser(message.content, options);
      case ROLE.assistant:
        return [convertAssistant(message.content)];
      case ROLE.system:
        return [convertSystem(message.content)];
      default:
        throw new UnsupportedInputError(l10n.t('A chat message has role {0}, which this extension does not know.', String(message.role)));
    }
  });
}
