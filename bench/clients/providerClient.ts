/** (a) This project's provider: consent gate, limiter, retry, zod-validated chunks, analytics hooks. */
import { GrokCodeFast1Provider, type Logger } from '../../src/provider';
import { BENCH_MODEL, type BenchWire, type ServerAddress, type StreamingClient } from './streamingClient';

const SILENT: Logger = { debug() {}, info() {}, warn() {}, error() {} };
const USER_ID = 'bench';
/** Large enough that the limiter is exercised on every request but never makes one wait. */
const GENEROUS_LIMITS = {
  requestsPerMinute: 1_000_000,
  requestsPerHour: 1_000_000,
  requestsPerDay: 1_000_000,
  tokensPerMinute: 1_000_000_000,
  tokensPerDay: 1_000_000_000,
  concurrentRequests: 4,
};

export async function createProviderClient(server: ServerAddress, wire: BenchWire = 'chat-completions'): Promise<StreamingClient> {
  const provider = new GrokCodeFast1Provider(SILENT, {
    endpoint: server.url,
    apiKey: server.apiKey,
    model: BENCH_MODEL,
    rateLimits: GENEROUS_LIMITS,
    wireApi: wire,
  });
  await provider.consentManager.recordConsent({ userId: USER_ID, modelId: BENCH_MODEL, endpoint: provider.origin, consentGiven: true, dataUsageAcknowledged: true });
  return {
    name: wire === 'responses' ? 'provider (responses)' : 'provider',
    stream: (prompt) => provider.streamResponse({ prompt, metadata: { userId: USER_ID, feature: 'chat' } }),
    close: () => provider.dispose(),
  };
}
