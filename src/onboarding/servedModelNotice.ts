/**
 * Tells the user, never silently, when the endpoint answered with another model than the one
 * configured (a retirement or redirect; billing follows the model that answered) or does not serve
 * the configured model at all (HTTP 404). A redirect is told once per (requested, served) pair, kept
 * in globalState; a 404 once per model and session. The buttons switch the setting to the serving
 * model or open Select Model; nothing changes without a click.
 */
import * as vscode from 'vscode';
import * as z from 'zod';
import { ModelNotServedError } from '../provider/errors';
import { type RequestFinished } from '../provider/requestOutcomes';
import { type Logger } from '../provider/types';
import { type NoticePrompt } from '../platform/noticePrompt';
import { MODEL_SETTINGS } from './selectModel';
import { featuresUsing, isRedirect, MODEL_FEATURES, notServedMessage, redirectMessage, type ModelFeature, type ModelNames } from './servedModelWords';

const TOLD_KEY = 'grokCodeFast.servedModelNotices';
/** The (requested, served) pairs already told; a stored value that does not parse counts as none. */
const ToldPairsSchema = z.array(z.string()).catch([]);
export const PICK_ANOTHER = vscode.l10n.t('Pick Another Model');

export interface ServedModelNoticeDeps {
  models: ModelNames;
  /** The model each feature uses now (inline `auto` resolved). */
  modelsInUse(): Record<ModelFeature, string>;
  memento: vscode.Memento;
  /** The model the status bar names answered its last chat request with this model (undefined: itself). */
  setServedModel(model: string | undefined): void;
  logger: Logger;
  /** Shows a notice and resolves with the button clicked. */
  prompt: NoticePrompt;
}

export class ServedModelNotice {
  /** Models whose 404 was told this session (inline completions would otherwise repeat it per pause). */
  private readonly notServedTold = new Set<string>();

  constructor(private readonly deps: ServedModelNoticeDeps) {}

  /** A finished request of any feature; returns when the user's choice (if any) was applied. */
  async onRequestFinished(event: RequestFinished): Promise<void> {
    const features = featuresUsing(this.deps.models, this.deps.modelsInUse(), event.requestedModel);
    if (event.failure instanceof ModelNotServedError) return this.notServed(event.requestedModel, features);
    if (event.servedModel === undefined) return;
    const redirected = isRedirect(this.deps.models, event.requestedModel, event.servedModel);
    if (features.includes('chat')) this.deps.setServedModel(redirected ? event.servedModel : undefined);
    if (redirected) await this.redirected(event.requestedModel, event.servedModel, features);
  }

  private async redirected(requested: string, served: string, features: ModelFeature[]): Promise<void> {
    const pair = `${requested}\u0000${served}`;
    const toldPairs = ToldPairsSchema.parse(this.deps.memento.get(TOLD_KEY));
    if (toldPairs.includes(pair)) return;
    await this.deps.memento.update(TOLD_KEY, [...toldPairs, pair]);
    const message = redirectMessage(this.deps.models, requested, served);
    this.deps.logger.warn(`The endpoint answered requests for ${requested} with ${served}.`);
    const use = vscode.l10n.t('Use {0}', served);
    const choice = await this.deps.prompt('info', message, [use, PICK_ANOTHER]);
    if (choice === use) await this.useModel(served, features.length > 0 ? features : [...MODEL_FEATURES]);
    if (choice === PICK_ANOTHER) await this.pick(features);
  }

  private async notServed(requested: string, features: ModelFeature[]): Promise<void> {
    if (this.notServedTold.has(requested)) return;
    this.notServedTold.add(requested);
    const message = notServedMessage(requested);
    const choice = await this.deps.prompt('warning', message, [PICK_ANOTHER]);
    if (choice !== PICK_ANOTHER) return;
    // Told again should the user come back to this model.
    this.notServedTold.delete(requested);
    await this.pick(features);
  }

  private async useModel(model: string, features: ModelFeature[]): Promise<void> {
    const config = vscode.workspace.getConfiguration('grokCodeFast');
    for (const feature of features) await config.update(MODEL_SETTINGS[feature], model, vscode.ConfigurationTarget.Global);
    this.deps.logger.info(`Model ${model} selected for ${features.join(', ')} from the redirect notice.`);
  }

  private async pick(features: ModelFeature[]): Promise<void> {
    const args = features.length > 0 ? { features } : { feature: 'all' };
    await vscode.commands.executeCommand('grokCodeFast.selectModel', args);
  }
}
