/**
 * Section `quality`: inline suggestions under the noise chat models add (bench/inline/quality.ts),
 * the pipeline against a baseline that inserts the raw answer. Targets from the issue: exactShare
 * ≥ 0.98 and corruptShare ≤ 0.005 for the pipeline; noneShare is reported.
 */
import { atLeast, atMost, type Figure, type SectionResult } from './figure';
import { builtInCorpusDir, loadSources } from './inline/corpus';
import { benchQuality } from './inline/quality';
import { round } from './stats';

export const QUALITY_TARGETS = { exactShare: 0.98, corruptShare: 0.005 };
/** --quick: a few files are enough to check that it runs. */
const QUICK_FILES = 2;

export async function benchQualitySection(options: { sources?: string; quick: boolean }): Promise<SectionResult> {
  let files = loadSources(options.sources ?? builtInCorpusDir());
  if (files.length === 0) throw new Error(`no source files found in ${options.sources ?? 'the built-in corpus'}`);
  if (options.quick) files = files.slice(0, QUICK_FILES);
  const result = await benchQuality(files);
  const { pipeline, baseline } = result;
  const section = 'quality';
  const share = (name: string, pick: (s: typeof pipeline) => number, target?: Figure['target']): Figure => ({
    section,
    name: `${name} (${pipeline.points} points)`,
    value: round(pick(pipeline) * 100),
    unit: '%',
    baseline: { name: 'raw answer inserted', value: round(pick(baseline) * 100) },
    ...(target && { target }),
  });
  const figures: Figure[] = [
    share('shown suggestions exactly right', (s) => s.exactShare, atLeast(pipeline.exactShare, QUALITY_TARGETS.exactShare, `≥ ${QUALITY_TARGETS.exactShare * 100} %`)),
    share('shown suggestions that corrupt the code', (s) => s.corruptShare, atMost(pipeline.corruptShare, QUALITY_TARGETS.corruptShare, `≤ ${QUALITY_TARGETS.corruptShare * 100} %`)),
    share('points with no suggestion', (s) => s.noneShare),
  ];
  return { figures, raw: result };
}
