/**
 * Section `apply`: the chat's Apply to file over the apply corpus (bench/apply/corpus.ts: 16 answer
 * shapes in 5 languages), against the old heuristic in the same run. Targets from issue 26:
 * silentWrong = 0 and placedRight ≥ 0.97 (both shares of all pairs); refused is reported.
 */
import { benchApply, type PairOutcome, type PairResult } from './apply/benchApply';
import { applyCorpus } from './apply/corpus';
import { atLeast, atMost, type Figure, type SectionResult } from './figure';
import { round } from './stats';

export const APPLY_TARGETS = { placedRight: 0.97, silentWrong: 0 };

interface Shares {
  placedRight: number;
  silentWrong: number;
  refused: number;
}

function shares(outcomes: readonly PairOutcome[]): Shares {
  const share = (pick: (outcome: PairOutcome) => boolean) => round(outcomes.filter(pick).length / outcomes.length, 3);
  return {
    // A pair whose right outcome is a refusal is placed right when Apply refuses it.
    placedRight: share((outcome) => outcome === 'right' || outcome === 'refusedRight'),
    silentWrong: share((outcome) => outcome === 'silentWrong'),
    refused: share((outcome) => outcome === 'refusedRight' || outcome === 'refusedWrong'),
  };
}

function byShape(results: readonly PairResult[]): Record<string, { apply: Shares; baseline: Shares }> {
  const shapes = [...new Set(results.map((result) => result.shape))];
  return Object.fromEntries(
    shapes.map((shape) => {
      const of = results.filter((result) => result.shape === shape);
      return [shape, { apply: shares(of.map((result) => result.outcome)), baseline: shares(of.map((result) => result.baseline)) }];
    }),
  );
}

export async function benchApplySection(options: { quick: boolean }): Promise<SectionResult> {
  const corpus = applyCorpus();
  const results = await benchApply(options.quick ? corpus.slice(0, 8) : corpus);
  const apply = shares(results.map((result) => result.outcome));
  const baseline = shares(results.map((result) => result.baseline));
  const languages = [...new Set(results.map((result) => result.language))];
  const section = 'apply';
  const figure = (name: keyof Shares, label: string, target?: Figure['target']): Figure => ({
    section,
    name: `${label} (${results.length} pairs, ${languages.length} languages)`,
    value: apply[name],
    unit: 'share',
    baseline: { name: 'old heuristic Apply', value: baseline[name] },
    ...(target && { target }),
  });
  const figures: Figure[] = [
    figure('placedRight', 'placedRight', atLeast(apply.placedRight, APPLY_TARGETS.placedRight, `≥ ${APPLY_TARGETS.placedRight}`)),
    figure('silentWrong', 'silentWrong', atMost(apply.silentWrong, APPLY_TARGETS.silentWrong, `= ${APPLY_TARGETS.silentWrong}`)),
    figure('refused', 'refused'),
  ];
  const mergeCalls = results.reduce((sum, result) => sum + result.mergeCalls, 0);
  return {
    figures,
    raw: {
      pairs: results.length,
      languages,
      ...apply,
      mergeCalls,
      baseline,
      byShape: byShape(results),
      misses: results.filter((result) => result.outcome === 'silentWrong' || result.outcome === 'refusedWrong'),
    },
  };
}
