/** A tool call's arguments (the JSON text the model produced) as the object `LanguageModelToolCallPart` carries. */
import * as l10n from '@vscode/l10n';
import * as z from 'zod';
import { type ToolCall } from '../provider/types';

const ArgumentsSchema = z.record(z.string(), z.unknown());

/** An empty text means no arguments; anything else must be a JSON object, or a clear error names the tool. */
export function toolCallInput(call: ToolCall): Record<string, unknown> {
  if (call.arguments.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(call.arguments);
  } catch {
    parsed = undefined;
  }
  const input = ArgumentsSchema.safeParse(parsed);
  if (!input.success) {
    const shown = call.arguments.length > 200 ? `${call.arguments.slice(0, 200)}…` : call.arguments;
    throw new Error(l10n.t('The model called the tool "{0}" with arguments that are not a JSON object: {1}', call.name, shown));
  }
  return input.data;
}
