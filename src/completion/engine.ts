/**
 * The inline-completion pipeline without VS Code: prefilter -> reuse (cache, in-flight) -> debounce
 * -> context -> prompt -> model stream -> stream filters -> post-processing -> cache. Reuse comes
 * before the debounce so it answers at once; the debounce comes before any work a request needs.
 * Two latency hiders ride on reuse: a block's first line is shown while the rest still streams
 * (accepting it is served from the same request), and while the user takes most suggestions the
 * next one is requested as soon as the current one is shown (a follow-up, aborted if the typing
 * leaves the way to it).
 */
import { createHash, randomUUID } from 'node:crypto';
import type { FinishReason, GenerateRequest, Logger } from '../provider/types';
import { AcceptanceRate, type SuggestionFate } from './prefetchDecision';
import { anchorOf } from './anchor';
import { CompletionCache } from './cache';
import { type ContextBudget, DEFAULT_CONTEXT_BUDGET, documentWindow, gatherSnippets } from './context';
import { type CursorSurroundings, cursorSurroundings } from './cursor';
import { AdaptiveDebouncer } from './debounce';
import { createExcludeMatcher } from '../platform/excludeMatcher';
import { InflightRequests, type RunProgress } from './inflight';
import { postprocess } from './postprocess';
import { type PrefilterReason, prefilter } from './prefilter';
import { buildInlinePrompt } from './prompt';
import { StickySnippets } from './stickySnippets';
import { CompletionStreamFilter } from './streamFilters';
import type { CompletionModel, DocumentText, DocumentWindow, InlineSettings, RecentSnippet, Suggestion, Timers } from './types';
import { realTimers } from './types';

export interface CompletionInput {
  /** Read after the prefilter, and only around the cursor. */
  text: DocumentText;
  /** The cursor, as an offset into `text`. */
  offset: number;
  /** The document's URI, its identity (a notebook cell's own URI: all cells share the notebook's path). */
  uri: string;
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
  /**
   * Names this editor session in the prompt-cache keys (one key per document: `cacheKeyFor`);
   * a random id by default.
   */
  sessionId?: string;
  logger?: Logger;
  onTimings?: (timings: StepTimings) => void;
}

