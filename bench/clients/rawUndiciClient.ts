/** (b) The baseline: undici.request on a keep-alive Agent and the minimal event-stream reader, for either wire format. */
import { Agent, request } from 'undici';
import { chatContent, MinimalSseReader, responsesContent } from './minimalSse';
import { BENCH_MODEL, type BenchWire, type ServerAddress, type StreamingClient } from './streamingClient';

export function createRawUndiciClient(server: ServerAddress, wire: BenchWire = 'chat-completions'): StreamingClient {
  const agent = new Agent({ keepAliveTimeout: 60_000 });
  const responses = wire === 'responses';
  const url = `${server.url}/${responses ? 'responses' : 'chat/completions'}`;
  const headers = { authorization: `Bearer ${server.apiKey}`, 'content-type': 'application/json' };
  const pick = responses ? responsesContent : chatContent;
  return {
    name: responses ? 'raw undici (responses)' : 'raw undici',
    async *stream(prompt) {
      const input = [{ role: 'user', content: prompt }];
      const body = JSON.stringify(responses ? { model: BENCH_MODEL, stream: true, store: false, input } : { model: BENCH_MODEL, stream: true, messages: input });
      const response = await request(url, { method: 'POST', headers, body, dispatcher: agent });
      if (response.statusCode !== 200) throw new Error(`HTTP ${response.statusCode}: ${await response.body.text()}`);
      const reader = new MinimalSseReader(pick);
      for await (const bytes of response.body as AsyncIterable<Uint8Array>) {
        const { contents } = reader.push(bytes);
        yield* contents;
      }
    },
    close: () => agent.close(),
  };
}
