/**
 * The noise real chat models add to an inline answer, applied to the true continuation of a
 * completion point. Each kind comes at a share (NOISE_SHARES, documented in bench/README.md); a
 * point where its kind cannot apply (no tab indentation, not a Python block, no bracket or quote to
 * auto-close, a line of one character to echo) gets the clean answer and is counted as clean.
 */
import { type CompletionPoint, autoClosedPoint } from './completionPoints';

export type NoiseKind =
  | 'clean'
  | 'echoed-line'
  | 'echoed-prefix'
  | 'prose-preamble'
  | 'fences'
  | 'prompt-tags'
  | 'spaces-in-tab-file'
  | 'wrong-python-indent'
  | 'cut-by-max-tokens'
  | 'auto-closed-suffix';

/** The share of points drawn for each kind; they add up to 1. */
export const NOISE_SHARES: Readonly<Record<NoiseKind, number>> = {
  clean: 0.2,
  'echoed-line': 0.1,
  'echoed-prefix': 0.1,
  'prose-preamble': 0.1,
  fences: 0.1,
  'prompt-tags': 0.1,
  'spaces-in-tab-file': 0.05,
  'wrong-python-indent': 0.05,
  'cut-by-max-tokens': 0.1,
  'auto-closed-suffix': 0.1,
};

export interface NoisyAnswer {
  kind: NoiseKind;
  /** The point, moved for `auto-closed-suffix`. */
  point: CompletionPoint;
  answer: string;
  finishReason: 'stop' | 'length';
}

/** Draws a kind by its share from `random()` in [0, 1). */
export function drawNoiseKind(random: number): NoiseKind {
  let sum = 0;
  for (const [kind, share] of Object.entries(NOISE_SHARES) as [NoiseKind, number][]) {
    sum += share;
    if (random < sum) return kind;
  }
  return 'clean';
}

export function noisyAnswer(point: CompletionPoint, kind: NoiseKind, languageId: string): NoisyAnswer {
  const clean: NoisyAnswer = { kind: 'clean', point, answer: point.truth, finishReason: 'stop' };
  const linePrefix = point.prefix.slice(point.prefix.lastIndexOf('\n') + 1);
  const fenced = (code: string) => `\`\`\`${languageId}\n${code}\n\`\`\``;
  switch (kind) {
    case 'clean':
      return clean;
    case 'echoed-line':
      // One character (`/` + `/ comment`) cannot be told from a continuation that starts with it.
      if (linePrefix.trim().length < 2) return clean;
      return { ...clean, kind, answer: linePrefix.trimStart() + point.truth };
    case 'echoed-prefix': {
      const before = point.prefix.split('\n').slice(-4, -1);
      if (before.length === 0) return noisyAnswer(point, 'echoed-line', languageId);
      return { ...clean, kind, answer: [...before, linePrefix + point.truth].join('\n') };
    }
    case 'prose-preamble':
      return { ...clean, kind, answer: `Here is the completion for the code at the cursor:\n${fenced(point.truth)}\nThis completes the statement.` };
    case 'fences':
      return { ...clean, kind, answer: fenced(point.truth) };
    case 'prompt-tags':
      return { ...clean, kind, answer: `${point.truth}\n</file>\nComplete the current line only.` };
    case 'spaces-in-tab-file': {
      if (!/\n\t/.test(point.truth)) return clean;
      return { ...clean, kind, answer: point.truth.replace(/^\t+/gm, (tabs) => '    '.repeat(tabs.length)) };
    }
    case 'wrong-python-indent': {
      if (languageId !== 'python' || point.kind !== 'block' || !/:\s*$/.test(linePrefix)) return clean;
      return { ...clean, kind, answer: point.truth.replace(/^ {4}/gm, '') };
    }
    case 'cut-by-max-tokens': {
      // The model went on past the truth and max_tokens cut it in the middle of the next line.
      const next = point.suffix.split('\n').find((line, i) => i > 0 && line.trim().length >= 4);
      if (next === undefined) return clean;
      return { ...clean, kind, answer: `${point.truth}\n${next.slice(0, Math.ceil(next.length / 2))}`, finishReason: 'length' };
    }
    case 'auto-closed-suffix': {
      const moved = autoClosedPoint(point);
      return moved === undefined ? clean : { kind, point: moved, answer: moved.truth, finishReason: 'stop' };
    }
  }
}
