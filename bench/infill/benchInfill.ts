/**
 * The infill benchmark: for every task of a human-eval-infilling file, the document `prompt █
 * suffix` is asked of the real CompletionEngine (no reuse, asked explicitly, on a virtual clock)
 * whose scripted model answers the task's true middle in each answer shape (shapes.ts); the ghost
 * text is accepted, and the task's own test decides under python3 (pythonRunner.ts). The baseline
 * inserts the raw answer in the gap. Tasks whose true middle fails its test (on a slow machine a
 * time-out, or a broken task) are counted and left out of every share.
 */
import { askPipeline, scriptedPipeline } from '../inline/quality';
import { INFILL_SHAPES, type InfillShape, infillAnswer } from './shapes';
import { type ProgramVerdict, PythonRunner } from './pythonRunner';
import { type InfillTask, testProgram } from './tasks';

export interface ShapeResult {
  shape: InfillShape;
  /** Tasks the shape applies to (and whose true middle passes). */
  tasks: number;
  /** Share of those tasks whose test passes with the pipeline's ghost text accepted. */
  passShare: number;
  /** The same with the raw answer inserted. */
  baselinePassShare: number;
  /** Of the pipeline's failures: no suggestion shown, or a time-out. */
  noSuggestion: number;
  timeouts: number;
}

export interface InfillResult {
  file: string;
  tasks: number;
  /** Tasks whose true middle fails its own test: not counted. */
  truthFails: string[];
  shapes: ShapeResult[];
  /** Python programs run (each distinct program once). */
  programsRun: number;
  /** A few failures of the pipeline, for looking into. */
  examples: Array<{ task: string; shape: InfillShape; answer: string; shown: string | null; verdict: ProgramVerdict }>;
}

export interface InfillOptions {
  file: string;
  tasks: readonly InfillTask[];
  /** python3 processes running tests at once. */
  parallel: number;
}

const MAX_EXAMPLES = 30;

interface Trial {
  task: InfillTask;
  shape: InfillShape;
  answer: string;
  shown: string | undefined;
  pipeline: Promise<ProgramVerdict>;
  baseline: Promise<ProgramVerdict>;
}

export async function benchInfill(options: InfillOptions): Promise<InfillResult> {
  const runner = new PythonRunner(options.parallel);
  try {
    const truth = options.tasks.map((task) => runner.run(testProgram(task, task.prompt + task.canonical_solution + task.suffix)));
    const pipeline = scriptedPipeline();
    const trials: Trial[] = [];
    for (const task of options.tasks) {
      for (const shape of INFILL_SHAPES) {
        const noisy = infillAnswer(task, shape);
        if (noisy === undefined) continue;
        const outcome = await askPipeline(pipeline, noisy, { relativePath: `${task.task_id.replace(/[^\w.-]+/g, '_')}.py`, languageId: 'python' });
        const shown = outcome.kind === 'suggestion' ? outcome : undefined;
        const accepted = shown === undefined ? task.prompt + task.suffix : task.prompt + shown.text + task.suffix.slice(shown.replaceLength);
        trials.push({
          task,
          shape,
          answer: noisy.answer,
          shown: shown?.text,
          pipeline: runner.run(testProgram(task, accepted)),
          baseline: runner.run(testProgram(task, task.prompt + noisy.answer + task.suffix)),
        });
      }
    }
    const truthVerdicts = await Promise.all(truth);
    const truthFails = new Set(options.tasks.filter((_, i) => truthVerdicts[i] !== 'pass').map((task) => task.task_id));
    const counted = trials.filter((trial) => !truthFails.has(trial.task.task_id));
    const verdicts = await Promise.all(counted.map(async (trial) => ({ trial, pipeline: await trial.pipeline, baseline: await trial.baseline })));
    const shapes = INFILL_SHAPES.map((shape): ShapeResult => {
      const of = verdicts.filter((v) => v.trial.shape === shape);
      const share = (pick: (v: (typeof of)[number]) => ProgramVerdict) => (of.length === 0 ? 0 : of.filter((v) => pick(v) === 'pass').length / of.length);
      return {
        shape,
        tasks: of.length,
        passShare: share((v) => v.pipeline),
        baselinePassShare: share((v) => v.baseline),
        noSuggestion: of.filter((v) => v.pipeline !== 'pass' && v.trial.shown === undefined).length,
        timeouts: of.filter((v) => v.pipeline === 'timeout').length,
      };
    }).filter((result) => result.tasks > 0);
    const examples = verdicts
      .filter((v) => v.pipeline !== 'pass')
      .slice(0, MAX_EXAMPLES)
      .map((v) => ({ task: v.trial.task.task_id, shape: v.trial.shape, answer: v.trial.answer, shown: v.trial.shown ?? null, verdict: v.pipeline }));
    return { file: options.file, tasks: options.tasks.length, truthFails: [...truthFails], shapes, programsRun: runner.ran, examples };
  } finally {
    await runner.close();
  }
}
