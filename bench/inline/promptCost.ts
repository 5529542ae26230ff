/**
 * The cache benchmark: files typed with the pipeline (400 ms model, realistic answers, the other
 * files of the corpus open as context) while a meter between the engine and the simulated model
 * prices every request against the fake server's xAI-like prompt cache (test/fake-xai/promptCache.ts),
 * twice: as the pipeline sends it (its cache key, its layout), and in the layout of the baseline,
 * the prompt before this work: snippets before the file, no cache key (`todaysLayout`).
 *
 * Prices are grok-4.3's, in xAI's ticks (1e-10 USD) per token: 12,500 input, 2,000 cached input,
 * 25,000 output ($1.25, $0.20 and $2.50 per million tokens). Tokens are counted as the fake server
 * counts them (4 characters each); output tokens are those of the content that actually streamed
 * before the pipeline aborted the request.
 */
import type { CompletionModel } from '../../src/completion/types';
import type { GenerateRequest, StreamEvent } from '../../src/provider/types';
import { CHARS_PER_TOKEN, cachedPromptTokens, type PromptCacheMemory } from '../../test/fake-xai/promptCache';
import { costUsd as costOfTokens, lastResortFactsFor, type ModelPricing } from '../../src/provider/models';
import { factsFromEntry, languageModelSchema } from '../../src/provider/catalogue';
import { chooseAutoInlineModel } from '../../src/provider/inlineModelChoice';
import { LATE_2026_CATALOGUE } from '../../test/fake-xai';
import type { SourceFile } from './corpus';
import { STRATEGIES, replay } from './replay';

/**
 * grok-4.3's prices (12500 / 2000 / 25000 ticks a token) from the core's facts, without the
 * long-context tier: every inline prompt is far below its 200K threshold, the sums below are not.
 */
const GROK_4_3_PRICING: ModelPricing = { ...lastResortFactsFor('grok-4.3')!.pricing!, longContext: undefined };
/** Other files of the corpus offered as open documents, like the editor's most recent ones. */
const OPEN_FILES = 5;

export interface LayoutCost {
  requests: number;
  promptTokens: number;
  cachedTokens: number;
  completionTokens: number;
  /** Cached ÷ prompt tokens over every request but each file's first. Target ≥ 0.7 for the pipeline. */
  cachedPromptShare: number;
  costUsd: number;
  /** Suggestions the simulated typist accepted. */
  acceptedSuggestions: number;
  acceptedChars: number;
  /** Target: ≤ 0.5 × the baseline's. */
  costPer1000AcceptedCharsUsd: number;
  /** What one accepted suggestion cost, every request (the unaccepted ones too) counted. */
  costPerAcceptedSuggestionUsd: number;
}

export interface CacheResult {
  files: string[];
  latencyMs: number;
  pipeline: LayoutCost;
  baseline: LayoutCost;
  /**
   * The same requests priced as the model `inlineCompletions.model: "auto"` picks from the fake
   * server's late-2026 catalogue (xAI's listed prices, ../shared/xai-api.md), long-context tier left out.
   */
  auto: { model: string; pipeline: LayoutCost; baseline: LayoutCost };
}

interface Tally {
  requests: number;
  promptTokens: number;
  cachedTokens: number;
  laterPromptTokens: number;
  laterCachedTokens: number;
  completionTokens: number;
}

const tokens = (chars: number): number => Math.ceil(chars / CHARS_PER_TOKEN);

/** The prompt text as the fake server reads it: the messages' contents joined by newlines. */
function promptText(request: GenerateRequest): string {
  return (request.messages ?? []).map((message) => message.content).join('\n');
}

/**
 * The same request in the layout before this work: `Related code from other files:` and the
 * snippets right after the header, then the file, then the mode; and no cache key.
 */
export function todaysLayout(request: GenerateRequest): GenerateRequest {
  const messages = (request.messages ?? []).map((message) => {
    if (message.role !== 'user') return message;
    const related = /\n<related>\n([\s\S]*)\n<\/related>/.exec(message.content);
    if (related === null) return message;
    const withoutRelated = message.content.slice(0, related.index) + message.content.slice(related.index + related[0].length);
    const headerEnd = withoutRelated.indexOf('\n<file>\n');
    const content = `${withoutRelated.slice(0, headerEnd)}\n\nRelated code from other files:\n${related[1]}\n${withoutRelated.slice(headerEnd)}`;
    return { ...message, content };
  });
  const { conversationId: _dropped, ...metadata } = request.metadata ?? {};
  return { ...request, messages, metadata };
}

class MeteredModel implements CompletionModel {
  readonly pipeline: Tally = emptyTally();
  readonly baseline: Tally = emptyTally();
  private readonly memory = { pipeline: new Map() as PromptCacheMemory, baseline: new Map() as PromptCacheMemory };

  constructor(private readonly inner: CompletionModel) {}

