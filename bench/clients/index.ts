/** The three clients, in the order the sections interleave them; (b) is the baseline. */
import { createOpenAiSdkClient } from './openaiSdkClient';
import { createProviderClient } from './providerClient';
import { createRawUndiciClient } from './rawUndiciClient';
import { type ServerAddress, type StreamingClient } from './streamingClient';

export { type ServerAddress, type StreamingClient } from './streamingClient';

export async function createClients(server: ServerAddress): Promise<{ provider: StreamingClient; raw: StreamingClient; sdk: StreamingClient }> {
  return { provider: await createProviderClient(server), raw: createRawUndiciClient(server), sdk: createOpenAiSdkClient(server) };
}

/** The provider and its raw baseline on the Responses API (the `openai` SDK is measured on chat only). */
export async function createResponsesClients(server: ServerAddress): Promise<{ provider: StreamingClient; raw: StreamingClient }> {
  return { provider: await createProviderClient(server, 'responses'), raw: createRawUndiciClient(server, 'responses') };
}

export async function closeClients(clients: Record<string, StreamingClient>): Promise<void> {
  await Promise.all(Object.values(clients).map((client) => client.close()));
}
