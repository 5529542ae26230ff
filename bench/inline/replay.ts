/**
 * One replay: a typist types one file against one strategy and one simulated model on a virtual
 * clock, the way VS Code drives an inline provider: every edit cancels the previous call and makes
 * a new one; ghost text the user types through stays visible (VS Code's own behaviour, for every
 * strategy); the user accepts ghost text (one Tab) once it has been visible for a reaction time
 * and matches what they were about to type.
 */
import { type CompletionEngineOptions, CompletionEngine, type StepTimings } from '../../src/completion/engine';
import type { CompletionModel, InlineSettings, RecentSnippet, Suggestion } from '../../src/completion/types';
import type { SourceFile } from './corpus';
import { plainEditingInput } from './plainEditingInput';
import { type ModelKind, SimulatedModel } from './simulatedModel';
import { Typist } from './typist';
import { FakeClock } from '../../test/support/fakeClock';

export interface Strategy {
  name: string;
  engine: Pick<CompletionEngineOptions, 'reuse' | 'debounce'>;
}

export const STRATEGIES: readonly Strategy[] = [
  { name: 'pipeline', engine: { reuse: true, debounce: { kind: 'adaptive' } } },
  { name: 'naive', engine: { reuse: false, debounce: { kind: 'fixed', ms: 0 } } },
  { name: 'fixed-350ms', engine: { reuse: false, debounce: { kind: 'fixed', ms: 350 } } },
];

/** A pause is a planned gap of at least this long. */
export const PAUSE_MS = 500;
/** How long ghost text must be visible before the user takes it in. */
export const REACTION_MS = 300;

const SETTINGS: InlineSettings = { enabled: true, disabledLanguages: [], exclude: [], debounceMinMs: 40, debounceMaxMs: 400 };

export interface ReplayMetrics {
  keystrokes: number;
  requests: number;
  /** Requests cancelled before their answer began. */
  wastedRequests: number;
  /** Requests answered with nothing to suggest (counted apart: not errors, never retried). */
  emptyAnswers: number;
  acceptances: number;
  acceptedChars: number;
  /** Per pause: ms from its start to ghost text, undefined when none showed before it ended. */
  pauseToGhostMs: Array<number | undefined>;
  /** Real ms of the pipeline's synchronous steps, per request and per call that sent none. */
  requestCpuMs: number[];
  callCpuMs: number[];
}

export interface ReplayOptions {
  file: SourceFile;
  strategy: Strategy;
  model: ModelKind;
  latencyMs: number;
  seed: number;
  maxKeystrokes?: number;
  /** Receives a line per event (keystroke, acceptance, outcome), for looking into one replay. */
  trace?: (line: string) => void;
  /** Other files open in the editor, offered as context (none by default). */
  openFiles?: readonly SourceFile[];
  /** Wraps the simulated model, e.g. to meter the requests the pipeline sends. */
  wrapModel?: (model: CompletionModel) => CompletionModel;
}

interface Ghost extends Suggestion {
  position: number;
  shownAt: number;
}

