import { strict as assert } from 'node:assert';
import { ReasoningMemory } from '../../../src/lmProvider/reasoningMemory';
import { type ChatMessage, type ReasoningItem } from '../../../src/provider/types';

const ITEM: ReasoningItem = { id: 'rs_1', summary: 'Plan', encryptedContent: 'enc-1', model: 'grok-4.3' };
const CALL = { id: 'call_7', name: 'search_workspace', arguments: '{"query":"main"}' };

/** A turn's history as VS Code hands it back: the answers without their reasoning. */
function history(answer: ChatMessage): ChatMessage[] {
  return [{ role: 'user', content: 'Where is main?' }, answer, { role: 'user', content: 'And tests?' }];
}

describe('lmProvider: reasoning kept in memory per answer', () => {
  it('puts an answer’s reasoning text and encrypted items back on its turn, leaving other messages alone', () => {
    const memory = new ReasoningMemory();
    memory.remember('conv-a', { content: 'In src/main.ts.', toolCalls: [], reasoning: 'Look it up.', reasoningItems: [ITEM] });
    const messages = history({ role: 'assistant', content: 'In src/main.ts.' });
    const replayed = memory.replay('conv-a', messages);
    assert.deepEqual(replayed, [messages[0], { role: 'assistant', content: 'In src/main.ts.', reasoning: 'Look it up.', reasoningItems: [ITEM] }, messages[2]]);
    assert.deepEqual(messages[1], { role: 'assistant', content: 'In src/main.ts.' }, 'the input is not changed');
  });

  it('finds an answer that called tools by its call ids, whatever text VS Code kept with it', () => {
    const memory = new ReasoningMemory();
    memory.remember('conv-a', { content: 'Let me search.', toolCalls: [CALL], reasoning: '', reasoningItems: [ITEM] });
    const [, answer] = memory.replay('conv-a', history({ role: 'assistant', content: '', toolCalls: [CALL] }));
    assert.deepEqual(answer, { role: 'assistant', content: '', toolCalls: [CALL], reasoningItems: [ITEM] });
  });

  it('replays only in the same conversation and only on the same answer', () => {
    const memory = new ReasoningMemory();
    memory.remember('conv-a', { content: 'Done.', toolCalls: [], reasoning: 'r', reasoningItems: [ITEM] });
    const other = history({ role: 'assistant', content: 'Done.' });
    assert.deepEqual(memory.replay('conv-b', other), other, 'another conversation with the same answer text');
    const changed = history({ role: 'assistant', content: 'Done!' });
    assert.deepEqual(memory.replay('conv-a', changed), changed, 'another answer in the same conversation');
  });

  it('the same answer twice in one conversation keeps each one’s reasoning, and a regenerated one replaces it (issue 22, invented)', () => {
    const memory = new ReasoningMemory();
    const item = (id: string): ReasoningItem => ({ ...ITEM, id });
    const done: ChatMessage = { role: 'assistant', content: 'Done.' };
    const firstTurn: ChatMessage[] = [{ role: 'user', content: 'Rename it.' }];
    memory.remember('conv-a', { content: 'Done.', toolCalls: [], reasoning: '', reasoningItems: [item('rs_1')] }, firstTurn);
    const secondTurn = [...firstTurn, done, { role: 'user', content: 'And the test?' } as ChatMessage];
    memory.remember('conv-a', { content: 'Done.', toolCalls: [], reasoning: '', reasoningItems: [item('rs_2')] }, secondTurn);
    const itemsOf = (messages: ChatMessage[]) => messages.flatMap((m) => (m.role === 'assistant' ? [(m.reasoningItems ?? []).map((i) => i.id)] : []));
    const thirdTurn = [...secondTurn, done, { role: 'user', content: 'Thanks' } as ChatMessage];
    assert.deepEqual(itemsOf(memory.replay('conv-a', thirdTurn)), [['rs_1'], ['rs_2']]);
    memory.remember('conv-a', { content: 'Done.', toolCalls: [], reasoning: '', reasoningItems: [item('rs_3')] }, secondTurn);
    assert.deepEqual(itemsOf(memory.replay('conv-a', thirdTurn)), [['rs_1'], ['rs_3']], 'the second answer regenerated');
  });

  it('keeps nothing for an answer without reasoning', () => {
    const memory = new ReasoningMemory();
    memory.remember('conv-a', { content: 'Hi.', toolCalls: [], reasoning: '', reasoningItems: [] });
    const messages = history({ role: 'assistant', content: 'Hi.' });
    assert.deepEqual(memory.replay('conv-a', messages), messages);
  });

  it('forgets the least recently remembered answer beyond its capacity', () => {
    const memory = new ReasoningMemory(2);
    for (const text of ['one', 'two', 'three']) memory.remember('conv-a', { content: text, toolCalls: [], reasoning: `why ${text}` });
    const replayed = memory.replay('conv-a', ['one', 'two', 'three'].map((content): ChatMessage => ({ role: 'assistant', content })));
    assert.deepEqual(
      replayed.map((message) => (message.role === 'assistant' ? message.reasoning : undefined)),
      [undefined, 'why two', 'why three'],
    );
  });
});
