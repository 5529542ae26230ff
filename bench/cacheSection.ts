/**
 * Section `cache`: what xAI's prompt cache saves on inline completions (bench/inline/promptCost.ts),
 * the pipeline's prompt layout and cache key against today's layout without a key. Targets from the
 * issue: cachedPromptShare ≥ 0.7 after each file's first request, and cost per 1,000 accepted
 * characters ≤ 0.5 × the baseline's.
 */
import { atLeast, atMost, type Figure, type SectionResult } from './figure';
import { builtInCorpusDir, loadSources } from './inline/corpus';
import { benchPromptCost } from './inline/promptCost';
import { round } from './stats';

export const CACHE_TARGETS = { cachedPromptShare: 0.7, costRatio: 0.5 };
const QUICK = { files: 2, keystrokes: 60 };

export async function benchCacheSection(options: { sources?: string; quick: boolean }): Promise<SectionResult> {
  let files = loadSources(options.sources ?? builtInCorpusDir());
  if (files.length === 0) throw new Error(`no source files found in ${options.sources ?? 'the built-in corpus'}`);
  if (options.quick) files = files.slice(0, QUICK.files);
  const result = await benchPromptCost(files, options.quick ? { maxKeystrokes: QUICK.keystrokes } : {});
  const { pipeline, baseline } = result;
  const section = 'cache';
  const ratio = baseline.costPer1000AcceptedCharsUsd === 0 ? null : pipeline.costPer1000AcceptedCharsUsd / baseline.costPer1000AcceptedCharsUsd;
  const figures: Figure[] = [
    {
      section,
      name: `prompt tokens served from the cache, after each file's first request (${pipeline.requests} requests)`,
      value: round(pipeline.cachedPromptShare * 100),
      unit: '%',
      baseline: { name: "today's layout, no cache key", value: round(baseline.cachedPromptShare * 100) },
      target: atLeast(pipeline.cachedPromptShare, CACHE_TARGETS.cachedPromptShare, `≥ ${CACHE_TARGETS.cachedPromptShare * 100} %`),
    },
    {
      section,
      name: 'cost per 1,000 accepted characters at grok-4.3 prices',
      value: round(pipeline.costPer1000AcceptedCharsUsd * 1000),
      unit: 'milli-USD',
      baseline: { name: "today's layout, no cache key", value: round(baseline.costPer1000AcceptedCharsUsd * 1000) },
      ...(ratio !== null && { ratio: round(ratio) }),
      target: atMost(ratio, CACHE_TARGETS.costRatio, `≤ ${CACHE_TARGETS.costRatio}× baseline`),
      note: `${result.latencyMs} ms model, realistic answers; ${pipeline.acceptedChars} accepted characters`,
    },
    {
      section,
      name: 'cost per accepted suggestion (costPerAcceptedSuggestionUsd) at grok-4.3 prices, every request counted',
      value: round(pipeline.costPerAcceptedSuggestionUsd * 1e6),
      unit: 'micro-USD',
      baseline: { name: "today's layout, no cache key", value: round(baseline.costPerAcceptedSuggestionUsd * 1e6) },
      ...(baseline.costPerAcceptedSuggestionUsd > 0 && { ratio: round(pipeline.costPerAcceptedSuggestionUsd / baseline.costPerAcceptedSuggestionUsd) }),
      note: `${pipeline.acceptedSuggestions} accepted suggestions over ${pipeline.requests} requests`,
    },
    {
      section,
      name: `cost per accepted suggestion at the prices of the inline "auto" model (${result.auto.model}), every request counted`,
      value: round(result.auto.pipeline.costPerAcceptedSuggestionUsd * 1e6),
      unit: 'micro-USD',
      baseline: { name: "today's layout, no cache key", value: round(result.auto.baseline.costPerAcceptedSuggestionUsd * 1e6) },
      ...(result.auto.baseline.costPerAcceptedSuggestionUsd > 0 && { ratio: round(result.auto.pipeline.costPerAcceptedSuggestionUsd / result.auto.baseline.costPerAcceptedSuggestionUsd) }),
      note: `per 1,000 accepted characters: ${round(result.auto.pipeline.costPer1000AcceptedCharsUsd * 1000)} milli-USD (baseline ${round(result.auto.baseline.costPer1000AcceptedCharsUsd * 1000)})`,
    },
  ];
  return { figures, raw: result };
}
