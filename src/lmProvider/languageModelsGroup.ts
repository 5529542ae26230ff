/**
 * The groups VS Code's Language Models editor makes for the vendor `grok` (Add Models → Grok Code
 * Fast (xAI)). What VS Code 1.139.1 does, read in code-server 4.139.1's bundles
 * `lib/vscode/out/vs/code/browser/workbench/workbench.js` (LanguageModelsService, the
 * `languageModelChatProviders` extension point) and `lib/vscode/out/vs/workbench/api/node/extensionHostProcess.js`
 * (ExtHostLanguageModels):
 * - `managementCommand` is deprecated ("Use the new configuration property instead"). Its
 *   replacement, `configuration`, is a JSON schema; VS Code asks for each property when the user adds
 *   a group (a password box for `secret: true`), keeps secret values in its own secret storage
 *   (`chat.lm.secret.*`) and writes only a `${input:…}` reference to chatLanguageModels.json.
 * - Each time it resolves the vendor's models VS Code calls provideLanguageModelChatInformation once
 *   with `{ silent }`, then once per group with `{ silent, configuration }` (the extension host drops
 *   the group's name). A group's models get the identifiers `grok/<group>/<id>`, the others
 *   `grok/<id>`: a provider that answers both calls lists every model twice.
 * - The resolution after Add Models is silent.
 * So the models are listed by the group-less call only (from the key in this extension's
 * SecretStorage, as before), and a group call lists nothing: it hands a new key over (checked and
 * stored as Set API Key does), asks for consent, or says the key is already set. Add Models is the
 * user's own action just taken, so a new group is answered even though the call is silent; each
 * group's key is answered once (a digest of it is kept), so later silent resolutions ask nothing.
 */
import { createHash } from 'node:crypto';
import * as l10n from '@vscode/l10n';
import type * as vscode from 'vscode';
import { z } from 'zod';

/** What package.json declares under `languageModelChatProviders[].configuration`, as it reaches the provider. */
export const GroupConfigurationSchema = z.object({ apiKey: z.string().optional() });

export type KeyVerdictKind = 'valid' | 'rejected' | 'unreachable';

export interface LanguageModelsGroupDeps {
  /** The key in this extension's SecretStorage. */
  apiKey(): Promise<string | undefined>;
  /** Stores and checks `key` and tells the user, as Set API Key does after its input box. */
  useApiKey(key: string): Promise<KeyVerdictKind | undefined>;
  /** Set API Key with its input box. */
  askForApiKey(): Promise<void>;
  ensureConsent(): Promise<boolean>;
  /** Says the key is already set, with Replace API Key and Select Model. */
  sayKeyAlreadySet(): void;
  memento: vscode.Memento;
  /** A line for the log (never the key). */
  log(line: string): void;
}

/** Digests of the group keys already answered (never the keys). */
export const HANDED_OVER_KEY = 'grokCodeFast.languageModelsGroupsHandedOver';
const REMEMBERED = 20;

function digest(key: string): string {
  return createHash('sha256').update(`grok-group:${key}`).digest('hex').slice(0, 32);
}

/**
 * Answers one group call. Throws, with a message VS Code shows as the group's status, when the
 * configuration is not one this extension declared or the endpoint rejected the key.
 */
export async function acceptLanguageModelsGroup(configuration: unknown, deps: LanguageModelsGroupDeps): Promise<void> {
  const parsed = GroupConfigurationSchema.safeParse(configuration);
  if (!parsed.success) throw new Error(l10n.t('Grok Code Fast could not read this group: {0}', z.prettifyError(parsed.error)));
  const key = parsed.data.apiKey?.trim() || undefined;
  const seen = deps.memento.get<string[]>(HANDED_OVER_KEY, []);
  const mark = digest(key ?? '');
  if (seen.includes(mark)) {
    deps.log('Language Models group: its key was answered before; nothing to do.'); // not UI text: output-channel log line
    return;
  }
  await deps.memento.update(HANDED_OVER_KEY, [...seen.filter((d) => d !== mark), mark].slice(-REMEMBERED));
  const stored = await deps.apiKey();
  if (key !== undefined && key !== stored) {
    deps.log('Language Models group: a new API key; checking and storing it.'); // not UI text: output-channel log line
    if ((await deps.useApiKey(key)) === 'rejected') throw new Error(l10n.t('The endpoint rejected the API key.'));
  } else if (stored === undefined) {
    deps.log('Language Models group: no API key anywhere; asking for one.'); // not UI text: output-channel log line
    await deps.askForApiKey();
  } else {
    deps.log('Language Models group: the API key is already set.'); // not UI text: output-channel log line
    deps.sayKeyAlreadySet();
  }
  if ((await deps.apiKey()) !== undefined) await deps.ensureConsent();
}
