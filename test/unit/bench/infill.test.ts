import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { gzipSync } from 'node:zlib';
import { benchInfill } from '../../../bench/infill/benchInfill';
import { PythonRunner } from '../../../bench/infill/pythonRunner';
import { infillAnswer } from '../../../bench/infill/shapes';
import { type InfillTask, loadInfillTasks } from '../../../bench/infill/tasks';

const TASK: InfillTask = {
  task_id: 'Test/0',
  entry_point: 'add',
  prompt: 'def add(a, b):\n    if a is None:\n        return b\n',
  canonical_solution: '    return a + b\n',
  suffix: '\n',
  test: 'def check(candidate):\n    assert candidate(1, 2) == 3\n    assert candidate(None, 2) == 2\n',
};

/** A random-span gap: it starts and ends mid-line. */
const SPAN_TASK: InfillTask = { ...TASK, task_id: 'Test/1', prompt: 'def add(a, b):\n    if a is None:\n        return b\n    return a ', canonical_solution: '+ ', suffix: 'b\n' };

describe('bench infill', function () {
  this.timeout(60_000);

  it('runs programs under python3: exit 0 passes, an exception fails, a hang times out, sockets are disabled, the working folder is a temp one', async () => {
    const runner = new PythonRunner(2);
    try {
      const [pass, fail, hang, network, cwd] = await Promise.all([
        runner.run('x = 1\n'),
        runner.run('raise ValueError("no")\n'),
        runner.run('while True:\n    pass\n'),
        runner.run('import socket\nsocket.create_connection(("127.0.0.1", 9))\n'),
        runner.run('import os, tempfile\nassert os.getcwd().startswith(tempfile.gettempdir())\nopen("scratch.txt", "w").write("x")\n'),
      ]);
      assert.deepEqual([pass, fail, hang, network, cwd], ['pass', 'fail', 'timeout', 'fail', 'pass']);
      assert.equal(runner.ran, 5);
      assert.equal(await runner.run('x = 1\n'), 'pass');
      assert.equal(runner.ran, 5, 'the same program is run once');
    } finally {
      await runner.close();
    }
  });

  it('loads gzipped and plain task files and names the file and line of a bad one', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'infill-test-'));
    try {
      const lines = `${JSON.stringify(TASK)}\n${JSON.stringify(SPAN_TASK)}\n`;
      writeFileSync(path.join(dir, 'tasks.jsonl.gz'), gzipSync(lines));
      writeFileSync(path.join(dir, 'tasks.jsonl'), lines);
      assert.deepEqual(loadInfillTasks(path.join(dir, 'tasks.jsonl.gz')), [TASK, SPAN_TASK]);
      assert.deepEqual(loadInfillTasks(path.join(dir, 'tasks.jsonl')), [TASK, SPAN_TASK]);
      writeFileSync(path.join(dir, 'bad.jsonl'), `${JSON.stringify(TASK)}\n{"task_id": 3}\n`);
      assert.throws(() => loadInfillTasks(path.join(dir, 'bad.jsonl')), /bad\.jsonl:2: not an infilling task/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a shape applies only where it can: body-at-opener-level needs a compound statement above', () => {
    assert.equal(infillAnswer(TASK, 'body-at-opener-level'), undefined, 'the line above is a return, not an opener');
    const underIf: InfillTask = { ...TASK, prompt: 'def add(a, b):\n    if a is None:\n', canonical_solution: '        return b\n', suffix: '    return a + b\n' };
    assert.equal(infillAnswer(underIf, 'body-at-opener-level')?.answer, '    return b\n');
  });

  it('judges the pipeline and the raw answer by the tasks own tests, also for a gap mid-line', async () => {
    const broken: InfillTask = { ...TASK, task_id: 'Test/broken', canonical_solution: '    return a - b\n' };
    const result = await benchInfill({ file: 'tasks.jsonl', tasks: [TASK, SPAN_TASK, broken], parallel: 2 });
    assert.deepEqual(result.truthFails, ['Test/broken']);
    const clean = result.shapes.find((shape) => shape.shape === 'clean');
    assert.deepEqual([clean?.tasks, clean?.passShare, clean?.baselinePassShare], [2, 1, 1]);
    const fences = result.shapes.find((shape) => shape.shape === 'fences');
    assert.equal(fences?.baselinePassShare, 0, 'a fenced answer inserted raw is a syntax error');
    assert.equal(fences?.passShare, 1);
  });
});
