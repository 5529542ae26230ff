import * as assert from 'node:assert/strict';
import { toErrorView } from '../../../src/chat/errorView';
import { redactSecrets, registerSecret } from '../../../src/provider/redact';
import { scenarios } from '../../fake-xai';
import { startHarness } from './harness';

// A key in no known vendor format: only the "configured key" rule can catch it.
const KEY = 'gsk_Zr7Qp2Lm9Tx4Vb8Nc1Wd';

describe('redactSecrets: the configured key in every form', () => {
  before(() => registerSecret(KEY));

  it("removes the issue's example: a server echoing a key that does not start with xai- or sk-", () => {
    const text = redactSecrets(`401 Unauthorized: Incorrect API key provided: ${KEY}. You can find your key at ...`);
    assert.ok(!text.includes(KEY));
    assert.match(text, /Incorrect API key provided: \[REDACTED\]\. You can find/);
  });

  it('removes it URL-encoded and JSON-escaped', () => {
    const odd = 'k3y/with+slash=and"quote';
    registerSecret(odd);
    for (const form of [encodeURIComponent(odd), JSON.stringify(odd).slice(1, -1), odd]) {
      assert.equal(redactSecrets(`GET /v1/x?api_key=${form}&a=1`), 'GET /v1/x?api_key=[REDACTED]&a=1', form);
    }
  });

  it('removes partly masked echoes whose visible ends are the key’s', () => {
    for (const masked of ['gs****************1Wd', 'gsk_Zr...c1Wd', 'gsk_Z…Wd', 'gsk_XXXXXXXXXXXXXXX1Wd']) {
      assert.equal(redactSecrets(`Incorrect API key provided: ${masked}.`), 'Incorrect API key provided: [REDACTED].', masked);
    }
  });

  it('leaves masks of other keys and ordinary ellipses alone', () => {
    for (const text of ['Incorrect API key provided: ab****yz.', 'Loading... done', 'wait…', 'sum = a**2 + b**2']) {
      assert.equal(redactSecrets(text), text);
    }
  });

  it('still removes vendor-shaped keys and bearer tokens it was never told about', () => {
    assert.equal(redactSecrets('key xai-abcdefgh and sk-12345678abc, Bearer t.o.k'), 'key [REDACTED] and [REDACTED], Bearer [REDACTED]');
  });

  it('ignores keys too short to tell from words', () => {
    registerSecret('abc');
    assert.equal(redactSecrets('abc abc'), 'abc abc');
  });
});

describe('a server echoing the configured key (issue 17): never in an error, the chat error view or the log', () => {
  // Neither xai- nor sk-: only the "configured key" rule can catch it.
  const KEY_EVERY_WAY = 'gsk_live_Q8m2Zx7Lp4Rt9Vw3';

  for (const status of [401, 403, 500]) {
    it(`redacts it from a ${status} answer, plain, URL-encoded and partly masked`, async () => {
      const h = await startHarness({ apiKey: KEY_EVERY_WAY }, { fake: { apiKeys: [KEY_EVERY_WAY] } });
      try {
        const masked = `${KEY_EVERY_WAY.slice(0, 4)}****${KEY_EVERY_WAY.slice(-4)}`;
        // Enough for every attempt: a 500 is retried.
        for (let attempt = 0; attempt < 3; attempt++) {
          h.fake.enqueue(
            scenarios.status(status, {
              error: `Incorrect API key provided: ${KEY_EVERY_WAY} (${encodeURIComponent(KEY_EVERY_WAY)}, ${masked})`,
            }),
          );
        }
        const failure = await h.provider.generateResponse({ prompt: 'q' }).then(
          () => assert.fail('expected an error'),
          (error: unknown) => error,
        );
        const shown = [JSON.stringify(toErrorView(failure)), String((failure as Error).message), JSON.stringify(failure), h.logLines.join('\n')].join('\n');
        assert.ok(!shown.includes(KEY_EVERY_WAY), shown);
        assert.ok(!shown.includes(masked), shown);
        assert.match(shown, /Incorrect API key provided: \[REDACTED\]/);
      } finally {
        await h.close();
      }
    });
  }
});