const DEFAULT_REUSE_GRACE_MS = 150;
/** Prefetch the suggestion after the current one while at least this share of suggestions gets used. */
const FOLLOW_UP_MIN_ACCEPTANCE = 0.8;

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
  private readonly acceptance = new AcceptanceRate();
  private readonly sessionId: string;
  private readonly snippets = new StickySnippets();

  constructor(private readonly options: CompletionEngineOptions) {
    this.model = options.model;
    this.timers = options.timers ?? realTimers;
    this.stopwatch = options.stopwatch ?? (() => performance.now());
    this.budget = options.budget ?? DEFAULT_CONTEXT_BUDGET;
    this.reuse = options.reuse ?? true;
    this.debouncePolicy = options.debounce ?? { kind: 'adaptive' };
    this.sessionId = options.sessionId ?? randomUUID();
    this.debouncer = new AdaptiveDebouncer(this.timers);
    this.inflight = new InflightRequests(this.timers, this.reuse ? (options.reuseGraceMs ?? DEFAULT_REUSE_GRACE_MS) : 0);
  }

  /** Settings or consent changed: forget suggestions and stop the running request. */
  reset(): void {
    this.cache.clear();
    this.snippets.clear();
    this.inflight.abortAll();
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
    const fate = this.reuse ? this.acceptance.observe(window.prefix) : 'none';
    const match = this.reuse ? this.inflight.match(window.prefix, window.suffix) : undefined;
    const cached = this.reuse ? this.cache.get(window.prefix, window.suffix) : undefined;
    timings.reuse = this.stopwatch() - started;
    if (cached !== undefined) return this.shown(input, window, { kind: 'suggestion', reason: 'cache', ...cached });
    if (this.reuse && input.explicit !== true && this.cache.knownEmpty(window.prefix, window.suffix)) return { kind: 'none', reason: 'empty' };
    if (match !== undefined) {
      const reused = await this.inflight.wait(match.request, match.typed, signal);
      if (reused !== undefined || signal.aborted) return this.shown(input, window, answer(reused, 'inflight', signal));
      // The request came back empty or went elsewhere: this position still deserves its own.
    }

    const waitStarted = this.timers.now();
    const waited = await this.debouncer.wait(this.debounceDelay(input, cursor, fate), signal);
    timings.debounceWaitMs = this.timers.now() - waitStarted;
    if (!waited) return { kind: 'none', reason: 'cancelled' };

    const request = this.prepareRequest(input, window, cursor, timings);
    timings.requested = true;
    const running = this.inflight.start(window.prefix, window.suffix, (modelSignal, progress) =>
      this.stream(request, window, cursor, modelSignal, progress, timings),
    );
    return this.shown(input, window, answer(await this.inflight.wait(running, '', signal), 'model', signal));
  }

  /**
   * Right after a suggestion was used up the user is likely to pause: no reason to wait then.
   * Right after the user typed past one, they are writing what the model did not foresee: wait
   * for a clear pause, as mid-word.
   */
  private debounceDelay(input: CompletionInput, cursor: CursorSurroundings, fate: SuggestionFate): number {
    const bounds = { minMs: input.settings.debounceMinMs, maxMs: input.settings.debounceMaxMs };
    if (input.explicit === true) return 0;
    if (this.debouncePolicy.kind === 'fixed') return this.debouncePolicy.ms;
    if (fate === 'used-up') return bounds.minMs;
    return this.debouncer.delayFor(cursor, bounds, fate === 'left' ? 'mid-word' : 'auto');
  }

  /** Context and prompt for a request at this window (timed as part of the request's steps). */
  private prepareRequest(input: CompletionInput, window: DocumentWindow, cursor: CursorSurroundings, timings: StepTimings): GenerateRequest {
    let started = this.stopwatch();
    const picked = gatherSnippets({
      prefix: window.prefix,
      languageId: input.languageId,
      uri: input.uri,
      candidates: typeof input.recentSnippets === 'function' ? input.recentSnippets() : input.recentSnippets,
      isExcluded: createExcludeMatcher(input.settings.exclude),
      budget: this.budget,
      stopwatch: this.stopwatch,
    });
    const snippets = this.snippets.choose(input.uri, picked);
    timings.context += this.stopwatch() - started;
    started = this.stopwatch();
    const request = buildInlinePrompt(
      { ...window, languageId: input.languageId, relativePath: input.relativePath, snippets },
      { mode: cursor.mode, conversationId: cacheKeyFor(this.sessionId, input.uri) },
    );
    timings.prompt += this.stopwatch() - started;
    return request;
  }

  /**
   * A suggestion goes back to the caller: remember it to learn whether it gets used, and while
   * this user takes most suggestions, request the one after it now, for the position accepting
   * it leads to, so accepting shows the next suggestion at once.
   */
  private shown(input: CompletionInput, window: DocumentWindow, outcome: CompletionOutcome): CompletionOutcome {
    if (outcome.kind !== 'suggestion' || !this.reuse) return outcome;
    this.acceptance.shown(window.prefix, outcome.text);
    // A partial suggestion's continuation comes from its own request.
    if (outcome.partial === true || this.acceptance.value < FOLLOW_UP_MIN_ACCEPTANCE) return outcome;
    const next: DocumentWindow = { prefix: window.prefix + outcome.text, suffix: window.suffix.slice(outcome.replaceLength) };
    const known = this.cache.get(next.prefix, next.suffix) !== undefined || this.cache.knownEmpty(next.prefix, next.suffix);
    if (known || this.inflight.hasFollowUpAt(next.prefix)) return outcome;
    const timings: StepTimings = { prefilter: 0, reuse: 0, context: 0, prompt: 0, filters: 0, postprocess: 0, debounceWaitMs: 0, requested: true };
    const started = this.stopwatch();
    const cursor = cursorSurroundings(next);
    timings.context = this.stopwatch() - started;
    const request = this.prepareRequest(input, next, cursor, timings);
    this.inflight.startFollowUp(next.prefix, next.suffix, { anchor: anchorOf(window.prefix), text: outcome.text }, (signal, progress) =>
      this.stream(request, next, cursor, signal, progress, timings),
    );
    return outcome;
  }

  /**
   * The model's answer through the stream filters; returns as soon as they decide, which aborts
   * the stream. With reuse on, once a block's first line is complete it is reported as an early
   * part, so ghost text need not wait for the whole block to stream (the rest is reused from the
   * cache or this request when the user takes the first part).
   */
  private async stream(
    request: GenerateRequest,
    window: DocumentWindow,
    cursor: CursorSurroundings,
    signal: AbortSignal,
    progress: RunProgress,
    timings: StepTimings,
  ): Promise<Suggestion | undefined> {
    const filter = new CompletionStreamFilter(cursor);
    let earlyShown = false;
    // Most chunks end mid-line and change nothing the early part is cut from.
    let earlyCheckedLines = 0;
    let finishReason: FinishReason | undefined;
    try {
      for await (const event of this.model.streamEvents({ ...request, options: { ...request.options, signal } })) {
        if (event.type === 'done') finishReason = event.result.finishReason;
        if (event.type !== 'content') continue;
        const started = this.stopwatch();
        const decided = filter.push(event.text);
        progress.pending(filter.pending());
        if (this.reuse && !decided && !earlyShown && filter.keptLines > earlyCheckedLines) {
          earlyCheckedLines = filter.keptLines;
          const early = postprocess(filter.answer(), cursor);
          earlyShown = early !== undefined;
          if (early !== undefined) progress.early({ ...early, partial: true });
        }
        timings.filters += this.stopwatch() - started;
        if (decided) break;
      }
      if (signal.aborted) return undefined;
      const started = this.stopwatch();
      filter.finish({ cut: finishReason === 'length' || finishReason === 'content_filter' });
      const suggestion = postprocess(filter.answer(), cursor);
      if (this.reuse) this.cache.set(window.prefix, window.suffix, suggestion ?? { text: '', replaceLength: 0 });
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

/**
 * The prompt-cache key of a document in this session, sent as `x-grok-conv-id`: the same for every
 * request about the document, so xAI serves the prompt start they share from its cache; the URI
 * only as a hash, so no path leaves the machine in a header.
 */
export function cacheKeyFor(sessionId: string, uri: string): string {
  return `inline-${sessionId}-${createHash('sha256').update(uri).digest('hex').slice(0, 16)}`;
}

function answer(suggestion: Suggestion | undefined, source: SuggestionSource, signal: AbortSignal): CompletionOutcome {
  if (suggestion !== undefined) return { kind: 'suggestion', reason: source, ...suggestion };
  return { kind: 'none', reason: signal.aborted ? 'cancelled' : 'empty' };
}
