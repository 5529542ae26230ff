import * as assert from 'node:assert/strict';
import { estimateTokens, fitConversation } from '../../../src/chat/contextBudget';
import { ContextTooLongError, toErrorView } from '../../../src/chat/errorView';
import { type AssistantEntry, type Entry, type UserEntry } from '../../../src/chat/historySchema';
import { ApiError } from '../../../src/provider/errors';

const user = (id: string, prompt: string): UserEntry => ({ role: 'user', id, createdAt: 1, text: prompt.slice(0, 40), chips: [], prompt });
const answer = (id: string, content: string): AssistantEntry => ({ role: 'assistant', id, createdAt: 1, steps: [{ content }] });

describe('fitConversation', () => {
  const limits = { contextWindow: 20_000, maxOutputTokens: 4_000 };

  it('sends a conversation that fits as it is', () => {
    const entries: Entry[] = [user('u1', 'hello'), answer('a1', 'hi'), user('u2', 'and?')];
    const fitted = fitConversation(entries, limits);
    assert.ok(fitted.fits);
    assert.equal(fitted.droppedTurns, 0);
    assert.deepEqual(fitted.messages.slice(1).map((m) => m.content), ['hello', 'hi', 'and?']);
  });

  it('leaves out the oldest turns first and names what they asked; the turn being answered stays whole', () => {
    const big = 'x'.repeat(15_000);
    const entries: Entry[] = [
      user('u1', `first question ${big}`),
      answer('a1', big),
      user('u2', `second question ${big}`),
      answer('a2', 'short'),
      user('u3', 'third question'),
    ];
    const fitted = fitConversation(entries, limits);
    assert.ok(fitted.fits);
    assert.equal(fitted.droppedTurns, 1);
    assert.match(fitted.messages[1]!.content, /1 earlier exchange\(s\) .* left out .*\n- first question x+\]$/s);
    assert.deepEqual(fitted.messages.slice(2).map((m) => m.content.slice(0, 15)), ['second question', 'short', 'third question']);
    assert.ok(estimateTokens(fitted.messages) <= limits.contextWindow - limits.maxOutputTokens);
  });

  it('refuses a single message larger than the context, with its size', () => {
    const entries: Entry[] = [user('u1', 'hi'), answer('a1', 'hello'), user('u2', 'y'.repeat(60_000))];
    const fitted = fitConversation(entries, limits);
    assert.equal(fitted.fits, false);
    if (fitted.fits) return;
    assert.ok(fitted.tokens > 16_000);
    assert.equal(fitted.limit, 16_000);
  });
});

describe('toErrorView: context too long', () => {
  it('offers a new chat with a summary, never Retry, for the server’s prompt-length 400 (the issue example)', () => {
    const error = new ApiError('Bad request (HTTP 400)', 400, 'This model\'s maximum prompt length is 256000 but the request contains 262931 tokens.');
    const view = toErrorView(error);
    assert.equal(view.action, 'newChatWithSummary');
    assert.equal(view.code, 'context_too_long');
    assert.match(view.message, /262931 tokens/);
  });

  it('says a single message is too large, with the figures', () => {
    const view = toErrorView(new ContextTooLongError(300_000, 256_000));
    assert.equal(view.action, 'newChatWithSummary');
    assert.match(view.message, /This message is too large .* about 300,000 tokens .* holds 256,000/);
  });

  it('keeps Retry for other API errors', () => {
    assert.equal(toErrorView(new ApiError('Internal error (HTTP 500)', 500, 'try later')).action, 'retry');
  });
});
