import { strict as assert } from 'node:assert';
import { conversationKey } from '../../../src/lmProvider/conversationKey';
import { type ChatMessage } from '../../../src/provider/types';

const opening: ChatMessage[] = [
  { role: 'system', content: 'Be brief.' },
  { role: 'user', content: 'Explain closures' },
];

describe('lmProvider: a prompt-cache key per conversation', () => {
  it('stays the same as the conversation grows', () => {
    const later: ChatMessage[] = [...opening, { role: 'assistant', content: 'A closure is…' }, { role: 'user', content: 'Example?' }];
    assert.equal(conversationKey('grok-4', later), conversationKey('grok-4', opening));
  });

  it('differs for another first message, another system text or another model', () => {
    const key = conversationKey('grok-4', opening);
    assert.notEqual(conversationKey('grok-4', [opening[0], { role: 'user', content: 'Explain generators' }]), key);
    assert.notEqual(conversationKey('grok-4', [{ role: 'system', content: 'Be long.' }, opening[1]]), key);
    assert.notEqual(conversationKey('grok-code-fast-1', opening), key);
  });
});
