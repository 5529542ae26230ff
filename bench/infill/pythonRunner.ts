/**
 * Runs Python programs (a task's code and its own test) under `python3`, as the upstream
 * human-eval-infilling harness does: each in a fresh process with a time-out (3 s), in a temp
 * folder of its own, without network. A few worker processes run at once; each worker is a small
 * Python driver that forks one child per program (a fork of a started interpreter costs about a
 * millisecond, a new interpreter tens), so thousands of tests run in a minute. In the child, before
 * the program runs: stdin/stdout/stderr go to /dev/null, the working folder is the program's own,
 * SIGALRM ends it after the time-out (and RLIMIT_CPU backs that up), memory is capped, and every
 * socket function raises (no network). A program passes when it exits 0.
 */
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { createInterface } from 'node:readline';
import * as z from 'zod';

export const TEST_TIMEOUT_S = 3;
const MEMORY_LIMIT_BYTES = 2 * 1024 ** 3;

export type ProgramVerdict = 'pass' | 'fail' | 'timeout';

const DRIVER = String.raw`
import json, os, resource, signal, sys, tempfile
root, timeout, memory = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])

def no_network(*args, **kwargs):
    raise OSError("network is disabled in the infill benchmark")

def run(program):
    os.chdir(tempfile.mkdtemp(dir=root))
    null = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1, 2):
        os.dup2(null, fd)
    resource.setrlimit(resource.RLIMIT_CPU, (timeout + 1, timeout + 2))
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    import socket
    for name in ("socket", "create_connection", "create_server", "getaddrinfo", "socketpair", "fromfd"):
        setattr(socket, name, no_network)
    signal.alarm(timeout)
    exec(compile(program, "task.py", "exec"), {"__name__": "__main__"})

for line in sys.stdin:
    job = json.loads(line)
    pid = os.fork()
    if pid == 0:
        try:
            run(job["program"])
            code = 0
        except BaseException:
            code = 1
        os._exit(code)
    _, status = os.waitpid(pid, 0)
    if os.WIFSIGNALED(status):
        verdict = "timeout" if os.WTERMSIG(status) in (signal.SIGALRM, signal.SIGXCPU) else "fail"
    else:
        verdict = "pass" if os.WEXITSTATUS(status) == 0 else "fail"
    sys.stdout.write(json.dumps({"id": job["id"], "verdict": verdict}) + "\n")
    sys.stdout.flush()
`;

const ReplySchema = z.object({ id: z.number().int(), verdict: z.enum(['pass', 'fail', 'timeout']) });

interface Worker {
  process: ChildProcessWithoutNullStreams;
  busy: number;
}

interface Pending {
  resolve(verdict: ProgramVerdict): void;
  reject(error: Error): void;
}

export class PythonRunner {
  private readonly root = mkdtempSync(path.join(tmpdir(), 'grok-infill-'));
  private readonly workers: Worker[] = [];
  private readonly waiting = new Map<number, Pending>();
  private readonly byProgram = new Map<string, Promise<ProgramVerdict>>();
  private nextId = 0;
  private failure: Error | undefined;
  /** Programs actually run (the same program is run once). */
  ran = 0;

  constructor(parallel: number, python = 'python3') {
    const driver = path.join(this.root, 'driver.py');
    writeFileSync(driver, DRIVER);
    for (let i = 0; i < parallel; i++) {
      const child = spawn(python, ['-I', driver, this.root, String(TEST_TIMEOUT_S), String(MEMORY_LIMIT_BYTES)], {
        cwd: this.root,
        // No proxy or Python settings from the bench's environment reach the tests.
        env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: this.root, LANG: 'C.UTF-8' },
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      const worker: Worker = { process: child, busy: 0 };
      createInterface({ input: child.stdout }).on('line', (line) => this.reply(line));
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.on('error', (error) => this.fail(new Error(`python3 could not start: ${error.message}`)));
      child.on('exit', (code) => {
        if (this.waiting.size > 0) this.fail(new Error(`a python3 worker exited (${code ?? 'signal'}) with tests pending: ${stderr.slice(0, 500)}`));
      });
      this.workers.push(worker);
    }
  }

  /** The verdict of `program`; the same program text is run once. */
  run(program: string): Promise<ProgramVerdict> {
    let verdict = this.byProgram.get(program);
    if (verdict === undefined) {
      verdict = this.start(program);
      this.byProgram.set(program, verdict);
    }
    return verdict;
  }

  /**
   * Ends the workers, waits for them to exit, then removes the temp folder with everything the tests
   * wrote. The removal retries: a program's own grandchild can still be writing there for a moment.
   */
  async close(): Promise<void> {
    const exited = this.workers.map((worker) => (worker.process.exitCode !== null || worker.process.signalCode !== null ? Promise.resolve() : new Promise<void>((resolve) => worker.process.once('exit', () => resolve()))));
    for (const worker of this.workers) worker.process.stdin.end();
    await Promise.all(exited);
    rmSync(this.root, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 });
  }

  private start(program: string): Promise<ProgramVerdict> {
    if (this.failure !== undefined) return Promise.reject(this.failure);
    const id = this.nextId++;
    const worker = this.workers.reduce((least, w) => (w.busy < least.busy ? w : least));
    worker.busy++;
    this.ran++;
    return new Promise<ProgramVerdict>((resolve, reject) => {
      const done = (verdict: ProgramVerdict): void => {
        worker.busy--;
        resolve(verdict);
      };
      this.waiting.set(id, { resolve: done, reject });
      worker.process.stdin.write(`${JSON.stringify({ id, program })}\n`);
    });
  }

  private reply(line: string): void {
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      json = undefined;
    }
    const parsed = ReplySchema.safeParse(json);
    if (!parsed.success) return this.fail(new Error(`unexpected reply from the python3 driver: ${line.slice(0, 200)}`));
    this.waiting.get(parsed.data.id)?.resolve(parsed.data.verdict);
    this.waiting.delete(parsed.data.id);
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const pending of this.waiting.values()) pending.reject(error);
    this.waiting.clear();
  }
}
