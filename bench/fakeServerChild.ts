/**
 * The child-process side every benchmark fake server shares: starts the project's fake xAI server
 * on 127.0.0.1, hands each parent message (parsed) to `onMessage`, and exits when the parent
 * disconnects or sends SIGTERM, so it never outlives the benchmark.
 */
import { type FakeXai, startFakeXai, TEST_API_KEY } from '../test/fake-xai';

export function runFakeServerChild<T>(parse: (raw: unknown) => T, onMessage: (fake: FakeXai, message: T) => void): void {
  const started = startFakeXai({ host: '127.0.0.1', apiKeys: [TEST_API_KEY] });
  const stop = () => void started.then((fake) => fake.close()).finally(() => process.exit(0));
  process.once('disconnect', stop);
  process.once('SIGTERM', stop);
  process.on('message', async (raw: unknown) => onMessage(await started, parse(raw)));
}
