/**
 * The inline-completion pipeline without VS Code: prefilter -> reuse (cache, in-flight) -> debounce
 * -> context -> prompt -> model stream -> stream filters -> post-processing -> cache. Reuse comes
 * before the debounce so it answers at once; the debounce comes before any work a request needs.
 */
import type { GenerateRequest, Logger } from '../provider/types';
import { CompletionCache } from './cache';
import { type ContextBudget, DEFAULT_CONTEXT_BUDGET, documentWindow, gatherSnippets } from './context';
import { type CursorSurroundings, cursorSurroundings } from './cursor';
import { AdaptiveDebouncer } from './debounce';
import { excludeMatcher } from './exclude';
import { InflightRequests } from './inflight';
import { postprocess } from './postprocess';
import { type PrefilterReason, prefilter } from './prefilter';
import { buildInlinePrompt } from './prompt';
import { CompletionStreamFilter } from './streamFilters';
import type { CompletionModel, DocumentWindow, InlineSettings, RecentSnippet, Suggestion, Timers } from './types';
import { realTimers } from './types';

export interface CompletionInput {
  text: string;
  /** The cursor, as an offset into `text`. */
  offset: number;
  languageId: string;
  relativePath: string;
  absolutePath: string;
  settings: InlineSettings;
  cursorCount: number;
  selectionEmpty: boolean;
  trusted: boolean;
  consentGranted: boolean;
  snoozedUntil: number | undefined;
  /** Asked for explicitly (`editor.action.inlineSuggest.trigger`): no debounce. */
  explicit?: boolean;
  /** Other files of any language; a function is called only once a request is really made. */
  recentSnippets: readonly RecentSnippet[] | (() => readonly RecentSnippet[]);
}

export type SuggestionSource = 'cache' | 'inflight' | 'model';
export type NoSuggestionReason = PrefilterReason | 'cancelled' | 'empty';

export type CompletionOutcome =
  | ({ kind: 'suggestion'; reason: SuggestionSource } & Suggestion)
  | { kind: 'none'; reason: NoSuggestionReason };

/** Real milliseconds spent in each synchronous step; the debounce wait (clock ms) is apart. */
export interface StepTimings {
  prefilter: number;
  reuse: number;
  context: number;
  prompt: number;
  filters: number;
  postprocess: number;
  debounceWaitMs: number;
  /** True for a request's record (its call's steps plus the stream's), false for a call that sent none. */
  requested: boolean;
}

export type DebouncePolicy = { kind: 'adaptive' } | { kind: 'fixed'; ms: number };

export interface CompletionEngineOptions {
  model: CompletionModel;
  timers?: Timers;
  /** Real time in ms for step timings and the context time budget. */
  stopwatch?: () => number;
  budget?: ContextBudget;
  /** Cache and in-flight reuse; off for the benchmark's baselines. */
  reuse?: boolean;
  debounce?: DebouncePolicy;
  /** How long a request nobody waits for survives, for the next keystroke to pick it up. */
  reuseGraceMs?: number;
  conversationId?: string;
  logger?: Logger;
  onTimings?: (timings: StepTimings) => void;
}

const DEFAULT_REUSE_GRACE_MS = 150;

export class CompletionEngine {
  private readonly model: CompletionModel;
  private readonly timers: Timers;
  private readonly stopwatch: () => number;
  private readonly budget: ContextBudget;
  private readonly reuse: boolean;
  private readonly debouncePolicy: DebouncePolicy;
  private readonly debouncer: AdaptiveDebouncer;
  private readonly cache = new CompletionCache();
  private readonly inflight: InflightRequests;

  constructor(private readonly options: CompletionEngineOptions) {
    this.model = options.model;
    this.timers = options.timers ?? realTimers;
    this.stopwatch = options.stopwatch ?? (() => performance.now());
    this.budget = options.budget ?? DEFAULT_CONTEXT_BUDGET;
    this.reuse = options.reuse ?? true;
    this.debouncePolicy = options.debounce ?? { kind: 'adaptive' };
    this.debouncer = new AdaptiveDebouncer(this.timers);
    this.inflight = new InflightRequests(this.timers, this.reuse ? (options.reuseGraceMs ?? DEFAULT_REUSE_GRACE_MS) : 0);
  }

  /** Settings or consent changed: forget suggestions and stop the running request. */
  reset(): void {
    this.cache.clear();
    this.inflight.abortCurrent();
  }

