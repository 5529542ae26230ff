import * as assert from 'node:assert/strict';
import { CompletionCache } from '../../../src/completion/cache';

describe('completion/cache', () => {
  const prefix = 'function add(a: number, b: number) {\n  return ';
  const suffix = '\n}\n';

  it('answers the exact position', () => {
    const cache = new CompletionCache();
    cache.set(prefix, suffix, { text: 'a + b;', replaceLength: 0 });
    assert.deepEqual(cache.get(prefix, suffix), { text: 'a + b;', replaceLength: 0 });
  });

  it('serves the remainder while the user types through the suggestion', () => {
    const cache = new CompletionCache();
    cache.set(prefix, suffix, { text: 'a + b;', replaceLength: 0 });
    assert.deepEqual(cache.get(`${prefix}a`, suffix), { text: ' + b;', replaceLength: 0 });
    assert.deepEqual(cache.get(`${prefix}a + `, suffix), { text: 'b;', replaceLength: 0 });
  });

  it('misses once the typing diverges, or when the suggestion is used up', () => {
    const cache = new CompletionCache();
    cache.set(prefix, suffix, { text: 'a + b;', replaceLength: 0 });
    assert.equal(cache.get(`${prefix}a -`, suffix), undefined);
    assert.equal(cache.get(`${prefix}a + b;`, suffix), undefined);
  });

  it('misses when the text after the cursor differs', () => {
    const cache = new CompletionCache();
    cache.set(prefix, suffix, { text: 'a + b;', replaceLength: 0 });
    assert.equal(cache.get(prefix, '\n}\n\nexport {};\n'), undefined);
  });

  it('tells positions apart by the text far before the cursor (within its key)', () => {
    const cache = new CompletionCache();
    cache.set(`let x = 1;\n${prefix}`, suffix, { text: 'x;', replaceLength: 0 });
    assert.equal(cache.get(`let y = 1;\n${prefix}`, suffix), undefined);
  });

  it('evicts the least recently used entry beyond its capacity', () => {
    const cache = new CompletionCache(2);
    cache.set('a = ', '', { text: '1', replaceLength: 0 });
    cache.set('b = ', '', { text: '2', replaceLength: 0 });
    assert.ok(cache.get('a = ', '') !== undefined); // a is now the most recent
    cache.set('c = ', '', { text: '3', replaceLength: 0 });
    assert.equal(cache.get('b = ', ''), undefined);
    assert.ok(cache.get('a = ', '') !== undefined);
    assert.ok(cache.get('c = ', '') !== undefined);
  });

  it('remembers where the model had nothing, at that exact position only', () => {
    const cache = new CompletionCache();
    cache.set(prefix, suffix, { text: '', replaceLength: 0 });
    assert.equal(cache.knownEmpty(prefix, suffix), true);
    assert.equal(cache.get(prefix, suffix), undefined);
    assert.equal(cache.knownEmpty(`${prefix}a`, suffix), false);
  });
});
