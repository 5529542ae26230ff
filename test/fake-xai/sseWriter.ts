/**
 * Writes an event stream the way a real network delivers it: events turned into bytes, the bytes
 * cut into writes (per event, per byte, fixed sizes or chosen offsets: a cut may fall inside a
 * multi-byte UTF-8 character), optionally dripped slowly, stalled or cut off mid-way.
 */
import type * as http from 'node:http';
import { type AnswerScenario } from './scenarios';

const MALFORMED_DATA = '{"choices":[{"delta":{"content":"oops"';

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Each payload as the bytes of one event, with the scenario's line endings, comments and spacing;
 * `named` puts an `event: <type>` line before each payload that has a `type` (the Responses API's
 * framing), unless the scenario sets `eventLines: false`.
 */
export function encodeEvents(payloads: readonly (object | string)[], scenario: AnswerScenario, named = false): Buffer[] {
  const eol = scenario.lineEnding ?? '\n';
  const prefix = scenario.noSpaceAfterData ? 'data:' : 'data: ';
  const withNames = named && scenario.eventLines !== false;
  const events = payloads.map((payload) => ({
    data: typeof payload === 'string' ? payload : JSON.stringify(payload),
    name: withNames && typeof payload === 'object' ? (payload as { type?: unknown }).type : undefined,
  }));
  if (scenario.malformedAfterEvents !== undefined) events.splice(scenario.malformedAfterEvents, 0, { data: MALFORMED_DATA, name: undefined });
  return events.map(({ data, name }) => {
    const comment = scenario.comments ? `: keep-alive${eol}` : '';
    const label = typeof name === 'string' ? `event: ${name}${eol}` : '';
    return Buffer.from(`${comment}${label}${prefix}${data}${eol}${eol}`, 'utf8');
  });
}

function pieces(events: readonly Buffer[], split: AnswerScenario['split']): Buffer[] {
  if (split === undefined || split === 'event') return [...events];
  const all = Buffer.concat(events);
  const offsets =
    split === 'byte'
      ? Array.from({ length: all.length }, (_, i) => i + 1)
      : typeof split === 'number'
        ? Array.from({ length: Math.ceil(all.length / split) }, (_, i) => (i + 1) * split)
        : [...split, all.length];
  const out: Buffer[] = [];
  let start = 0;
  for (const end of [...new Set(offsets)].sort((a, b) => a - b)) {
    if (end <= start || end > all.length) continue;
    out.push(all.subarray(start, end));
    start = end;
  }
  if (start < all.length) out.push(all.subarray(start));
  return out;
}

/** Writes the bytes cut as `split` says, a write at a time; resolves after the last (or when the client left). */
export async function writePieces(res: http.ServerResponse, bytes: readonly Buffer[], split: AnswerScenario['split'], dripMs?: number): Promise<void> {
  for (const piece of pieces(bytes, split)) {
    if (res.destroyed) return;
    res.write(piece);
    // Yield between writes so they leave as separate packets.
    await (dripMs ? sleep(dripMs) : new Promise<void>((resolve) => setImmediate(resolve)));
  }
}

/** Streams the events; resolves when done, stalled or cut. */
export async function writeEventStream(res: http.ServerResponse, events: Buffer[], scenario: AnswerScenario): Promise<void> {
  const stopAt = Math.min(scenario.stallAfterEvents ?? Infinity, scenario.cutAfterEvents ?? Infinity);
  const sent = events.slice(0, stopAt);
  if (scenario.headersDelayMs) await sleep(scenario.headersDelayMs);
  if (res.destroyed) return;
  res.writeHead(200, { 'content-type': scenario.contentType ?? 'text/event-stream', 'cache-control': 'no-cache' });
  res.flushHeaders();
  if (scenario.latencyMs) await sleep(scenario.latencyMs);
  await writePieces(res, sent, scenario.split, scenario.dripMs);
  if (res.destroyed) return;
  if (scenario.cutAfterEvents !== undefined && scenario.cutAfterEvents <= (scenario.stallAfterEvents ?? Infinity)) {
    res.socket?.destroy();
    return;
  }
  if (scenario.stallAfterEvents !== undefined) return;
  res.end();
}