export async function replay(options: ReplayOptions): Promise<ReplayMetrics> {
  const { file } = options;
  const text = file.text;
  const clock = new FakeClock();
  const model = new SimulatedModel(text, clock, options.latencyMs, options.model, options.seed);
  const metrics: ReplayMetrics = { keystrokes: 0, requests: 0, wastedRequests: 0, emptyAnswers: 0, acceptances: 0, acceptedChars: 0, pauseToGhostMs: [], requestCpuMs: [], callCpuMs: [] };
  const onTimings = (t: StepTimings): void => {
    const cpu = t.prefilter + t.reuse + t.context + t.prompt + t.filters + t.postprocess;
    (t.requested ? metrics.requestCpuMs : metrics.callCpuMs).push(cpu);
  };
  const engine = new CompletionEngine({ model: options.wrapModel?.(model) ?? model, timers: clock, onTimings, ...options.strategy.engine });
  const recentSnippets: RecentSnippet[] = (options.openFiles ?? []).map((open) => ({
    uri: `file:///bench/${open.relativePath}`,
    relativePath: open.relativePath,
    absolutePath: `/bench/${open.relativePath}`,
    languageId: open.languageId,
    text: open.text,
  }));
  const typist = new Typist(file, options.seed);

  let position = 0;
  let ghost: Ghost | undefined;
  let call: AbortController | undefined;
  let pause: { start: number; ghostAt: number | undefined } | undefined;

  const show = (next: Ghost | undefined): void => {
    // The same text where it already shows is no change to the user: the reaction time runs on.
    const unchanged = next !== undefined && ghost !== undefined && ghost.position === next.position && ghost.text === next.text;
    ghost = unchanged ? ghost : next;
    if (next !== undefined && pause !== undefined && pause.ghostAt === undefined) pause.ghostAt = clock.now();
  };
  const acceptable = (): boolean => ghost !== undefined && ghost.position === position && text.startsWith(ghost.text, position);

  const provide = (): void => {
    call?.abort();
    const controller = new AbortController();
    call = controller;
    const at = position;
    const doc = typist.documentAt(at);
    void engine
      .provideCompletion(
        {
          ...plainEditingInput({
            text: doc.text,
            offset: doc.offset,
            languageId: file.languageId,
            relativePath: file.relativePath,
            uri: `file:///bench/${file.relativePath}`,
            absolutePath: `/bench/${file.relativePath}`,
            settings: SETTINGS,
          }),
          recentSnippets,
        },
        controller.signal,
      )
      .then((outcome) => {
        options.trace?.(`${clock.now()} @${at} ${outcome.kind === 'suggestion' ? `${outcome.reason} ${JSON.stringify(outcome.text)}` : outcome.reason}`);
        if (controller.signal.aborted || at !== position) return;
        show(outcome.kind === 'suggestion' ? { text: outcome.text, replaceLength: outcome.replaceLength, position: at, shownAt: clock.now() } : undefined);
      });
  };

  const maxKeystrokes = options.maxKeystrokes ?? Infinity;
  while (position < text.length && metrics.keystrokes < maxKeystrokes) {
    const start = clock.now();
    const planned = start + typist.gapBefore(position);
    pause = planned - start >= PAUSE_MS ? { start, ghostAt: ghost !== undefined ? start : undefined } : undefined;
    // Wait for the planned keystroke, or until the user takes in a matching ghost text.
    for (;;) {
      const seen = ghost;
      const acceptAt = acceptable() && seen !== undefined ? Math.max(clock.now(), seen.shownAt + REACTION_MS) : Infinity;
      const until = Math.min(planned, acceptAt);
      await clock.advanceUntil(until, () => ghost !== seen);
      if (ghost === seen || clock.now() >= until) break;
    }
    if (pause !== undefined) metrics.pauseToGhostMs.push(pause.ghostAt === undefined ? undefined : pause.ghostAt - pause.start);
    if (pause !== undefined) options.trace?.(`${start} pause ${planned - start} ms at ${JSON.stringify(text.slice(Math.max(0, position - 20), position))}: ghost ${pause.ghostAt === undefined ? 'never' : `after ${pause.ghostAt - start} ms`}`);
    metrics.keystrokes++;
    const current = ghost;
    if (current !== undefined && acceptable() && clock.now() >= current.shownAt + REACTION_MS) {
      options.trace?.(`${clock.now()} accept ${JSON.stringify(current.text)}`);
      metrics.acceptances++;
      metrics.acceptedChars += current.text.length;
      position += current.text.length;
      ghost = undefined;
    } else {
      const next = typist.afterKeystroke(position);
      const typed = text.slice(position, next);
      position = next;
      // VS Code keeps ghost text the user types through.
      ghost =
        current !== undefined && current.text.length > typed.length && current.text.startsWith(typed)
          ? { ...current, text: current.text.slice(typed.length), position }
          : undefined;
    }
    provide();
  }
  call?.abort();
  await clock.runUntilIdle();
  metrics.requests = model.requests;
  metrics.wastedRequests = model.cancelledBeforeAnswer;
  metrics.emptyAnswers = model.emptyAnswers;
  return metrics;
}
