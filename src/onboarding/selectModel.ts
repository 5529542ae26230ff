/**
 * Select Model: the endpoint's catalogue (refreshed on the way), each model with its prices, context
 * and accepted reasoning efforts, for chat, inline completions, actions or all three; the choice is
 * written to the matching `grokCodeFast.*.model` setting. For inline completions alone the list
 * starts with `auto`, which says the model it stands for now and why.
 */
import * as vscode from 'vscode';
import * as z from 'zod';
import { AUTO_MODEL, chooseAutoInlineModel } from '../provider/inlineModelChoice';
import { type ModelFacts } from '../provider/models';
import { DEFAULT_MODEL } from '../platform/settingsSchema';
import { type Logger } from '../provider/types';
import { withCancellableProgress } from '../platform/cancellableProgress';
import { afterWalkthroughFocus } from '../platform/walkthroughFocus';
import { describeAutoChoice } from './autoModelWords';
import { describeModel } from './modelDescription';
import { MODEL_FEATURES, type ModelFeature } from './servedModelWords';

export const MODEL_SETTINGS: Record<ModelFeature, string> = { chat: 'chat.model', inline: 'inlineCompletions.model', action: 'actions.model' };
const ALL_FEATURES = MODEL_FEATURES;
const featureSchema = z.enum(MODEL_FEATURES);

/** Arguments a caller may pass to skip the pickers (automation, notices and tests). */
const SelectModelArgsSchema = z.object({
  feature: z.union([featureSchema, z.literal('all')]).optional(),
  features: z.array(featureSchema).min(1).optional(),
  model: z.string().min(1).optional(),
  /** Shown above the list, e.g. why the picker opened. */
  reason: z.string().optional(),
});

export interface SelectModelDeps {
  /** The catalogue after a refresh; throws when the endpoint cannot be read. */
  listModels(signal: AbortSignal): Promise<ModelFacts[]>;
  logger: Logger;
}

export interface ModelSelection {
  features: ModelFeature[];
  model: string;
}

async function pickFeature(): Promise<ModelFeature[] | undefined> {
  const items: { label: string; features: ModelFeature[] }[] = [
    { label: vscode.l10n.t('All features'), features: [...ALL_FEATURES] },
    { label: vscode.l10n.t('Chat'), features: ['chat'] },
    { label: vscode.l10n.t('Inline completions'), features: ['inline'] },
    { label: vscode.l10n.t('Selection actions'), features: ['action'] },
  ];
  await afterWalkthroughFocus();
  return (await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Select Model: for which feature?') }))?.features;
}

async function fetchModels(deps: SelectModelDeps): Promise<ModelFacts[] | undefined> {
  return withCancellableProgress(vscode.l10n.t('Fetching the model list…'), async (signal) => {
    try {
      return await deps.listModels(signal);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      deps.logger.warn('Could not list models:', message);
      void vscode.window.showErrorMessage(vscode.l10n.t('Grok Code Fast: could not list the models: {0}', message));
      return undefined;
    }
  });
}

function featuresOf(args: z.infer<typeof SelectModelArgsSchema>): Promise<ModelFeature[] | undefined> | ModelFeature[] {
  if (args.features) return args.features;
  if (args.feature === 'all') return [...ALL_FEATURES];
  if (args.feature) return [args.feature];
  return pickFeature();
}

export async function selectModel(deps: SelectModelDeps, rawArgs?: unknown): Promise<ModelSelection | undefined> {
  const parsedArgs = SelectModelArgsSchema.safeParse(rawArgs ?? {});
  const args = parsedArgs.success ? parsedArgs.data : {};
  const features = await featuresOf(args);
  if (!features) return undefined;
  const models = await fetchModels(deps);
  if (!models) return undefined;
  const config = vscode.workspace.getConfiguration('grokCodeFast');
  // `auto` is an inline setting only: chat and actions name a model.
  const autoAllowed = features.every((feature) => feature === 'inline');
  let model = args.model;
  if (model === undefined) {
    const current = config.get<string>(MODEL_SETTINGS[features[0]]);
    const currentWord = (isCurrent: boolean) => (isCurrent ? vscode.l10n.t('current') : undefined);
    const auto = autoAllowed
      ? [{ label: AUTO_MODEL, description: currentWord(current === AUTO_MODEL) ?? '', detail: describeAutoChoice(chooseAutoInlineModel(models), DEFAULT_MODEL) }]
      : [];
    const items = [
      ...auto,
      ...models.map((m) => ({
        label: m.id,
        description: [currentWord(m.id === current || m.aliases.includes(current ?? '')), ...m.aliases].filter(Boolean).join(' · '),
        detail: describeModel(m),
      })),
    ];
    const placeHolder = args.reason ?? (items.length === 0 ? vscode.l10n.t('The endpoint lists no models') : vscode.l10n.t('Models the endpoint serves'));
    model = (await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Select Model'), placeHolder, matchOnDescription: true }))?.label;
    if (model === undefined) return undefined;
  } else if (!(autoAllowed && model === AUTO_MODEL) && !models.some((m) => m.id === model || m.aliases.includes(model as string))) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Grok Code Fast: the endpoint does not list the model "{0}"; nothing changed.', model));
    return undefined;
  }
  for (const feature of features) await config.update(MODEL_SETTINGS[feature], model, vscode.ConfigurationTarget.Global);
  deps.logger.info(`Model ${model} selected for ${features.join(', ')}.`);
  return { features: [...features], model };
}
