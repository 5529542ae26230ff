/**
 * The one fake clock of the tests and the benchmark: a discrete-event clock whose timers fire in
 * time order without real waiting, promise chains settling between events, so thousands of
 * simulated keystrokes replay in seconds and tests are exact. Time moves only when told (advance,
 * advanceUntil, runUntilIdle, tick). Implements the inline pipeline's `Timers` and the platform's
 * `Scheduler` (health checks, retention job).
 */
import type { Timers } from '../../src/completion/types';
import type { Scheduler } from '../../src/platform/scheduler';

interface Scheduled {
  at: number;
  id: number;
  callback: () => void;
}

export class FakeClock implements Timers, Scheduler {
  private nextId = 1;
  private readonly heap: Scheduled[] = [];
  private readonly cancelled = new Set<number>();

  /** `time`: the epoch ms the clock starts at. */
  constructor(private time = 0) {}

  /** A bound function, so `now: clock.now` can be handed on. */
  readonly now = (): number => this.time;

  /** Moves time forward without running timers: for code that only reads `now()` between steps. */
  tick(ms: number): void {
    this.time += ms;
  }

  /** Runs `task` every `intervalMs` (first run one interval from now) until disposed. */
  every(task: () => void, intervalMs: number): { dispose(): void } {
    let handle = 0;
    const arm = (): void => {
      handle = this.setTimeout(() => {
        arm();
        task();
      }, intervalMs);
    };
    arm();
    return { dispose: () => this.clearTimeout(handle) };
  }

  /** Timers scheduled and not yet fired or cleared. */
  get activeTimers(): number {
    return this.heap.filter((item) => !this.cancelled.has(item.id)).length;
  }

  setTimeout(callback: () => void, ms: number): number {
    const id = this.nextId++;
    this.push({ at: this.time + Math.max(0, ms), id, callback });
    return id;
  }

  clearTimeout(handle: unknown): void {
    if (typeof handle === 'number') this.cancelled.add(handle);
  }

  /** Resolves after `ms` clock milliseconds; rejects with an AbortError when `signal` aborts first. */
  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(abortError());
      const onAbort = (): void => {
        this.clearTimeout(handle);
        reject(abortError());
      };
      const handle = this.setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  /** Fires every timer due within `ms` from now, in order, then sets the clock to now + `ms`. */
  async advance(ms: number): Promise<void> {
    const until = this.time + ms;
    await settle();
    for (let next = this.peek(); next !== undefined && next.at <= until; next = this.peek()) {
      this.pop();
      this.time = next.at;
      next.callback();
      await settle();
    }
    this.time = until;
  }

  /** Like `advance` up to the absolute time `until`, but returns right after an event that makes `stop` true. */
  async advanceUntil(until: number, stop: () => boolean): Promise<void> {
    await settle();
    if (stop()) return;
    for (let next = this.peek(); next !== undefined && next.at <= until; next = this.peek()) {
      this.pop();
      this.time = next.at;
      next.callback();
      await settle();
      if (stop()) return;
    }
    this.time = Math.max(this.time, until);
  }

  /** Fires timers until none is left (or `maxEvents` fired, against runaway loops). */
  async runUntilIdle(maxEvents = 1_000_000): Promise<void> {
    await settle();
    for (let fired = 0, next = this.peek(); next !== undefined && fired < maxEvents; fired++, next = this.peek()) {
      this.pop();
      this.time = next.at;
      next.callback();
      await settle();
    }
  }

  private peek(): Scheduled | undefined {
    while (this.heap.length > 0 && this.cancelled.has(this.heap[0].id)) {
      this.cancelled.delete(this.heap[0].id);
      this.pop();
    }
    return this.heap[0];
  }

  private push(item: Scheduled): void {
    const heap = this.heap;
    heap.push(item);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!earlier(heap[i], heap[parent])) break;
      [heap[i], heap[parent]] = [heap[parent], heap[i]];
      i = parent;
    }
  }

  private pop(): void {
    const heap = this.heap;
    const last = heap.pop();
    if (last === undefined || heap.length === 0) return;
    heap[0] = last;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let smallest = i;
      if (left < heap.length && earlier(heap[left], heap[smallest])) smallest = left;
      if (right < heap.length && earlier(heap[right], heap[smallest])) smallest = right;
      if (smallest === i) return;
      [heap[i], heap[smallest]] = [heap[smallest], heap[i]];
      i = smallest;
    }
  }
}

function earlier(a: Scheduled, b: Scheduled): boolean {
  return a.at < b.at || (a.at === b.at && a.id < b.id);
}

/** Lets every pending promise continuation run (a macrotask turn drains the microtask queue). */
export function settle(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

function abortError(): Error {
  const error = new Error('aborted');
  error.name = 'AbortError';
  return error;
}
