/**
 * Child-process entry: runs the project's fake xAI server on 127.0.0.1 for the benchmark, answering
 * every chat request with a long streamed answer, and reports its socket count on request. Exits
 * when the parent disconnects, so it never outlives the benchmark.
 *
 * The answer's bytes are rendered once, up front, with the fake server's own renderer and written
 * with its own writer: rendering 10,000 chunks per request would otherwise add ~10 ms of server
 * work (and its noise) to every time-to-first-token sample.
 */
import { type AnswerScenario, type HandlerScenario, startFakeXai, TEST_API_KEY } from '../test/fake-xai';
import { streamPayloads } from '../test/fake-xai/answer';
import { encodeEvents, writeEventStream } from '../test/fake-xai/sseWriter';
import { type FromServer, ToServerSchema } from './fakeServerProtocol';

/** Word-sized deltas, like the model's. */
export function longAnswer(chunks: number): string[] {
  return Array.from({ length: chunks }, (_, i) => (i % 12 === 11 ? '\n' : ` word${i % 100}`));
}

const MODEL = 'grok-code-fast-1';

function prerenderedAnswer(chunks: number): HandlerScenario {
  const scenario: AnswerScenario = { kind: 'answer', content: longAnswer(chunks) };
  const events = encodeEvents(streamPayloads(scenario, MODEL, 'prompt'), scenario);
  return { kind: 'handler', handle: (_request, res) => writeEventStream(res, events, scenario) };
}

function send(message: FromServer): void {
  process.send?.(message);
}

function main(): void {
  const started = startFakeXai({ host: '127.0.0.1', apiKeys: [TEST_API_KEY] });
  const stop = () => void started.then((fake) => fake.close()).finally(() => process.exit(0));
  process.once('disconnect', stop);
  process.once('SIGTERM', stop);
  process.on('message', async (raw: unknown) => {
    const message = ToServerSchema.parse(raw);
    const fake = await started;
    if (message.type === 'start') {
      fake.setDefault(prerenderedAnswer(message.contentChunks));
      send({ type: 'ready', url: fake.url, apiKey: TEST_API_KEY });
    } else {
      send({ type: 'connections', count: fake.connections });
    }
  });
}

if (require.main === module) {
  main();
}
