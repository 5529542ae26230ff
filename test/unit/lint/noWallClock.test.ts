/**
 * No unit test may depend on wall-clock time or the machine's load: a test reads time only from a
 * FakeClock (test/support/fakeClock.ts) or a stopwatch it controls. This scans every unit-test
 * source for the ways tests have measured real time: performance.now(), process.hrtime, and an
 * elapsed Date.now() compared against a bound.
 */
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOTS = ['test/unit', 'test/support'];
const WALL_CLOCK = [/\bperformance\.now\(/, /\bprocess\.hrtime\b/, /Date\.now\(\)\s*-\s*\w+\s*[<>]=?/];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

/** `file:line: text` for each line of `text` that reads the wall clock. */
export function wallClockReads(file: string, text: string): string[] {
  return text.split('\n').flatMap((line, i) => (WALL_CLOCK.some((pattern) => pattern.test(line)) ? [`${file}:${i + 1}: ${line.trim()}`] : []));
}

describe('lint: unit tests do not read the wall clock', () => {
  it('finds each way of measuring real time', () => {
    assert.equal(wallClockReads('a.ts', 'stopwatch: () => performance.now(),').length, 1);
    assert.equal(wallClockReads('a.ts', 'const t = process.hrtime.bigint();').length, 1);
    assert.equal(wallClockReads('a.ts', 'assert.ok(Date.now() - started < 3000);').length, 1);
    assert.deepEqual(wallClockReads('a.ts', 'const clock = new FakeClock(Date.parse("2026-11-25T12:00:00Z"));\nnow: clock.now,'), []);
  });

  it('holds for every unit-test source', () => {
    const root = process.cwd();
    const found = ROOTS.flatMap((dir) => sources(join(root, dir)))
      .filter((path) => !path.endsWith('noWallClock.test.ts'))
      .flatMap((path) => wallClockReads(relative(root, path), readFileSync(path, 'utf8')));
    assert.deepEqual(found, []);
  });
});
