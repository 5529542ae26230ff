import { strict as assert } from 'node:assert';
import { backoffDelay, DEFAULT_RETRY_POLICY, retryingStream, RetryableFailure, type RetryPolicy } from '../../../../src/provider/client/retry';
import { ApiError, AuthenticationError } from '../../../../src/provider/errors';
import { drain } from '../harness';

function policy(overrides: Partial<RetryPolicy> = {}): RetryPolicy & { sleeps: number[] } {
  const sleeps: number[] = [];
  return {
    ...DEFAULT_RETRY_POLICY,
    random: () => 0.5,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    ...overrides,
    sleeps,
  };
}

const serverError = () => new RetryableFailure(new ApiError('The server failed (503)', 503));

/** An attempt function that fails with the given failures in turn, then yields the items. */
function script(failures: unknown[], items: string[] = ['a', 'b']) {
  let calls = 0;
  const attempt = async function* () {
    const failure = failures[calls++];
    if (failure) throw failure;
    yield* items;
  };
  return { attempt, calls: () => calls };
}

describe('retry', () => {
  it('grows the delay exponentially with jitter between half and the whole step, capped', () => {
    const low = policy({ random: () => 0 });
    const high = policy({ random: () => 0.999999 });
    assert.equal(backoffDelay(0, low), 250);
    assert.equal(backoffDelay(0, high), 500);
    assert.equal(backoffDelay(2, low), 1000);
    assert.equal(backoffDelay(2, high), 2000);
    assert.equal(backoffDelay(10, high), 8000);
  });

  it("waits at least the server's Retry-After", () => {
    assert.equal(backoffDelay(0, policy(), 3000), 3000);
  });

  it('retries a retryable failure and then yields the answer', async () => {
    const p = policy();
    const { attempt, calls } = script([serverError(), serverError()]);
    assert.deepEqual((await drain(retryingStream(attempt, p))).items, ['a', 'b']);
    assert.equal(calls(), 3);
    assert.deepEqual(p.sleeps, [375, 750]);
  });

  it('gives up after maxRetries with the underlying error', async () => {
    const p = policy({ maxRetries: 2 });
    const { attempt, calls } = script([serverError(), serverError(), serverError()]);
    const { error } = await drain(retryingStream(attempt, p));
    assert.ok(error instanceof ApiError);
    assert.equal(calls(), 3);
  });

  it('never retries an error that is not marked retryable', async () => {
    const { attempt, calls } = script([new AuthenticationError('no')]);
    const { error } = await drain(retryingStream(attempt, policy()));
    assert.ok(error instanceof AuthenticationError);
    assert.equal(calls(), 1);
  });

  it('never retries once an item reached the caller', async () => {
    let calls = 0;
    const attempt = async function* () {
      calls++;
      yield 'partial';
      throw serverError();
    };
    const { items, error } = await drain(retryingStream(attempt, policy()));
    assert.deepEqual(items, ['partial']);
    assert.ok(error instanceof ApiError);
    assert.equal(calls, 1);
  });

  it('retries a once-advised failure only once', async () => {
    const once = () => new RetryableFailure(new ApiError('empty'), { once: true });
    const { attempt, calls } = script([once(), once()]);
    const { error } = await drain(retryingStream(attempt, policy({ maxRetries: 5 })));
    assert.equal((error as ApiError).message, 'empty');
    assert.equal(calls(), 2);
  });

  it('does not wait for a Retry-After longer than the policy allows', async () => {
    const p = policy({ maxRetryAfterMs: 1000 });
    const { attempt, calls } = script([new RetryableFailure(new ApiError('busy', 503), { afterMs: 5000 })]);
    const { error } = await drain(retryingStream(attempt, p));
    assert.ok(error instanceof ApiError);
    assert.equal(calls(), 1);
    assert.deepEqual(p.sleeps, []);
  });
});
