/** A clock and Scheduler for tests: time moves only when `advance` is called, and due tasks run then. */
import { type Scheduler } from '../../src/platform/scheduler';

interface Task {
  run: () => void;
  intervalMs: number;
  due: number;
  active: boolean;
}

export class FakeClock implements Scheduler {
  private tasks: Task[] = [];

  constructor(public time = Date.parse('2026-11-25T12:00:00Z')) {}

  readonly now = (): number => this.time;

  every(run: () => void, intervalMs: number): { dispose(): void } {
    const task = { run, intervalMs, due: this.time + intervalMs, active: true };
    this.tasks.push(task);
    return {
      dispose: () => {
        task.active = false;
        this.tasks = this.tasks.filter((t) => t !== task);
      },
    };
  }

  get activeTimers(): number {
    return this.tasks.length;
  }

  /** Moves time forward, running each task as often as it fell due, then lets promises settle. */
  async advance(ms: number): Promise<void> {
    const end = this.time + ms;
    for (;;) {
      const next = this.tasks.filter((t) => t.active && t.due <= end).sort((a, b) => a.due - b.due)[0];
      if (!next) break;
      this.time = next.due;
      next.due += next.intervalMs;
      next.run();
      await settle();
    }
    this.time = end;
    await settle();
  }
}

export async function settle(): Promise<void> {
  for (let i = 0; i < 10; i++) await new Promise((done) => setImmediate(done));
}
