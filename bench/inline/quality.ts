/**
 * The quality benchmark: every completion point of the corpus (completionPoints.ts) is asked of
 * the real CompletionEngine, whose simulated model answers the true continuation dressed in one
 * kind of noise (noise.ts). For the pipeline, and for a baseline that inserts the raw answer at the
 * cursor, it counts per shown suggestion whether accepting it leaves the true file exactly
 * (`exact`), a prefix of it with the rest missing (neither), or text the truth does not have
 * (`corrupt`); and the points where nothing was shown. Runs on a virtual clock, no network.
 */
import { type CompletionOutcome, CompletionEngine } from '../../src/completion/engine';
import type { CompletionModel, InlineSettings } from '../../src/completion/types';
import type { GenerateRequest, StreamEvent } from '../../src/provider/types';
import { ZERO_USAGE } from '../../src/provider/usageSchema';
import { type CompletionPoint, completionPoints } from './completionPoints';
import type { SourceFile } from './corpus';
import { type NoiseKind, type NoisyAnswer, drawNoiseKind, noisyAnswer } from './noise';
import { plainEditingInput } from './plainEditingInput';
import { randomAt } from './rng';
import { FakeClock } from '../../test/support/fakeClock';

const SETTINGS: InlineSettings = { enabled: true, disabledLanguages: [], exclude: [], debounceMinMs: 40, debounceMaxMs: 400 };
const CHUNK_CHARS = 4;

export interface QualityShares {
  points: number;
  shown: number;
  /** Of shown suggestions: acceptance gives the true file. Target ≥ 0.98 for the pipeline. */
  exactShare: number;
  /** Of shown suggestions: acceptance inserts text the true file does not have. Target ≤ 0.005. */
  corruptShare: number;
  /** Of points: nothing shown. */
  noneShare: number;
}

export interface QualityOutcome {
  noise: NoiseKind;
  verdict: 'exact' | 'partial' | 'corrupt' | 'none';
}

export interface QualityResult {
  files: string[];
  pipeline: QualityShares;
  baseline: QualityShares;
  /** Points per noise kind as applied. */
  noiseCounts: Record<string, number>;
  /** Pipeline verdicts per noise kind. */
  pipelineByNoise: Record<string, Record<QualityOutcome['verdict'], number>>;
  /** A few points the pipeline did not get exactly right (corrupt first, then partial, then none), for looking into. */
  examples: Array<{ file: string; noise: NoiseKind; verdict: string; doc: string; answer: string; shown: string }>;
}

/** Answers each request with one scripted answer, in 4-character chunks, then `done` with its finish reason. */
export class NoisyModel implements CompletionModel {
  next: NoisyAnswer | undefined;

  async *streamEvents(_request: GenerateRequest): AsyncIterable<StreamEvent> {
    const answer = this.next;
    if (answer === undefined) return;
    for (let i = 0; i < answer.answer.length; i += CHUNK_CHARS) yield { type: 'content', text: answer.answer.slice(i, i + CHUNK_CHARS) };
    const result = { content: answer.answer, reasoning: '', toolCalls: [], finishReason: answer.finishReason, model: 'simulated', usage: ZERO_USAGE };
    yield { type: 'done', result: { ...result, metadata: { requestId: 'quality', latencyMs: 0, timeToFirstTokenMs: 0 } } };
  }
}

/** A CompletionEngine on a virtual clock whose model answers what it is told. */
export interface ScriptedPipeline {
  engine: CompletionEngine;
  clock: FakeClock;
  model: NoisyModel;
}

export function scriptedPipeline(): ScriptedPipeline {
  const clock = new FakeClock();
  const model = new NoisyModel();
  return { clock, model, engine: new CompletionEngine({ model, timers: clock, reuse: false, debounce: { kind: 'fixed', ms: 0 } }) };
}

/** The pipeline's outcome at the answer's point when its model gives that answer (asked explicitly, as on Alt+\\). */
export async function askPipeline(pipeline: ScriptedPipeline, noisy: NoisyAnswer, file: Pick<SourceFile, 'relativePath' | 'languageId'>): Promise<CompletionOutcome> {
  const { point } = noisy;
  pipeline.model.next = noisy;
  const call = pipeline.engine.provideCompletion(
    {
      ...plainEditingInput({
        text: point.prefix + point.suffix,
        offset: point.prefix.length,
        uri: `file:///bench/${file.relativePath}`,
        languageId: file.languageId,
        relativePath: file.relativePath,
        absolutePath: `/bench/${file.relativePath}`,
        settings: SETTINGS,
      }),
      explicit: true,
    },
    new AbortController().signal,
  );
  await pipeline.clock.runUntilIdle();
  return call;
}

function verdictOf(point: CompletionPoint, shown: { text: string; replaceLength: number } | undefined): QualityOutcome['verdict'] {
  if (shown === undefined) return 'none';
  if (point.prefix + shown.text + point.suffix.slice(shown.replaceLength) === point.text) return 'exact';
  return point.text.startsWith(point.prefix + shown.text) ? 'partial' : 'corrupt';
}

function shares(verdicts: readonly QualityOutcome['verdict'][]): QualityShares {
  const count = (v: QualityOutcome['verdict']) => verdicts.filter((x) => x === v).length;
  const shown = verdicts.length - count('none');
  return {
    points: verdicts.length,
    shown,
    exactShare: shown === 0 ? 0 : count('exact') / shown,
    corruptShare: shown === 0 ? 0 : count('corrupt') / shown,
    noneShare: verdicts.length === 0 ? 0 : count('none') / verdicts.length,
  };
}

export async function benchQuality(files: readonly SourceFile[], seed = 1): Promise<QualityResult> {
  const pipeline: QualityOutcome['verdict'][] = [];
  const baseline: QualityOutcome['verdict'][] = [];
  const noiseCounts: Record<string, number> = {};
  const pipelineByNoise: QualityResult['pipelineByNoise'] = {};
  const examples: QualityResult['examples'] = [];
  for (const [fileIndex, file] of files.entries()) {
    const pipelineAtFile = scriptedPipeline();
    for (const [pointIndex, original] of completionPoints(file).entries()) {
      const noisy = noisyAnswer(original, drawNoiseKind(randomAt(seed, fileIndex, pointIndex)()), file.languageId);
      const { point } = noisy;
      const outcome = await askPipeline(pipelineAtFile, noisy, file);
      const shown = outcome.kind === 'suggestion' ? outcome : undefined;
      const verdict = verdictOf(point, shown);
      pipeline.push(verdict);
      baseline.push(verdictOf(point, noisy.answer.trim() === '' ? undefined : { text: noisy.answer, replaceLength: 0 }));
      noiseCounts[noisy.kind] = (noiseCounts[noisy.kind] ?? 0) + 1;
      const byNoise = (pipelineByNoise[noisy.kind] ??= { exact: 0, partial: 0, corrupt: 0, none: 0 });
      byNoise[verdict]++;
      if (verdict !== 'exact' && examples.length < 40) {
        examples.push({ file: file.relativePath, noise: noisy.kind, verdict, doc: `${point.prefix.slice(-120)}█${point.suffix.slice(0, 80)}`, answer: noisy.answer, shown: shown?.text ?? '' });
      }
    }
  }
  const order = ['corrupt', 'partial', 'none'];
  examples.sort((a, b) => order.indexOf(a.verdict) - order.indexOf(b.verdict));
  return { files: files.map((f) => f.relativePath), pipeline: shares(pipeline), baseline: shares(baseline), noiseCounts, pipelineByNoise, examples };
}
