/**
 * Runs the chosen sections one after another (never in parallel: they would disturb each other's
 * timings) and gathers their figures. A section that throws is reported as failed; the others run.
 */
import { activationInCodeServer } from './activation/codeServerActivation';
import { benchAnalyticsSection } from './analyticsSection';
import { benchApplySection } from './applySection';
import { benchCacheSection } from './cacheSection';
import { benchChatRender } from './chatRender';
import { benchConnections } from './connections';
import { benchEnvironment, type BenchEnvironment } from './environment';
import { type Figure, type SectionResult } from './figure';
import { benchInlineSection } from './inlineSection';
import { type BenchOptions, repoRoot, type SectionName } from './options';
import { benchQualitySection } from './qualitySection';
import { benchSoakSection } from './soakSection';
import { benchStartup } from './startup';
import { benchStreaming } from './streaming';

export interface BenchResults {
  environment: BenchEnvironment;
  options: BenchOptions;
  figures: Figure[];
  sections: Partial<Record<SectionName, unknown>>;
  failures: { section: SectionName; error: string }[];
}

/** Sizes per mode: --quick only checks that everything runs. */
function sizes(quick: boolean) {
  return quick
    ? { chunks: 200, warmup: 1, requests: 10, activationRuns: 3, events: 2_000, renderUpdates: 5 }
    : { chunks: 10_000, warmup: 3, requests: 100, activationRuns: 30, events: 1_000_000, renderUpdates: 60 };
}

function runSection(name: SectionName, options: BenchOptions): Promise<SectionResult> {
  const size = sizes(options.quick);
  switch (name) {
    case 'streaming':
      return benchStreaming({ chunks: size.chunks, runs: options.runs, warmup: size.warmup });
    case 'connections':
      return benchConnections({ requests: size.requests });
    case 'inline':
      return benchInlineSection({ latenciesMs: [200, 400, 1000], sources: options.sources, quick: options.quick });
    case 'quality':
      return benchQualitySection({ sources: options.sources, quick: options.quick });
    case 'cache':
      return benchCacheSection({ sources: options.sources, quick: options.quick });
    case 'startup':
      return benchStartup({
        root: repoRoot(),
        runs: size.activationRuns,
        ...(options.codeServer && { measureInVsCode: () => activationInCodeServer(repoRoot()) }),
      });
    case 'analytics':
      return benchAnalyticsSection({ events: size.events, days: 90 });
    case 'chatRender':
      return benchChatRender({ updates: size.renderUpdates, sizes: { small: 10_000, large: 100_000 } });
    case 'apply':
      return benchApplySection({ quick: options.quick });
    case 'soak':
      return benchSoakSection({ root: repoRoot(), quick: options.quick, inCodeServer: options.soakInCodeServer });
  }
}

export async function runBench(options: BenchOptions, onSection: (name: SectionName, figures: Figure[]) => void = () => undefined): Promise<BenchResults> {
  const results: BenchResults = { environment: benchEnvironment(), options, figures: [], sections: {}, failures: [] };
  for (const name of options.only) {
    try {
      const { figures, raw } = await runSection(name, options);
      results.figures.push(...figures);
      results.sections[name] = raw;
      onSection(name, figures);
    } catch (error) {
      const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
      results.failures.push({ section: name, error: message });
      const figures: Figure[] = [{ section: name, name: 'section failed', value: null, unit: '', note: message.split('\n')[0] }];
      results.figures.push(...figures);
      onSection(name, figures);
    }
  }
  return results;
}
