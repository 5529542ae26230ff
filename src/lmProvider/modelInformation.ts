/**
 * What VS Code's model picker shows for a model of the registry. VS Code trims the prompt to
 * `maxInputTokens`, so input and output share the context window: input gets what the output cap
 * leaves.
 */
import * as l10n from '@vscode/l10n';
import type * as vscode from 'vscode';
import { type ModelFacts } from '../provider/models';

/** The fields of ModelFacts the picker needs (the catalogue adds more; none of them matter here). */
export type PickerFacts = Pick<ModelFacts, 'id' | 'displayName' | 'contextWindow' | 'maxOutputTokens' | 'inputModalities'>;

/**
 * Tokens assumed when neither the endpoint nor xAI's docs give a model's window (VS Code needs a
 * number): 128K, a common window of OpenAI-compatible servers' models and below every current xAI
 * model's (xai-api.md: 256K to 1M), so VS Code trims rather than the server refusing.
 */
export const UNKNOWN_CONTEXT_WINDOW = 128_000;

/**
 * The picker's second line for every Grok model. Not "xAI": VS Code's own xAI key provider (Copilot's
 * bring-your-own-key) lists models with that label, so ours name the extension they go through.
 */
export const PICKER_DETAIL = 'Grok Code Fast'; // not UI text: the product's name, the same in every language

export function modelInformation(facts: PickerFacts): vscode.LanguageModelChatInformation {
  return {
    id: facts.id,
    name: facts.displayName,
    // The id is the family and the version: xAI names each model by one id (aliases resolve to it).
    family: facts.id,
    version: facts.id,
    detail: PICKER_DETAIL,
    tooltip: l10n.t('{0} through Grok Code Fast: consent, local limits, prompt-cache affinity and analytics.', facts.displayName),
    maxInputTokens: Math.max(1, (facts.contextWindow ?? UNKNOWN_CONTEXT_WINDOW) - facts.maxOutputTokens),
    maxOutputTokens: facts.maxOutputTokens,
    capabilities: {
      // Every model xAI's catalogue lists takes function tools (it has no capability flag for them).
      toolCalling: true,
      imageInput: facts.inputModalities.includes('image'),
    },
  };
}