  async *streamEvents(request: GenerateRequest): AsyncIterable<StreamEvent> {
    const first = this.pipeline.requests === 0;
    this.charge(this.pipeline, this.memory.pipeline, request, first);
    this.charge(this.baseline, this.memory.baseline, todaysLayout(request), first);
    let streamed = 0;
    try {
      for await (const event of this.inner.streamEvents(request)) {
        if (event.type === 'content') streamed += event.text.length;
        yield event;
      }
    } finally {
      // Both layouts get the same answer: the layout changes the price, not the model.
      this.pipeline.completionTokens += tokens(streamed);
      this.baseline.completionTokens += tokens(streamed);
    }
  }

  private charge(tally: Tally, memory: PromptCacheMemory, request: GenerateRequest, first: boolean): void {
    const text = promptText(request);
    const prompt = tokens(text.length);
    const cached = Math.min(prompt, cachedPromptTokens(memory, request.metadata?.conversationId, text));
    tally.requests++;
    tally.promptTokens += prompt;
    tally.cachedTokens += cached;
    if (!first) {
      tally.laterPromptTokens += prompt;
      tally.laterCachedTokens += cached;
    }
  }
}

function emptyTally(): Tally {
  return { requests: 0, promptTokens: 0, cachedTokens: 0, laterPromptTokens: 0, laterCachedTokens: 0, completionTokens: 0 };
}

function costOf(tallies: readonly Tally[], accepted: { suggestions: number; chars: number }, pricing: ModelPricing = GROK_4_3_PRICING): LayoutCost {
  const { suggestions: acceptedSuggestions, chars: acceptedChars } = accepted;
  const sum = (pick: (t: Tally) => number) => tallies.reduce((total, t) => total + pick(t), 0);
  const promptTokens = sum((t) => t.promptTokens);
  const cachedTokens = sum((t) => t.cachedTokens);
  const completionTokens = sum((t) => t.completionTokens);
  const costUsd = costOfTokens(pricing, { promptTokens, cachedTokens, completionTokens, reasoningTokens: 0 });
  const later = sum((t) => t.laterPromptTokens);
  return {
    requests: sum((t) => t.requests),
    promptTokens,
    cachedTokens,
    completionTokens,
    cachedPromptShare: later === 0 ? 0 : sum((t) => t.laterCachedTokens) / later,
    costUsd,
    acceptedSuggestions,
    acceptedChars,
    costPer1000AcceptedCharsUsd: acceptedChars === 0 ? 0 : (costUsd / acceptedChars) * 1000,
    costPerAcceptedSuggestionUsd: acceptedSuggestions === 0 ? 0 : costUsd / acceptedSuggestions,
  };
}

export async function benchPromptCost(files: readonly SourceFile[], options: { latencyMs?: number; seed?: number; maxKeystrokes?: number } = {}): Promise<CacheResult> {
  const latencyMs = options.latencyMs ?? 400;
  const pipelineStrategy = STRATEGIES.find((strategy) => strategy.name === 'pipeline') ?? STRATEGIES[0];
  const meters: MeteredModel[] = [];
  const accepted = { suggestions: 0, chars: 0 };
  for (const [index, file] of files.entries()) {
    const openFiles = [...files.slice(0, index).reverse(), ...files.slice(index + 1)].slice(0, OPEN_FILES);
    const metrics = await replay({
      file,
      strategy: pipelineStrategy,
      model: 'realistic',
      latencyMs,
      seed: options.seed ?? 1,
      openFiles,
      ...(options.maxKeystrokes !== undefined && { maxKeystrokes: options.maxKeystrokes }),
      wrapModel: (model) => {
        const meter = new MeteredModel(model);
        meters.push(meter);
        return meter;
      },
    });
    accepted.suggestions += metrics.acceptances;
    accepted.chars += metrics.acceptedChars;
  }
  const auto = autoModelPricing();
  return {
    files: files.map((f) => f.relativePath),
    latencyMs,
    pipeline: costOf(meters.map((m) => m.pipeline), accepted),
    baseline: costOf(meters.map((m) => m.baseline), accepted),
    auto: { model: auto.model, pipeline: costOf(meters.map((m) => m.pipeline), accepted, auto.pricing), baseline: costOf(meters.map((m) => m.baseline), accepted, auto.pricing) },
  };
}

/** The model `auto` picks from the fake catalogue, and its prices (no long-context tier, as above). */
function autoModelPricing(): { model: string; pricing: ModelPricing } {
  const facts = LATE_2026_CATALOGUE.map((entry) => factsFromEntry(languageModelSchema.parse(entry)));
  const choice = chooseAutoInlineModel(facts);
  const pricing = facts.find((model) => model.id === choice?.model)?.pricing;
  if (choice === undefined || pricing === undefined) throw new Error('the fake catalogue names no priced model for inline "auto"');
  return { model: choice.model, pricing: { ...pricing, longContext: undefined } };
}
