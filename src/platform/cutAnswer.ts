/**
 * Answers the server ended before the model finished: `finish_reason` `length` (the output-token
 * limit was reached) or `content_filter` (the provider's filter stopped it). Such an answer is never
 * a proposal, and the chat marks it. Source: the OpenAI-compatible `finish_reason` values xAI sends
 * (/work/shared/xai-api.md). No `vscode` import.
 */
import * as l10n from '@vscode/l10n';
import { MAX_OUTPUT_TOKENS } from '../provider/models';
import { type FinishReason } from '../provider/types';

export type CutReason = 'length' | 'content_filter';

export function cutReason(finishReason: FinishReason): CutReason | undefined {
  return finishReason === 'length' || finishReason === 'content_filter' ? finishReason : undefined;
}

/** Why the answer stopped, as a clause: "it reached the output limit of 4,000 tokens". */
export function describeCut(reason: CutReason, maxTokens: number): string {
  return reason === 'length'
    ? l10n.t('it reached the output limit of {0} tokens (grokCodeFast.maxTokens)', maxTokens.toLocaleString())
    : l10n.t("the provider's content filter stopped it");
}

/** The limit a retry may ask for: double, up to the model's maximum; undefined when already there. */
export function higherLimit(maxTokens: number): number | undefined {
  return maxTokens >= MAX_OUTPUT_TOKENS ? undefined : Math.min(MAX_OUTPUT_TOKENS, maxTokens * 2);
}
