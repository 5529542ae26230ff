import * as assert from 'node:assert/strict';
import { type Entry } from '../../../src/chat/historySchema';
import { ActiveConversationSchema } from '../../../src/chat/protocol';
import { toTranscript } from '../../../src/chat/transcriptView';

describe('toTranscript', () => {
  const entries: Entry[] = [
    { role: 'user', id: 'u1', createdAt: 5, text: 'Explain', chips: [{ id: 'c', kind: 'file', label: 'a.ts', path: '/w/a.ts' }], prompt: '<context>…</context>\n\nExplain' },
    {
      role: 'assistant',
      id: 'a1',
      createdAt: 6,
      steps: [
        {
          content: 'Looking.',
          reasoning: 'first',
          toolCalls: [
            { id: 'k1', name: 'read_file', arguments: '{}', result: 'x', ok: true, argsSummary: 'a.ts', resultSummary: 'lines 1-2 of 2' },
            { id: 'k2', name: 'search_text', arguments: '{}', result: 'Error: bad', ok: false, argsSummary: '"x"', resultSummary: 'bad' },
            { id: 'k3', name: 'list_directory', arguments: '{}', argsSummary: '.' },
          ],
        },
        { content: 'Answer.', reasoning: 'second' },
      ],
      usage: { promptTokens: 10, completionTokens: 2, reasoningTokens: 1, cachedTokens: 4, totalTokens: 13, costUsd: 0.5 },
      latencyMs: 900,
      timeToFirstTokenMs: null,
      stopped: true,
    },
  ];

  it('shows what the user typed (not the prompt) and one message per answer, joining its steps', () => {
    const transcript = toTranscript(entries);
    assert.deepEqual(transcript, [
      { id: 'u1', role: 'user', content: 'Explain', chips: [{ id: 'c', kind: 'file', label: 'a.ts', path: '/w/a.ts' }], createdAt: 5 },
      {
        id: 'a1',
        role: 'assistant',
        content: 'Looking.\n\nAnswer.',
        reasoning: 'first\n\nsecond',
        createdAt: 6,
        toolCalls: [
          { id: 'k1', name: 'read_file', argsSummary: 'a.ts', status: 'done', resultSummary: 'lines 1-2 of 2' },
          { id: 'k2', name: 'search_text', argsSummary: '"x"', status: 'error', resultSummary: 'bad' },
          { id: 'k3', name: 'list_directory', argsSummary: '.', status: 'error', resultSummary: 'not run' },
        ],
        usage: { promptTokens: 10, completionTokens: 2, reasoningTokens: 1, cachedTokens: 4, costUsd: 0.5, latencyMs: 900, timeToFirstTokenMs: null },
        stopped: true,
      },
    ]);
    assert.equal(ActiveConversationSchema.safeParse({ id: 'x', title: 't', messages: transcript }).success, true);
  });

  it('clips long summaries to the protocol bounds', () => {
    const long: Entry[] = [
      { role: 'assistant', id: 'a', createdAt: 1, steps: [{ content: '', toolCalls: [{ id: 'k', name: 'read_file', arguments: '{}', result: 'r', argsSummary: 'p'.repeat(5000) }] }] },
    ];
    const transcript = toTranscript(long);
    assert.equal(transcript[0]!.toolCalls![0]!.argsSummary.length, 4000);
    assert.equal(ActiveConversationSchema.safeParse({ id: 'x', title: 't', messages: transcript }).success, true);
  });
});
