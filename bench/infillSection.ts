/**
 * Section `infill`: HumanEval's single-line infilling tasks (or any file of that format, `--infill
 * FILE`) through the inline pipeline, judged by each task's own Python test (bench/infill/). Per
 * answer shape, the share of tasks that pass with the ghost text accepted, against the raw answer
 * inserted. Targets from issue 25: clean = 100 % (the pipeline never breaks a correct answer) and
 * every shape ≥ 99 %.
 */
import * as path from 'node:path';
import { atLeast, type Figure, type SectionResult } from './figure';
import { benchInfill } from './infill/benchInfill';
import { loadInfillTasks } from './infill/tasks';
import { repoRoot } from './options';
import { round } from './stats';

export const INFILL_TARGETS = { clean: 1, everyShape: 0.99 };
/** python3 processes at once: the machine is shared, and the tests are short. */
const PARALLEL = 2;
/** --quick: enough tasks to check that it runs. */
const QUICK_TASKS = 12;

export function defaultInfillFile(): string {
  return path.resolve(repoRoot(), '..', 'shared', 'humaneval-infilling', 'HumanEval-SingleLineInfilling.jsonl.gz');
}

export async function benchInfillSection(options: { file?: string; quick: boolean }): Promise<SectionResult> {
  const file = options.file ?? defaultInfillFile();
  let tasks = loadInfillTasks(file);
  if (tasks.length === 0) throw new Error(`no infilling tasks in ${file}`);
  if (options.quick) tasks = tasks.slice(0, QUICK_TASKS);
  const result = await benchInfill({ file, tasks, parallel: PARALLEL });
  const figures = result.shapes.map((shape): Figure => {
    const limit = shape.shape === 'clean' ? INFILL_TARGETS.clean : INFILL_TARGETS.everyShape;
    return {
      section: 'infill',
      name: `${shape.shape}: tasks passing their tests (${shape.tasks} tasks)`,
      value: round(shape.passShare * 100),
      unit: '%',
      baseline: { name: 'raw answer inserted', value: round(shape.baselinePassShare * 100) },
      target: atLeast(shape.passShare, limit, `≥ ${limit * 100} %`),
      ...(shape.noSuggestion + shape.timeouts > 0 && { note: `${shape.noSuggestion} without a suggestion, ${shape.timeouts} timed out` }),
    };
  });
  if (result.truthFails.length > 0) {
    figures.push({ section: 'infill', name: 'tasks whose true middle fails its test (left out)', value: result.truthFails.length, unit: 'tasks', note: result.truthFails.slice(0, 5).join(', ') });
  }
  return { figures, raw: { ...result, file: path.basename(file) } };
}
