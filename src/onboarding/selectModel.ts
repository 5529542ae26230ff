/**
 * Select Model: the live list from `GET /models`, for chat, inline completions, actions or all three;
 * the choice is written to the matching `grokCodeFast.*.model` setting.
 */
import * as vscode from 'vscode';
import * as z from 'zod';
import { type Logger, type ModelInfo } from '../provider/types';
import { withCancellableProgress } from '../platform/cancellableProgress';

const FEATURE_SETTINGS = { chat: 'chat.model', inline: 'inlineCompletions.model', action: 'actions.model' } as const;
type ModelFeature = keyof typeof FEATURE_SETTINGS;

/** Arguments a caller may pass to skip the pickers (automation and tests). */
const SelectModelArgsSchema = z.object({
  feature: z.enum(['chat', 'inline', 'action', 'all']).optional(),
  model: z.string().min(1).optional(),
});

export interface SelectModelDeps {
  listModels(signal: AbortSignal): Promise<ModelInfo[]>;
  logger: Logger;
}

export interface ModelSelection {
  features: ModelFeature[];
  model: string;
}

async function pickFeature(): Promise<ModelFeature[] | undefined> {
  const items: { label: string; features: ModelFeature[] }[] = [
    { label: 'All features', features: ['chat', 'inline', 'action'] },
    { label: 'Chat', features: ['chat'] },
    { label: 'Inline completions', features: ['inline'] },
    { label: 'Selection actions', features: ['action'] },
  ];
  return (await vscode.window.showQuickPick(items, { title: 'Select Model: for which feature?' }))?.features;
}

async function fetchModels(deps: SelectModelDeps): Promise<ModelInfo[] | undefined> {
  return withCancellableProgress('Fetching the model list…', async (signal) => {
    try {
      return await deps.listModels(signal);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      deps.logger.warn('Could not list models:', message);
      void vscode.window.showErrorMessage(`Grok Code Fast: could not list the models: ${message}`);
      return undefined;
    }
  });
}

export async function selectModel(deps: SelectModelDeps, rawArgs?: unknown): Promise<ModelSelection | undefined> {
  const parsedArgs = SelectModelArgsSchema.safeParse(rawArgs ?? {});
  const args = parsedArgs.success ? parsedArgs.data : {};
  const features = args.feature === undefined ? await pickFeature() : args.feature === 'all' ? (['chat', 'inline', 'action'] as const) : [args.feature];
  if (!features) return undefined;
  const models = await fetchModels(deps);
  if (!models) return undefined;
  const config = vscode.workspace.getConfiguration('grokCodeFast');
  let model = args.model;
  if (model === undefined) {
    const current = config.get<string>(FEATURE_SETTINGS[features[0]]);
    const items = models.map((m) => ({ label: m.id, description: m.id === current ? 'current' : m.ownedBy }));
    model = (await vscode.window.showQuickPick(items, { title: 'Select Model', placeHolder: 'Models the endpoint serves' }))?.label;
    if (model === undefined) return undefined;
  } else if (!models.some((m) => m.id === model)) {
    void vscode.window.showWarningMessage(`Grok Code Fast: the endpoint does not list the model "${model}"; nothing changed.`);
    return undefined;
  }
  for (const feature of features) await config.update(FEATURE_SETTINGS[feature], model, vscode.ConfigurationTarget.Global);
  deps.logger.info(`Model ${model} selected for ${features.join(', ')}.`);
  return { features: [...features], model };
}
