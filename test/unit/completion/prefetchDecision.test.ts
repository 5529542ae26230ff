import * as assert from 'node:assert/strict';
import { AcceptanceRate } from '../../../src/completion/prefetchDecision';
import { typedAfter } from '../../../src/completion/anchor';

describe('completion/prefetchDecision', () => {
  it('follows a suggestion while it is typed through, and calls it used up at its end', () => {
    const rate = new AcceptanceRate();
    rate.shown('x = ', 'compute();');
    assert.equal(rate.observe('x = comp'), 'in-progress');
    assert.equal(rate.observe('x = compute();'), 'used-up');
    assert.equal(rate.observe('x = compute();\n'), 'none');
  });

  it('calls it left when the typing diverges, and learns from both', () => {
    const rate = new AcceptanceRate();
    const start = rate.value;
    rate.shown('x = ', 'compute();');
    assert.equal(rate.observe('x = other'), 'left');
    assert.ok(rate.value < start);
    for (let i = 0; i < 10; i++) {
      rate.shown(`y${i} = `, '1;');
      rate.observe(`y${i} = 1;`);
    }
    assert.ok(rate.value > 0.9);
  });

  it('finds where a position went, or that it was left (anchor)', () => {
    const long = 'a'.repeat(300);
    assert.equal(typedAfter(`${long}bc`, long.slice(-200)), 'bc');
    assert.equal(typedAfter('abc', 'ab'), 'c');
    assert.equal(typedAfter('xbc', 'ab'), undefined);
  });
});
