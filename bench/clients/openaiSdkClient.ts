/** (c) The `openai` npm SDK pointed at the same server (it reads with the global fetch). */
import OpenAI from 'openai';
import { BENCH_MODEL, type ServerAddress, type StreamingClient } from './streamingClient';

export function createOpenAiSdkClient(server: ServerAddress): StreamingClient {
  const client = new OpenAI({ baseURL: server.url, apiKey: server.apiKey, maxRetries: 0 });
  return {
    name: 'openai SDK',
    async *stream(prompt) {
      const stream = await client.chat.completions.create({ model: BENCH_MODEL, stream: true, messages: [{ role: 'user', content: prompt }] });
      for await (const chunk of stream) {
        const content = chunk.choices[0]?.delta?.content;
        if (content) yield content;
      }
    },
    close: async () => undefined,
  };
}
