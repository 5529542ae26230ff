/**
 * The parts of a message VS Code hands a language-model provider, recognised by shape with zod (the
 * API types them `LanguageModelInputPart | unknown`, and a part crossing from another extension is a
 * plain object, so `instanceof` cannot be trusted). Data parts are the stable runtime shape of
 * `LanguageModelDataPart` (`mimeType`, `data`): images arrive that way.
 */
import * as z from 'zod';

export const TextPartSchema = z.object({ value: z.string() });
export const ToolCallPartSchema = z.object({ callId: z.string(), name: z.string(), input: z.record(z.string(), z.unknown()) });
export const ToolResultPartSchema = z.object({ callId: z.string(), content: z.array(z.unknown()) });
export const DataPartSchema = z.object({ mimeType: z.string(), data: z.instanceof(Uint8Array) });

export type RequestPart =
  | { kind: 'text'; text: string }
  | { kind: 'toolCall'; callId: string; name: string; input: Record<string, unknown> }
  | { kind: 'toolResult'; callId: string; content: unknown[] }
  | { kind: 'data'; mimeType: string; data: Uint8Array }
  | { kind: 'other' };

/** One part by its shape; what matches none (a prompt-tsx tree, a future part) is `other`. */
export function classifyPart(part: unknown): RequestPart {
  const toolCall = ToolCallPartSchema.safeParse(part);
  if (toolCall.success) return { kind: 'toolCall', ...toolCall.data };
  const toolResult = ToolResultPartSchema.safeParse(part);
  if (toolResult.success) return { kind: 'toolResult', ...toolResult.data };
  const text = TextPartSchema.safeParse(part);
  if (text.success) return { kind: 'text', text: text.data.value };
  const data = DataPartSchema.safeParse(part);
  if (data.success) return { kind: 'data', ...data.data };
  return { kind: 'other' };
}

/** Data parts the model may read as text (a tool's JSON or plain-text result). */
export function isTextData(mimeType: string): boolean {
  return mimeType.startsWith('text/') || mimeType === 'application/json';
}
