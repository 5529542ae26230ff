import * as assert from 'node:assert/strict';
import { creditsExhausted, httpsUrlIn, isXaiConsoleUrl, openConsoleAddress } from '../../../src/platform/creditsExhausted';
import { CreditsExhaustedError, RateLimitError } from '../../../src/provider/errors';

describe('creditsExhausted', () => {
  it('is undefined for a plain rate limit: that one does pass by waiting', () => {
    assert.equal(creditsExhausted(new RateLimitError('Too many tokens per minute (1000/500)', 7)), undefined);
    assert.equal(creditsExhausted(new Error('boom')), undefined);
    assert.equal(creditsExhausted(undefined), undefined);
  });

  it('finds the console address in the server message, trailing punctuation dropped', () => {
    const error = new CreditsExhaustedError('Used all available credits; raise it at https://console.x.ai/team/abc/billing.', 429);
    assert.deepEqual(creditsExhausted(error), { consoleUrl: 'https://console.x.ai/team/abc/billing' });
  });
});

describe('isXaiConsoleUrl', () => {
  it('is true only for https on console.x.ai itself', () => {
    for (const url of ['https://console.x.ai', 'https://console.x.ai/team/abc/billing?x=1', 'https://CONSOLE.X.AI/a']) assert.equal(isXaiConsoleUrl(url), true, url);
    const lookAlikes = [
      'http://console.x.ai/billing',
      'https://console.x.ai.attacker.example/',
      'https://console.x.ai@attacker.example/',
      'https://user@console.x.ai/',
      'https://console.x.ai:8443/',
      'https://x.ai/billing',
      'https://evil.console.x.ai/',
      'https://console.x.ai%2eattacker.example/',
      'not a url',
    ];
    for (const url of lookAlikes) assert.equal(isXaiConsoleUrl(url), false, url);
  });
});

describe('openConsoleAddress', () => {
  function opener(confirms: boolean) {
    const calls: string[] = [];
    return { calls, openExternal: async (url: string) => void calls.push(`open ${url}`), confirmOpen: async (url: string) => (calls.push(`ask ${url}`), confirms) };
  }

  it("opens xAI's console at once, and any other address only after a yes", async () => {
    const xai = opener(false);
    assert.equal(await openConsoleAddress('https://console.x.ai/team/t/billing', xai), true);
    assert.deepEqual(xai.calls, ['open https://console.x.ai/team/t/billing']);
    const declined = opener(false);
    assert.equal(await openConsoleAddress('https://billing.other.example/', declined), false);
    assert.deepEqual(declined.calls, ['ask https://billing.other.example/']);
    const accepted = opener(true);
    assert.equal(await openConsoleAddress('https://billing.other.example/', accepted), true);
    assert.deepEqual(accepted.calls, ['ask https://billing.other.example/', 'open https://billing.other.example/']);
  });
});

describe('httpsUrlIn', () => {
  it('takes only https addresses', () => {
    assert.equal(httpsUrlIn('see http://x.org and (https://y.org/a?b=1)'), 'https://y.org/a?b=1');
    assert.equal(httpsUrlIn('javascript:alert(1) http://x.org'), undefined);
  });
});
