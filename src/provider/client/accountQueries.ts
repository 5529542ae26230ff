/**
 * The small GET calls around the chat: the live model list, the API key check (xAI's `/api-key`,
 * or `/models` on OpenAI-compatible servers that have no such route) and a health probe.
 */
import * as l10n from '@vscode/l10n';
import { ApiError, AuthenticationError } from '../errors';
import { type ModelInfo } from '../types';
import { NO_API_KEY_MESSAGE, type XaiClient } from './xaiClient';
import { apiKeyInfoSchema, modelListSchema } from './wire';

/**
 * The verdict on a key from the endpoint's `GET /api-key` (xAI) or `GET /models` (others): valid or not, a message for the
 * user, and the server's redacted form of the key.
 */
export interface ApiKeyCheck {
  valid: boolean;
  message: string;
  /** The server's redacted form of the key, e.g. `xai-...b14o`. */
  redactedKey?: string;
}

export async function fetchModels(client: XaiClient, signal?: AbortSignal): Promise<ModelInfo[]> {
  const list = await client.getJson('/models', modelListSchema, signal);
  return list.data.map((model) => ({
    id: model.id,
    ...(model.owned_by != null && { ownedBy: model.owned_by }),
    ...(model.created != null && { created: model.created }),
  }));
}

/**
 * Whether the key is accepted. A refused key is an answer (`valid: false`); a server that cannot be
 * reached is not, so network and server failures are thrown.
 */
export async function checkApiKey(client: XaiClient, signal?: AbortSignal): Promise<ApiKeyCheck> {
  if (!client.hasApiKey) return { valid: false, message: NO_API_KEY_MESSAGE };
  try {
    const info = await client.getJson('/api-key', apiKeyInfoSchema, signal);
    const redactedKey = info.redacted_api_key ?? undefined;
    const problems = [
      info.api_key_blocked && l10n.t('the key is blocked'),
      info.api_key_disabled && l10n.t('the key is disabled'),
      info.team_blocked && l10n.t('the team is blocked'),
    ].filter((problem): problem is string => typeof problem === 'string');
    if (problems.length > 0) return { valid: false, message: l10n.t('The API key cannot be used: {0}.', problems.join(', ')), redactedKey };
    return { valid: true, message: info.name ? l10n.t('The API key "{0}" is valid.', info.name) : l10n.t('The API key is valid.'), redactedKey };
  } catch (error) {
    if (error instanceof AuthenticationError) return { valid: false, message: error.message };
    if (!(error instanceof ApiError && error.status === 404)) throw error;
  }
  try {
    await fetchModels(client, signal);
    return { valid: true, message: l10n.t('The API key is valid (the server listed its models).') };
  } catch (error) {
    if (error instanceof AuthenticationError) return { valid: false, message: error.message };
    throw error;
  }
}

export interface ServiceProbe {
  ok: boolean;
  responseTimeMs: number;
  message: string;
}

/** A timed `GET /models`: the cheapest real call that proves the service and the key work. */
export async function probeService(client: XaiClient, now: () => number, signal?: AbortSignal): Promise<ServiceProbe> {
  const started = now();
  try {
    const models = await fetchModels(client, signal);
    return { ok: true, responseTimeMs: now() - started, message: l10n.t('Operational: {0} models available.', models.length) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, responseTimeMs: now() - started, message };
  }
}
