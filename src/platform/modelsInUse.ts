/**
 * The model each feature uses now: the settings' ids, with the inline setting's `auto` resolved
 * against the endpoint's catalogue (chooseAutoInlineModel); the default model while no catalogue
 * has been read. Consent, requests, analytics and the served-model notice all name this model.
 */
import { AUTO_MODEL, chooseAutoInlineModel } from '../provider/inlineModelChoice';
import { type ModelFacts } from '../provider/models';
import { DEFAULT_MODEL } from './settingsSchema';

export function modelsInUse<T extends { inline: string }>(configured: T, catalogue: readonly ModelFacts[]): T {
  if (configured.inline !== AUTO_MODEL) return configured;
  return { ...configured, inline: chooseAutoInlineModel(catalogue)?.model ?? DEFAULT_MODEL };
}
