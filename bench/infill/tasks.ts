/**
 * Fill-in-the-middle tasks in the format of openai/human-eval-infilling (one JSON object a line,
 * gzipped or not): `task_id`, `entry_point`, `prompt` (the code before the gap), `suffix` (after
 * it), `canonical_solution` (the gap's text) and `test` (a Python `check(candidate)`). Source of the
 * format and the pass rule: ../shared/humaneval-infilling/README.md.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import * as z from 'zod';

export const InfillTaskSchema = z.object({
  task_id: z.string(),
  entry_point: z.string(),
  prompt: z.string(),
  suffix: z.string(),
  canonical_solution: z.string(),
  test: z.string(),
});

export type InfillTask = z.infer<typeof InfillTaskSchema>;

/** The tasks of `file`; a line that is not a task is an error naming the file and line. */
export function loadInfillTasks(file: string): InfillTask[] {
  const bytes = readFileSync(file);
  // gzip's magic bytes, whatever the file is called.
  const text = (bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes).toString('utf8');
  return text
    .split('\n')
    .map((line, index) => ({ line, index }))
    .filter(({ line }) => line.trim() !== '')
    .map(({ line, index }) => {
      let json: unknown;
      try {
        json = JSON.parse(line);
      } catch (error) {
        throw new Error(`${file}:${index + 1}: not JSON (${error instanceof Error ? error.message : String(error)})`);
      }
      const parsed = InfillTaskSchema.safeParse(json);
      if (!parsed.success) throw new Error(`${file}:${index + 1}: not an infilling task (${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')})`);
      return parsed.data;
    });
}

/** The program a task's test runs: the code with `middle` in the gap, the test, and the call of `check`. */
export function testProgram(task: InfillTask, code: string): string {
  return `${code}\n${task.test}\ncheck(${task.entry_point})\n`;
}
