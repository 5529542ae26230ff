/**
 * Child-process entry: runs the project's fake xAI server on 127.0.0.1 for the benchmark, answering
 * every chat or Responses request with a long streamed answer, and reports its socket count on request. Exits
 * when the parent disconnects, so it never outlives the benchmark.
 *
 * The answer's bytes are rendered once, up front, with the fake server's own renderer: rendering
 * 10,000 chunks per request would add ~10 ms of server work (and its noise) to every
 * time-to-first-token sample. The events up to the first text go out alone, then the rest in one write, so the
 * client reads the same way every time (full socket buffers, not a number of reads that depends on
 * how far the two processes drift apart under load): CPU per chunk then measures the per-event
 * work of each client, the part this benchmark compares.
 */
import type * as http from 'node:http';
import { type AnswerScenario, type HandlerScenario, TEST_API_KEY } from '../test/fake-xai';
import { streamPayloads } from '../test/fake-xai/answer';
import { responsesStreamPayloads } from '../test/fake-xai/responsesAnswer';
import { encodeEvents } from '../test/fake-xai/sseWriter';
import { runFakeServerChild } from './fakeServerChild';
import { type FromServer, ToServerSchema } from './fakeServerProtocol';

/** Word-sized deltas, like the model's. */
export function longAnswer(chunks: number): string[] {
  return Array.from({ length: chunks }, (_, i) => (i % 12 === 11 ? '\n' : ` word${i % 100}`));
}

const MODEL = 'grok-code-fast-1';

/** The stream's bytes as [everything up to and including the first text delta, the rest]. */
function split(events: Buffer[], firstTextAt: number): [Buffer, Buffer] {
  return [Buffer.concat(events.slice(0, firstTextAt + 1)), Buffer.concat(events.slice(firstTextAt + 1))];
}

/** Both wire formats' answers, chosen by the request's route. */
function prerenderedAnswer(chunks: number): HandlerScenario {
  const scenario: AnswerScenario = { kind: 'answer', content: longAnswer(chunks) };
  const chat = split(encodeEvents(streamPayloads(scenario, MODEL, 'prompt'), scenario), 0);
  const payloads = responsesStreamPayloads(scenario, { model: MODEL, prompt: 'prompt', cachedTokens: 0, encrypted: false, store: false });
  const firstText = payloads.findIndex((payload) => typeof payload === 'object' && (payload as { type?: string }).type === 'response.output_text.delta');
  const responses = split(encodeEvents(payloads, scenario, true), firstText);
  return {
    kind: 'handler',
    async handle(request, res: http.ServerResponse) {
      const [first, remainder] = request.path.endsWith('/responses') ? responses : chat;
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
      res.write(first);
      // A turn of the event loop, so the first text leaves in its own packet.
      await new Promise<void>((resolve) => setImmediate(resolve));
      res.end(remainder);
    },
  };
}

function send(message: FromServer): void {
  process.send?.(message);
}

function main(): void {
  runFakeServerChild(
    (raw) => ToServerSchema.parse(raw),
    (fake, message) => {
      if (message.type === 'start') {
        fake.setDefault(prerenderedAnswer(message.contentChunks));
        send({ type: 'ready', url: fake.url, apiKey: TEST_API_KEY });
      } else {
        send({ type: 'connections', count: fake.connections });
      }
    },
  );
}

if (require.main === module) {
  main();
}
