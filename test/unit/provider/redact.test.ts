import * as assert from 'node:assert/strict';
import fc from 'fast-check';
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

describe('redactSecrets: the key in any spelling a server echoes (issue 21 kind 7)', () => {
  // 38 characters, as in the issue; no vendor prefix, so only the configured-key rules catch it.
  const KEY38 = 'gsk_4Hq9Zt2Wm7Lp3Xv8Rb6Nc1Yd5Ks0Jf2Ta9';
  before(() => registerSecret(KEY38));

  it('has a 38-character key', () => assert.equal(KEY38.length, 38));

  it('removes it upper-cased, lower-cased and in mixed case', () => {
    for (const form of [KEY38.toUpperCase(), KEY38.toLowerCase(), KEY38.replace(/[a-z]/g, (c) => c.toUpperCase())]) {
      assert.equal(redactSecrets(`Incorrect API key provided: ${form}.`), 'Incorrect API key provided: [REDACTED].', form);
    }
  });

  it('removes base64 and base64url of the key, of "Bearer <key>" and of a whole header, hex too', () => {
    const b64 = (text: string) => Buffer.from(text).toString('base64');
    const b64url = (text: string) => Buffer.from(text).toString('base64url');
    // [spelling, bytes before the key in what was encoded]
    const spellings: [string, number][] = [
      [b64(KEY38), 0],
      [b64(`Bearer ${KEY38}`), 7],
      [b64(`Authorization: Bearer ${KEY38}`), 22],
      [b64url(`x${KEY38}`), 1],
      [b64url(`xy:${KEY38}`), 3],
      [Buffer.from(KEY38).toString('hex').toUpperCase(), 0],
    ];
    for (const [spelling, before] of spellings) {
      const out = redactSecrets(`token=${spelling}`);
      assert.match(out, /\[REDACTED\]/, spelling);
      // Left over: the encoding of what came before the key, and at most two characters at each edge.
      const left = out.replace('token=', '').split('[REDACTED]').join('');
      assert.ok(left.length <= Math.ceil((8 * before) / 6) + 4, `${spelling} -> ${out}`);
    }
  });

  it('removes any long run it shares with the key: the first 28 of 38 characters, the last 20, a middle 12', () => {
    for (const part of [KEY38.slice(0, 28), KEY38.slice(-20), KEY38.slice(13, 25), KEY38.slice(0, 28).toUpperCase()]) {
      const out = redactSecrets(`Incorrect API key provided: ${part}... (ends there)`);
      assert.ok(!out.toLowerCase().includes(part.toLowerCase().slice(0, 12)), `${part} -> ${out}`);
      assert.match(out, /provided: \[REDACTED\]/);
    }
  });

  it('leaves no 12 characters of any registered key, for any piece of it in any case amid any text (property)', () => {
    const keyChar = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-');
    fc.assert(
      fc.property(fc.array(keyChar, { minLength: 20, maxLength: 60 }), fc.nat(), fc.nat(), fc.boolean(), fc.string(), fc.string(), (chars, a, b, upper, before, after) => {
        const key = chars.join('');
        registerSecret(key);
        const start = a % (key.length - 12);
        const end = start + 12 + (b % (key.length - start - 11));
        const piece = upper ? key.slice(start, end).toUpperCase() : key.slice(start, end);
        const out = redactSecrets(`${before} ${piece} ${after}`).toLowerCase();
        for (let i = 0; i + 12 <= piece.length; i++) assert.ok(!out.includes(piece.slice(i, i + 12).toLowerCase()), out);
      }),
      { numRuns: 200 },
    );
    // Only the last 8 keys are kept: the ones above pushed KEY38 out.
    registerSecret(KEY38);
  });

  it('redacts a shared run inside longer text and leaves the rest', () => {
    assert.equal(redactSecrets(`id=abc${KEY38.slice(5, 30)}xyz; ok`), 'id=abc[REDACTED]xyz; ok');
  });

  it('leaves text sharing fewer than 12 characters with the key, and ordinary words', () => {
    for (const text of [`near miss ${KEY38.slice(0, 11)}`, 'Authorization failed for this request', 'aGVsbG8gd29ybGQ= is hello world']) {
      assert.equal(redactSecrets(text), text);
    }
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
