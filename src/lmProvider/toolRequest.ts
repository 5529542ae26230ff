/**
 * The tools VS Code offers the model and its tool mode, as the core's request options. Required mode
 * with one tool names that tool; with several it is the wire's `required` (the model picks one).
 */
import * as l10n from '@vscode/l10n';
import { type ToolChoice, type ToolDefinition } from '../provider/types';

/** The fields of `vscode.LanguageModelChatTool` read here. */
export interface OfferedTool {
  readonly name: string;
  readonly description: string;
  readonly inputSchema?: object;
}

/** `vscode.LanguageModelChatToolMode` values. */
export const TOOL_MODE = { auto: 1, required: 2 } as const;

/** A tool without a schema takes no arguments: the wire wants an object schema either way. */
const NO_ARGUMENTS = { type: 'object', properties: {} };

export function toolRequest(tools: readonly OfferedTool[] | undefined, toolMode: number): { tools?: ToolDefinition[]; toolChoice?: ToolChoice } {
  if (!tools?.length) {
    if (toolMode === TOOL_MODE.required) throw new Error(l10n.t('Tool mode "required" needs at least one tool.'));
    return {};
  }
  const definitions = tools.map((tool) => ({
    name: tool.name,
    description: tool.description,
    parameters: (tool.inputSchema ?? NO_ARGUMENTS) as Record<string, unknown>,
  }));
  if (toolMode !== TOOL_MODE.required) return { tools: definitions, toolChoice: 'auto' };
  return { tools: definitions, toolChoice: definitions.length === 1 ? { name: definitions[0].name } : 'required' };
}
