/**
 * Reads the endpoint's catalogue: `GET /language-models` (xAI), falling back to `GET /models` when
 * the route is missing (404, as on other OpenAI-compatible servers). Other failures are thrown.
 */
import * as z from 'zod';
import { fetchModels } from './client/accountQueries';
import { type XaiClient } from './client/xaiClient';
import { type CatalogueSnapshot } from './catalogue';
import { ApiError } from './errors';

/** The list's outer shape only; each entry is validated when the catalogue is built. */
const languageModelListSchema = z.object({ models: z.array(z.unknown()) });

export async function fetchCatalogue(client: XaiClient, endpoint: string, now: () => number, signal?: AbortSignal): Promise<CatalogueSnapshot> {
  try {
    const list = await client.getJson('/language-models', languageModelListSchema, signal);
    return { version: 1, endpoint, source: 'language-models', fetchedAt: now(), models: list.models };
  } catch (error) {
    if (!(error instanceof ApiError && error.status === 404)) throw error;
  }
  const models = await fetchModels(client, signal);
  return { version: 1, endpoint, source: 'models', fetchedAt: now(), models: models.map((model) => ({ id: model.id })) };
}
