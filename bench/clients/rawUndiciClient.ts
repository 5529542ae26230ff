/** (b) The baseline: undici.request on a keep-alive Agent and the minimal event-stream reader. */
import { Agent, request } from 'undici';
import { MinimalSseReader } from './minimalSse';
import { BENCH_MODEL, type ServerAddress, type StreamingClient } from './streamingClient';

export function createRawUndiciClient(server: ServerAddress): StreamingClient {
  const agent = new Agent({ keepAliveTimeout: 60_000 });
  const url = `${server.url}/chat/completions`;
  const headers = { authorization: `Bearer ${server.apiKey}`, 'content-type': 'application/json' };
  return {
    name: 'raw undici',
    async *stream(prompt) {
      const body = JSON.stringify({ model: BENCH_MODEL, stream: true, messages: [{ role: 'user', content: prompt }] });
      const response = await request(url, { method: 'POST', headers, body, dispatcher: agent });
      if (response.statusCode !== 200) throw new Error(`HTTP ${response.statusCode}: ${await response.body.text()}`);
      const reader = new MinimalSseReader();
      for await (const bytes of response.body as AsyncIterable<Uint8Array>) {
        const { contents } = reader.push(bytes);
        yield* contents;
      }
    },
    close: () => agent.close(),
  };
}
