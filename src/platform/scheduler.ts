/** Repeating work behind a seam, so the health monitor and the retention job are tested with a fake clock. */
export interface Scheduler {
  /** Runs `task` every `intervalMs` (first run one interval from now) until disposed. */
  every(task: () => void, intervalMs: number): { dispose(): void };
}

export const systemScheduler: Scheduler = {
  every(task, intervalMs) {
    const handle = setInterval(task, intervalMs);
    // Never the reason the extension host stays alive.
    handle.unref();
    return { dispose: () => clearInterval(handle) };
  },
};
