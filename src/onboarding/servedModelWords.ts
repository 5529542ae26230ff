/**
 * What the served-model notice decides and says, without VS Code (unit-tested): whether an answer
 * came from another model than the one asked for, which features use a model, and the wording.
 */
import * as l10n from '@vscode/l10n';
import { type ModelFacts } from '../provider/models';
import { describePrices } from './modelDescription';

export const MODEL_FEATURES = ['chat', 'inline', 'action'] as const;
export type ModelFeature = (typeof MODEL_FEATURES)[number];

/** Names model ids and aliases: the registry's catalogue. */
export interface ModelNames {
  factsFor(name: string): ModelFacts;
  canonicalId(name: string): string;
}

/** True when `served` is another model than `requested`; an alias of the same model is not. */
export function isRedirect(models: ModelNames, requested: string, served: string): boolean {
  return models.canonicalId(requested) !== models.canonicalId(served);
}

/** The features whose configured model is `model` (an alias counts as the same model). */
export function featuresUsing(models: ModelNames, configured: Record<ModelFeature, string>, model: string): ModelFeature[] {
  const canonical = models.canonicalId(model);
  return MODEL_FEATURES.filter((feature) => models.canonicalId(configured[feature]) === canonical);
}

export function redirectMessage(models: ModelNames, requested: string, served: string): string {
  const prices = describePrices(models.factsFor(served));
  return prices
    ? l10n.t('Grok Code Fast: you chose {0}, but {1} answered (xAI retired or redirected the name). You are billed for {1}: {2}.', requested, served, prices)
    : l10n.t('Grok Code Fast: you chose {0}, but {1} answered (xAI retired or redirected the name). You are billed for {1}.', requested, served);
}

export function notServedMessage(requested: string): string {
  return l10n.t('Grok Code Fast: model "{0}" is not served by this endpoint (retired or never listed). Pick another model.', requested);
}
