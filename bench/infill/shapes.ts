/**
 * The answer shapes the infill section asks the pipeline with: the quality section's noise kinds
 * (bench/inline/noise.ts) where they apply to a gap, and three a gap at a line's start calls for:
 * - `echoed-suffix`: the middle, then the next two lines after the gap re-typed;
 * - `restated-line-above`: the line above the gap, then the middle (a model restarting the line
 *   before the cursor, what `echoed-line` is when the cursor stands at a line's start);
 * - `tab-indented`: the middle with its indentation in tabs, one per four spaces (the file's tab
 *   rule broken: the file indents with spaces);
 * - `body-at-opener-level`: below a Python compound statement (`if …:`), the middle one level too
 *   shallow, at the opener's level (the language's indentation rule broken).
 * A shape that does not apply to a task (nothing to restate, no suffix, no indentation) is not
 * asked there; each shape's share is over the tasks it applies to.
 */
import type { CompletionPoint } from '../inline/completionPoints';
import { type NoiseKind, type NoisyAnswer, noisyAnswer } from '../inline/noise';
import type { InfillTask } from './tasks';

export type InfillShape =
  | Exclude<NoiseKind, 'spaces-in-tab-file' | 'wrong-python-indent' | 'auto-closed-suffix'>
  | 'echoed-suffix'
  | 'restated-line-above'
  | 'tab-indented'
  | 'body-at-opener-level';

export const INFILL_SHAPES: readonly InfillShape[] = [
  'clean',
  'fences',
  'prose-preamble',
  'echoed-line',
  'restated-line-above',
  'echoed-prefix',
  'echoed-suffix',
  'prompt-tags',
  'cut-by-max-tokens',
  'tab-indented',
  'body-at-opener-level',
];

const COMPOUND_OPENER = /^\s*(if|elif|else|for|while|def|class|try|except|finally|with)\b.*:\s*$/;

/** The document `prompt █ suffix` as a completion point whose truth is the task's middle. */
export function pointOf(task: InfillTask): CompletionPoint {
  const { prompt, suffix, canonical_solution: middle } = task;
  return { kind: middle.includes('\n') ? 'block' : 'line', prefix: prompt, suffix, truth: middle, text: prompt + middle + suffix };
}

/** The model's answer in `shape` at the task's gap, or undefined where the shape does not apply. */
export function infillAnswer(task: InfillTask, shape: InfillShape): NoisyAnswer | undefined {
  const point = pointOf(task);
  const middle = point.truth;
  const answer = (text: string): NoisyAnswer => ({ kind: 'clean', point, answer: text, finishReason: 'stop' });
  const lines = point.prefix.split('\n');
  const linePrefix = lines[lines.length - 1];
  switch (shape) {
    case 'echoed-suffix': {
      const next = point.suffix.split('\n').filter((line) => line.trim() !== '').slice(0, 2);
      return next.length === 0 ? undefined : answer(`${middle}${middle.endsWith('\n') ? '' : '\n'}${next.join('\n')}\n`);
    }
    case 'restated-line-above': {
      const above = lines[lines.length - 2];
      return above === undefined || above.trim() === '' || linePrefix.trim() !== '' ? undefined : answer(`${above}\n${linePrefix}${middle}`);
    }
    case 'tab-indented': {
      if (!/^( {4})+/m.test(middle)) return undefined;
      return answer(middle.replace(/^( {4})+/gm, (spaces) => '\t'.repeat(spaces.length / 4)));
    }
    case 'body-at-opener-level': {
      const above = lines.slice(0, -1).reverse().find((line) => line.trim() !== '');
      if (above === undefined || !COMPOUND_OPENER.test(above) || !/^ {4}/.test(middle) || linePrefix !== '') return undefined;
      return answer(middle.replace(/^ {4}/gm, ''));
    }
    default: {
      const noisy = noisyAnswer(point, shape, 'python');
      return noisy.kind === shape ? noisy : undefined;
    }
  }
}
