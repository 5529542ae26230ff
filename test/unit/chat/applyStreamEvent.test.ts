import * as assert from 'node:assert/strict';
import { applyStreamEvent } from '../../../src/chat/applyStreamEvent';
import { type ToolCallView, type TranscriptMessage } from '../../../src/chat/protocol';

const call = (status: ToolCallView['status']): ToolCallView => ({ id: 'call_1', name: 'read_file', argsSummary: 'a.ts', status });

describe('applyStreamEvent', () => {
  it('appends deltas, replaces a tool call by id, sets usage and an error; done changes nothing', () => {
    const message: TranscriptMessage = { id: 'a1', role: 'assistant', content: '' };
    applyStreamEvent(message, { kind: 'reasoningDelta', text: 'think ' });
    applyStreamEvent(message, { kind: 'reasoningDelta', text: 'more' });
    applyStreamEvent(message, { kind: 'contentDelta', text: 'Hel' });
    applyStreamEvent(message, { kind: 'contentDelta', text: 'lo' });
    applyStreamEvent(message, { kind: 'toolCall', call: call('running') });
    applyStreamEvent(message, { kind: 'toolCall', call: { ...call('running'), id: 'call_2' } });
    applyStreamEvent(message, { kind: 'toolCall', call: call('done') });
    const usage = { promptTokens: 1, completionTokens: 2, reasoningTokens: 0, cachedTokens: 0, costUsd: 0, latencyMs: 5, timeToFirstTokenMs: null };
    applyStreamEvent(message, { kind: 'usage', usage });
    const before = structuredClone(message);
    applyStreamEvent(message, { kind: 'done' });
    assert.deepEqual(message, before);
    assert.equal(message.reasoning, 'think more');
    assert.equal(message.content, 'Hello');
    assert.deepEqual(message.toolCalls?.map((c) => `${c.id}:${c.status}`), ['call_1:done', 'call_2:running']);
    assert.deepEqual(message.usage, usage);
    const error = { code: 'network', message: 'offline', action: 'retry' as const };
    applyStreamEvent(message, { kind: 'error', error });
    assert.deepEqual(message.error, error);
  });

  it("shows a wait's words until they are cleared or any output arrives", () => {
    const message: TranscriptMessage = { id: 'a1', role: 'assistant', content: '' };
    applyStreamEvent(message, { kind: 'waiting', text: 'rate-limited, retrying in 7 s' });
    assert.equal(message.waiting, 'rate-limited, retrying in 7 s');
    applyStreamEvent(message, { kind: 'waiting', text: '' });
    assert.equal('waiting' in message, false);
    applyStreamEvent(message, { kind: 'waiting', text: 'no data for 6 s…' });
    applyStreamEvent(message, { kind: 'reasoningDelta', text: 'hm' });
    assert.equal('waiting' in message, false);
    applyStreamEvent(message, { kind: 'waiting', text: 'no data for 5 s…' });
    applyStreamEvent(message, { kind: 'error', error: { code: 'timeout', message: 'timed out', action: 'retry' } });
    assert.equal('waiting' in message, false);
  });
});
