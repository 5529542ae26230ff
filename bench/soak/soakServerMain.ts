/**
 * Child-process entry: the project's fake xAI server for the soak, on 127.0.0.1, in its own process
 * (the soak's extension host runs on a fake clock; the server keeps real time). Each request gets the
 * answer a model would give its feature: a tool call when a chat turn asks for one, a slow answer
 * when a turn is to be stopped, a short completion otherwise; in the wire format of its route.
 * Reports request counts per route on request; exits when the parent disconnects.
 */
import type * as http from 'node:http';
import { type AnswerScenario, type RecordedRequest, TEST_API_KEY } from '../../test/fake-xai';
import { streamPayloads } from '../../test/fake-xai/answer';
import { responsesStreamPayloads } from '../../test/fake-xai/responsesAnswer';
import { encodeEvents } from '../../test/fake-xai/sseWriter';
import { runFakeServerChild } from '../fakeServerChild';
import { type SoakServerReply, SoakServerRequestSchema } from './soakProtocol';

/** Words in a chat turn that ask the scripted model for a behaviour (soakChild writes them). */
export const ASK_TOOL = '[use a tool]';
export const ASK_SLOW = '[answer slowly]';

const SLOW_PIECES = 60;
const SLOW_DRIP_MS = 40;

type Body = Record<string, unknown>;

/** The last item of the conversation and its text, on either wire format. */
function lastTurn(body: Body): { role: string; text: string } {
  const items = (Array.isArray(body.messages) ? body.messages : Array.isArray(body.input) ? body.input : []) as Body[];
  const last = items[items.length - 1] ?? {};
  const role = typeof last.role === 'string' ? last.role : typeof last.type === 'string' ? last.type : '';
  const content = last.content;
  const text = typeof content === 'string' ? content : Array.isArray(content) ? content.map((part) => String((part as Body).text ?? '')).join('') : '';
  return { role, text };
}

function answerFor(body: Body): AnswerScenario {
  const { role, text } = lastTurn(body);
  const tools = Array.isArray(body.tools) && body.tools.length > 0;
  if (role === 'user' && tools && text.includes(ASK_TOOL)) {
    return { kind: 'answer', toolCalls: [{ name: 'read_file', arguments: JSON.stringify({ path: 'src/file0.ts' }) }] };
  }
  if (role === 'user' && text.includes(ASK_SLOW)) return { kind: 'answer', content: Array.from({ length: SLOW_PIECES }, (_, i) => ` word${i}`), dripMs: SLOW_DRIP_MS };
  if (tools || role === 'tool' || role === 'function_call_output') return { kind: 'answer', reasoning: ['Reading', ' the code.'], content: ['Here is', ' the answer:\n\n```ts\nexport const answer = 42;\n```\n'] };
  return { kind: 'answer', content: ['value', ' + 1;'] };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Streams the answer `answerFor` picks for one request, in its route's wire format. */
export async function respond(request: RecordedRequest, res: http.ServerResponse): Promise<void> {
  const body = (request.body ?? {}) as Body;
  const scenario = answerFor(body);
  const model = typeof body.model === 'string' ? body.model : 'grok-4.3';
  const prompt = request.rawBody;
  const responses = request.path.endsWith('/responses');
  const include = Array.isArray(body.include) ? body.include : [];
  const payloads = responses
    ? responsesStreamPayloads(scenario, { model, prompt, cachedTokens: 0, encrypted: include.includes('reasoning.encrypted_content'), store: body.store === true })
    : streamPayloads(scenario, model, prompt);
  const events = encodeEvents(payloads, scenario, responses);
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  for (const event of events) {
    if (res.destroyed) return;
    res.write(event);
    if (scenario.dripMs) await sleep(scenario.dripMs);
  }
  res.end();
}

function send(message: SoakServerReply): void {
  process.send?.(message);
}

function main(): void {
  runFakeServerChild(
    (raw) => SoakServerRequestSchema.parse(raw),
    (fake, message) => {
      if (message.type === 'start') {
        fake.setDefault({ kind: 'handler', handle: respond });
        send({ type: 'ready', url: fake.url, apiKey: TEST_API_KEY });
        return;
      }
      const byPath: Record<string, number> = {};
      for (const request of fake.requests) byPath[request.path] = (byPath[request.path] ?? 0) + 1;
      // The server records every request; counted, they are dropped, so a long day stays small.
      fake.requests.length = 0;
      send({ type: 'counts', byPath, openConnections: fake.openConnections });
    },
  );
}

if (require.main === module) main();