  async provideCompletion(input: CompletionInput, signal: AbortSignal): Promise<CompletionOutcome> {
    const timings: StepTimings = { prefilter: 0, reuse: 0, context: 0, prompt: 0, filters: 0, postprocess: 0, debounceWaitMs: 0, requested: false };
    const outcome = await this.run(input, signal, timings);
    if (!timings.requested) this.options.onTimings?.(timings);
    return outcome;
  }

  private async run(input: CompletionInput, signal: AbortSignal, timings: StepTimings): Promise<CompletionOutcome> {
    let started = this.stopwatch();
    const verdict = prefilter({ ...input, now: this.timers.now() });
    timings.prefilter = this.stopwatch() - started;
    if (!verdict.allowed) return { kind: 'none', reason: verdict.reason };
    this.debouncer.recordKeystroke();

    started = this.stopwatch();
    const window = documentWindow(input.text, input.offset, this.budget);
    const cursor = cursorSurroundings(window);
    timings.context = this.stopwatch() - started;

    started = this.stopwatch();
    const cached = this.reuse ? this.cache.get(window.prefix, window.suffix) : undefined;
    const match = cached === undefined && this.reuse ? this.inflight.match(window.prefix, window.suffix) : undefined;
    timings.reuse = this.stopwatch() - started;
    if (cached !== undefined) return { kind: 'suggestion', reason: 'cache', ...cached };
    if (match !== undefined) return answer(await this.inflight.wait(match.request, match.typed, signal), 'inflight', signal);

    const waitStarted = this.timers.now();
    const delay = input.explicit === true
      ? 0
      : this.debouncePolicy.kind === 'fixed'
        ? this.debouncePolicy.ms
        : this.debouncer.delayFor(cursor, { minMs: input.settings.debounceMinMs, maxMs: input.settings.debounceMaxMs });
    const waited = await this.debouncer.wait(delay, signal);
    timings.debounceWaitMs = this.timers.now() - waitStarted;
    if (!waited) return { kind: 'none', reason: 'cancelled' };

    started = this.stopwatch();
    const snippets = gatherSnippets({
      prefix: window.prefix,
      languageId: input.languageId,
      absolutePath: input.absolutePath,
      candidates: typeof input.recentSnippets === 'function' ? input.recentSnippets() : input.recentSnippets,
      isExcluded: excludeMatcher(input.settings.exclude),
      budget: this.budget,
      stopwatch: this.stopwatch,
    });
    timings.context += this.stopwatch() - started;

    started = this.stopwatch();
    const request = buildInlinePrompt(
      { ...window, languageId: input.languageId, relativePath: input.relativePath, snippets },
      { mode: cursor.mode, ...(this.options.conversationId === undefined ? {} : { conversationId: this.options.conversationId }) },
    );
    timings.prompt = this.stopwatch() - started;

    timings.requested = true;
    const running = this.inflight.start(window.prefix, window.suffix, (modelSignal, onPending) =>
      this.stream(request, window, cursor, modelSignal, onPending, timings),
    );
    return answer(await this.inflight.wait(running, '', signal), 'model', signal);
  }

  /** The model's answer through the stream filters; returns as soon as they decide, which aborts the stream. */
  private async stream(
    request: GenerateRequest,
    window: DocumentWindow,
    cursor: CursorSurroundings,
    signal: AbortSignal,
    onPending: (pending: string) => void,
    timings: StepTimings,
  ): Promise<Suggestion | undefined> {
    const filter = new CompletionStreamFilter(cursor);
    try {
      for await (const event of this.model.streamEvents({ ...request, options: { ...request.options, signal } })) {
        if (event.type !== 'content') continue;
        const started = this.stopwatch();
        const decided = filter.push(event.text);
        onPending(filter.pending());
        timings.filters += this.stopwatch() - started;
        if (decided) break;
      }
      if (signal.aborted) return undefined;
      const started = this.stopwatch();
      filter.finish();
      const suggestion = postprocess(filter.text(), cursor);
      if (suggestion !== undefined && this.reuse) this.cache.set(window.prefix, window.suffix, suggestion);
      timings.postprocess = this.stopwatch() - started;
      return suggestion;
    } catch (error) {
      if (!signal.aborted) this.options.logger?.warn('Inline completion request failed', error);
      return undefined;
    } finally {
      this.options.onTimings?.(timings);
    }
  }
}

function answer(suggestion: Suggestion | undefined, source: SuggestionSource, signal: AbortSignal): CompletionOutcome {
  if (suggestion !== undefined) return { kind: 'suggestion', reason: source, ...suggestion };
  return { kind: 'none', reason: signal.aborted ? 'cancelled' : 'empty' };
}
