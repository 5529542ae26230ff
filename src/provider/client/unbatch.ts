/**
 * Hands out the items of a stream of batches one at a time, as an async generator would, but for
 * one already-settled promise per item: an `async function*` spends several microtask turns on each
 * `yield`, which for an answer of thousands of tokens is a visible share of the client's CPU.
 * Calls are served in order even when a caller does not wait for the previous one; `return` and
 * `throw` reach the source, so stopping early runs its cleanup (closing the socket).
 */
function done<U>(): IteratorResult<U> {
  return { done: true, value: undefined };
}

export function unbatch<T, U>(batches: AsyncGenerator<readonly T[]>, pick: (item: T) => U | undefined): AsyncGenerator<U> {
  let batch: readonly T[] = [];
  let index = 0;
  let finished = false;
  /** Calls not yet settled that had to wait (for the source, or for an earlier call). */
  let waiting = 0;
  /** The last of those calls: a later one goes after it. */
  let last: Promise<unknown> = Promise.resolve();

  /** The next picked item of the current batch, else undefined. */
  const fromBatch = (): IteratorResult<U> | undefined => {
    while (index < batch.length) {
      const value = pick(batch[index++]);
      if (value !== undefined) return { done: false, value };
    }
    return undefined;
  };

  const finish = (): void => {
    finished = true;
    batch = [];
  };

  const serve = async (): Promise<IteratorResult<U>> => {
    for (;;) {
      if (finished) return done();
      const item = fromBatch();
      if (item) return item;
      try {
        const next = await batches.next();
        if (next.done) {
          finish();
          return done();
        }
        batch = next.value;
        index = 0;
      } catch (error) {
        finish();
        throw error;
      }
    }
  };

  const inTurn = <R>(call: () => Promise<R>): Promise<R> => {
    const previous = waiting > 0 ? last : undefined;
    waiting++;
    // Counted down before the caller sees the result, so its next call can take the fast path.
    const result = (previous ? previous.then(call, call) : call()).finally(() => {
      waiting--;
    });
    last = result;
    return result;
  };

  const generator: AsyncGenerator<U> = {
    next: () => {
      if (waiting === 0 && !finished) {
        const item = fromBatch();
        if (item) return Promise.resolve(item);
      }
      return inTurn(serve);
    },
    return: (value?: unknown) =>
      inTurn(async () => {
        if (!finished) {
          finish();
          await batches.return(undefined);
        }
        return { done: true, value: value as U };
      }),
    throw: (error: unknown) =>
      inTurn(async () => {
        if (finished) throw error;
        finish();
        await batches.throw(error);
        return done();
      }),
    [Symbol.asyncIterator]: () => generator,
  };
  return generator;
}
