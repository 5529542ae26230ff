import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { MASKED_LITERAL, maskQuotedLiterals } from '../../../src/platform/diagnosticLiterals';

describe('maskQuotedLiterals', () => {
  it('masks double-quoted and backtick spans, escapes included, and keeps single-quoted names', () => {
    assert.equal(maskQuotedLiterals(`Type '"a\\"b"' is not assignable to type 'Foo'.`), `Type '"***"' is not assignable to type 'Foo'.`);
    assert.equal(maskQuotedLiterals('expected `u32`, found `&str`'), 'expected "***", found "***"');
    assert.equal(maskQuotedLiterals("'x' is declared but never used."), "'x' is declared but never used.");
  });

  it('leaves no character of any literal it is given, wherever it sits in a message', () => {
    const secret = fc.string({ minLength: 1 }).filter((text) => !/["`\\\n]/.test(text) && text.trim() !== '' && !'***'.includes(text));
    fc.assert(
      fc.property(fc.string(), secret, fc.constantFrom('"', '`'), (prefix, literal, quote) => {
        const before = prefix.replace(/["`\\\n]/g, '');
        const masked = maskQuotedLiterals(`${before}'${quote}${literal}${quote}' tail`);
        assert.equal(masked, `${before}'${MASKED_LITERAL}' tail`);
      }),
    );
  });
});
