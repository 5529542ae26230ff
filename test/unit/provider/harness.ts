/** Shared set-up for the provider tests: a provider on a fake xAI server, consent given, instant retries. */
import { type FakeXai, startFakeXai, TEST_API_KEY, type FakeXaiOptions } from '../../fake-xai';
import { GrokCodeFast1Provider, type ProviderDependencies } from '../../../src/provider/grokCodeFast1';
import { type ProviderConfigInput } from '../../../src/provider/config';
import { createLogger } from '../../../src/provider/logger';
import { type StreamEvent } from '../../../src/provider/types';

export interface Harness {
  fake: FakeXai;
  provider: GrokCodeFast1Provider;
  /** Delays the retry logic asked to sleep for, in order. */
  sleeps: number[];
  logLines: string[];
  close(): Promise<void>;
}

export async function grantConsent(provider: GrokCodeFast1Provider, userId = 'default'): Promise<void> {
  await provider.consentManager.recordConsent({ userId, modelId: provider.model, endpoint: provider.origin, consentGiven: true, dataUsageAcknowledged: true });
}

export async function startHarness(
  config: Partial<ProviderConfigInput> = {},
  options: { fake?: FakeXaiOptions; deps?: ProviderDependencies; consent?: boolean } = {},
): Promise<Harness> {
  const fake = await startFakeXai(options.fake);
  const sleeps: number[] = [];
  const logLines: string[] = [];
  const logger = createLogger({ level: 'debug', sink: (_level, line) => logLines.push(line) });
  const provider = new GrokCodeFast1Provider(
    logger,
    { endpoint: fake.url, apiKey: TEST_API_KEY, ...config },
    {
      ...options.deps,
      retry: {
        random: () => 0.5,
        sleep: async (ms) => {
          sleeps.push(ms);
        },
        ...options.deps?.retry,
      },
    },
  );
  if (options.consent !== false) await grantConsent(provider);
  return {
    fake,
    provider,
    sleeps,
    logLines,
    close: async () => {
      await provider.dispose();
      await fake.close();
    },
  };
}

/** Everything an iterable yields, and the error it ended with (if any). */
export async function drain<T>(iterable: AsyncIterable<T>): Promise<{ items: T[]; error?: unknown }> {
  const items: T[] = [];
  try {
    for await (const item of iterable) items.push(item);
    return { items };
  } catch (error) {
    return { items, error };
  }
}

/** The text of the content events, joined. */
export function contentOf(events: readonly StreamEvent[]): string {
  return events.map((event) => (event.type === 'content' ? event.text : '')).join('');
}

export async function waitUntil(condition: () => boolean, timeoutMs = 2000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('Condition not met in time.');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
