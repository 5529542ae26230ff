import * as assert from 'node:assert/strict';
import { type CompletionInput, CompletionEngine, type CompletionOutcome, type StepTimings } from '../../../src/completion/engine';
import type { InlineSettings } from '../../../src/completion/types';
import { plainEditingInput } from '../../../bench/inline/plainEditingInput';
import { FakeClock } from '../../support/fakeClock';
import { type ScriptedAnswer, ScriptedModel, streamedChunks } from '../../support/scriptedModel';

const SETTINGS: InlineSettings = {
  enabled: true,
  disabledLanguages: [],
  exclude: ['**/.env*', '**/*secret*'],
  debounceMinMs: 40,
  debounceMaxMs: 400,
};

const BEFORE = 'function area(radius: number): number {\n  return ';
const AFTER = '\n}\n';

function input(typed = '', overrides: Partial<CompletionInput> = {}): CompletionInput {
  const text = `${BEFORE}${typed}${AFTER}`;
  return {
    ...plainEditingInput({
      text,
      offset: BEFORE.length + typed.length,
      uri: 'file:///work/project/src/geometry.ts',
      languageId: 'typescript',
      relativePath: 'src/geometry.ts',
      absolutePath: '/work/project/src/geometry.ts',
      settings: SETTINGS,
    }),
    ...overrides,
  };
}

function setup(answer: (index: number) => ScriptedAnswer = () => ({ latencyMs: 300, chunks: ['Math.PI * ', 'radius ** 2;'] }), reuse = true) {
  const clock = new FakeClock();
  const model = new ScriptedModel((_request, index) => streamedChunks(answer(index)), clock);
  const timings: StepTimings[] = [];
  const engine = new CompletionEngine({ model, timers: clock, reuse, reuseGraceMs: 100, onTimings: (t) => timings.push(t) });
  return { clock, model, engine, timings };
}

/** Starts a call like VS Code does on a keystroke; `cancel` is the CancellationToken. */
function keystroke(engine: CompletionEngine, value: CompletionInput) {
  const controller = new AbortController();
  let outcome: CompletionOutcome | undefined;
  const done = engine.provideCompletion(value, controller.signal).then((o) => (outcome = o));
  return { cancel: () => controller.abort(), done, result: () => outcome };
}

describe('completion/engine', () => {
  it('debounces, asks the model once and returns the filtered completion', async () => {
    const { clock, model, engine } = setup();
    const call = keystroke(engine, input());
    await clock.runUntilIdle();
    assert.deepEqual(call.result(), { kind: 'suggestion', reason: 'model', text: 'Math.PI * radius ** 2;', replaceLength: 0 });
    assert.equal(model.requests.length, 1);
    assert.equal(model.requests[0].metadata?.feature, 'inline');
    assert.ok(model.requests[0].messages?.[1].content.includes('return {{HOLE}}'));
  });

  it('shows only the complete lines of an answer the model was cut off in (finish_reason length)', async () => {
    const { clock, engine } = setup(() => ({ latencyMs: 100, chunks: ['Math.PI', ' * radi'], finishReason: 'length' }));
    const cut = keystroke(engine, input());
    await clock.runUntilIdle();
    assert.deepEqual(cut.result(), { kind: 'none', reason: 'empty' });
    const whole = setup(() => ({ latencyMs: 100, chunks: ['Math.PI', ' * radi'], finishReason: 'stop' }));
    const shown = keystroke(whole.engine, input());
    await whole.clock.runUntilIdle();
    assert.equal(shown.result()?.kind, 'suggestion');
  });

  it('sends one stable prompt-cache key per document, another for another document', async () => {
    const { clock, model, engine } = setup(undefined, false);
    keystroke(engine, input('', { explicit: true }));
    await clock.runUntilIdle();
    keystroke(engine, input('M', { explicit: true }));
    await clock.runUntilIdle();
    keystroke(engine, input('', { explicit: true, uri: 'vscode-notebook-cell:/work/project/src/geometry.ts#cell2' }));
    await clock.runUntilIdle();
    const keys = model.requests.map((request) => request.metadata?.conversationId);
    assert.equal(keys.length, 3);
    assert.ok(keys[0] !== undefined && keys[0] === keys[1], 'the same document keeps its key');
    assert.notEqual(keys[2], keys[0]);
    assert.ok(!String(keys[0]).includes('geometry'), 'no path in the key');
  });

  it('sends a sibling notebook cell as context, though it shares the notebook’s path (kind 7)', async () => {
    const { clock, model, engine } = setup();
    const notebook = { relativePath: 'nb/geometry.ipynb', absolutePath: '/work/project/nb/geometry.ipynb', languageId: 'typescript' };
    const sibling = { ...notebook, uri: 'vscode-notebook-cell:/work/project/nb/geometry.ipynb#cell1', text: 'const unitArea = area(1);\nfunction area(radius: number) { return radius; }' };
    const current = { ...notebook, uri: 'vscode-notebook-cell:/work/project/nb/geometry.ipynb#cell2', text: 'const currentCellOnly = 1;' };
    keystroke(engine, input('', { ...notebook, uri: current.uri, explicit: true, recentSnippets: [sibling, current] }));
    await clock.runUntilIdle();
    const sent = model.requests[0].messages?.[1].content ?? '';
    assert.ok(sent.includes('const unitArea = area(1);'), 'the sibling cell is context');
    assert.ok(!sent.includes('currentCellOnly'), 'the current cell is not its own context');
  });

  it('sends nothing while the user keeps typing within the debounce', async () => {
    const { clock, model, engine } = setup();
    const first = keystroke(engine, input('M'));
    await clock.advance(20);
    first.cancel();
    await first.done;
    assert.deepEqual(first.result(), { kind: 'none', reason: 'cancelled' });
    assert.equal(model.requests.length, 0);
  });

  it('asks at once, without debounce, when invoked explicitly', async () => {
    const { clock, model, engine } = setup();
    keystroke(engine, input('', { explicit: true }));
    await clock.advance(0);
    assert.equal(model.requests.length, 1);
  });

  it('reads recent snippets only when a request is made', async () => {
    const { clock, engine } = setup();
    let reads = 0;
    const recentSnippets = () => {
      reads++;
      return [];
    };
    keystroke(engine, input('', { recentSnippets }));
    await clock.runUntilIdle();
    keystroke(engine, input('Math', { recentSnippets }));
    await clock.runUntilIdle();
    assert.equal(reads, 1, 'the second call was served from the cache');
  });

  it('serves typing through a finished suggestion from the cache, without a request', async () => {
    const { clock, model, engine } = setup();
    keystroke(engine, input());
    await clock.runUntilIdle();
    const typed = keystroke(engine, input('Math.'));
    await typed.done;
    assert.deepEqual(typed.result(), { kind: 'suggestion', reason: 'cache', text: 'PI * radius ** 2;', replaceLength: 0 });
    assert.equal(model.requests.length, 1);
  });

  it('reuses the request in flight when the typing matches it, instead of cancelling and re-sending', async () => {
    const { clock, model, engine } = setup();
    const first = keystroke(engine, input());
    await clock.advance(300); // debounce passed, request sent, no answer yet
    assert.equal(model.requests.length, 1);
    first.cancel(); // VS Code cancels the previous call on the next keystroke...
    const second = keystroke(engine, input('Ma')); // ...and calls again
    await clock.runUntilIdle();
    assert.deepEqual(second.result(), { kind: 'suggestion', reason: 'inflight', text: 'th.PI * radius ** 2;', replaceLength: 0 });
    assert.equal(model.requests.length, 1);
    assert.equal(model.delivered[0].join(''), 'Math.PI * radius ** 2;', 'the stream was read to the end');
  });

  it('aborts the request in flight and sends a new one when the typing diverges', async () => {
    const { clock, model, engine } = setup((index) =>
      index === 0 ? { latencyMs: 100, chunks: ['Math.', 'PI * radius ** 2;'], chunkGapMs: 500 } : { latencyMs: 100, chunks: ['2 * r;'] },
    );
    const first = keystroke(engine, input());
    await clock.advance(400); // the first answer has begun: 'Math.'
    first.cancel();
    const diverging = keystroke(engine, input('2'));
    await clock.runUntilIdle();
    assert.equal(model.requests.length, 2);
    assert.equal(model.signal(0)?.aborted, true);
    assert.equal(model.delivered[0].length, 1, 'the first stream was not read further');
    assert.equal(diverging.result()?.kind, 'suggestion');
  });

  it('cancelling aborts the model stream once no keystroke picks the request up', async () => {
    const { clock, model, engine } = setup(() => ({ latencyMs: 1_000, chunks: ['x;'] }));
    const call = keystroke(engine, input());
    await clock.advance(300);
    call.cancel();
    await call.done;
    assert.equal(model.signal(0)?.aborted, false, 'kept for the grace period');
    await clock.advance(100);
    assert.equal(model.signal(0)?.aborted, true);
  });

  it('without reuse (the baselines), cancelling aborts the model stream at once', async () => {
    const { clock, model, engine } = setup(() => ({ latencyMs: 1_000, chunks: ['x;'] }), false);
    const call = keystroke(engine, input());
    await clock.advance(300);
    call.cancel();
    assert.equal(model.signal(0)?.aborted, true);
  });

  it('aborts the stream as soon as the filters decide', async () => {
    const { clock, model, engine } = setup(() => ({ latencyMs: 100, chunks: ['radius;\n', '}\n', 'function ', 'more() {}'] }));
    const call = keystroke(engine, input());
    await clock.runUntilIdle();
    const result = call.result();
    assert.equal(result?.kind === 'suggestion' && result.text, 'radius;');
    assert.equal(model.signal(0)?.aborted, true);
    assert.ok(model.delivered[0].length < 4, `read ${model.delivered[0].length} chunks`);
  });

  it('never sends an excluded file, and never attaches one as context', async () => {
    const { clock, model, engine } = setup();
    const excluded = keystroke(engine, input('', { relativePath: '.env.local', absolutePath: '/work/project/.env.local' }));
    await clock.runUntilIdle();
    assert.deepEqual(excluded.result(), { kind: 'none', reason: 'excluded' });
    assert.equal(model.requests.length, 0);

    const secret = { uri: 'file:///work/project/src/radius_secret.ts', relativePath: 'src/radius_secret.ts', absolutePath: '/work/project/src/radius_secret.ts', languageId: 'typescript', text: 'const radiusToken = "s3cr3t-radius";' };
    keystroke(engine, input('', { recentSnippets: [secret] }));
    await clock.runUntilIdle();
    assert.equal(model.requests.length, 1);
    assert.ok(!JSON.stringify(model.requests[0]).includes('s3cr3t'));
  });

  it('says needs-consent without any request', async () => {
    const { clock, model, engine } = setup();
    const call = keystroke(engine, input('', { consentGranted: false }));
    await clock.runUntilIdle();
    assert.deepEqual(call.result(), { kind: 'none', reason: 'needs-consent' });
    assert.equal(model.requests.length, 0);
  });

  it('reads nothing of the document when the prefilter says no', async () => {
    const { clock, engine } = setup();
    const text = `${BEFORE}${AFTER}`;
    let reads = 0;
    const counted = {
      length: text.length,
      slice: (start: number, end: number) => {
        reads++;
        return text.slice(start, end);
      },
    };
    const call = keystroke(engine, input('', { text: counted, relativePath: '.env', absolutePath: '/work/project/.env' }));
    await clock.runUntilIdle();
    assert.deepEqual(call.result(), { kind: 'none', reason: 'excluded' });
    assert.equal(reads, 0);
    keystroke(engine, input('', { text: counted }));
    await clock.runUntilIdle();
    assert.equal(reads, 1, 'an allowed call reads its window once');
  });

  it('reports empty when the model has nothing useful', async () => {
    const { clock, engine } = setup(() => ({ latencyMs: 100, chunks: ['```\n', '```'] }));
    const call = keystroke(engine, input());
    await clock.runUntilIdle();
    assert.deepEqual(call.result(), { kind: 'none', reason: 'empty' });
  });

  it('reports per-step timings, the debounce wait apart', async () => {
    const { clock, engine, timings } = setup();
    keystroke(engine, input());
    await clock.runUntilIdle();
    const request = timings.find((t) => t.requested);
    assert.ok(request !== undefined);
    assert.ok(request.debounceWaitMs >= 40 && request.debounceWaitMs <= 400, `waited ${request.debounceWaitMs}`);
    for (const step of ['prefilter', 'reuse', 'context', 'prompt', 'filters', 'postprocess'] as const) assert.ok(request[step] >= 0);
  });

  it('shows the first line of a block before the rest has streamed, and serves the rest from the same request', async () => {
    const block = ['\n  const r2 = radius * radius;\n', '  const area = Math.PI * r2;\n', '  return area;\n', '}\n'];
    const { clock, model, engine } = setup(() => ({ latencyMs: 100, chunks: block, chunkGapMs: 200 }));
    const doc = (typed: string): CompletionInput => {
      const before = 'function area(radius: number): number {';
      return { ...input(), text: before + typed, offset: before.length + typed.length };
    };
    const first = keystroke(engine, doc(''));
    await clock.advance(400); // debounce + latency + the first chunk, not the rest
    assert.deepEqual(first.result(), { kind: 'suggestion', reason: 'model', text: '\n  const r2 = radius * radius;', replaceLength: 0, partial: true });
    const accepted = keystroke(engine, doc('\n  const r2 = radius * radius;'));
    await clock.runUntilIdle();
    assert.equal(accepted.result()?.kind, 'suggestion');
    assert.equal(accepted.result()?.kind === 'suggestion' && accepted.result()?.reason, 'inflight');
    assert.equal(model.requests.length, 1);
  });

  it('asks again where a reused request came back empty for another position, but never twice at the same one', async () => {
    const { clock, model, engine } = setup((index) => ({ latencyMs: 100, chunks: index === 0 ? ['```\n', '```'] : ['PI;'] }));
    keystroke(engine, input('Math.'));
    await clock.runUntilIdle();
    assert.equal(model.requests.length, 1);
    const same = keystroke(engine, input('Math.'));
    await clock.runUntilIdle();
    assert.deepEqual(same.result(), { kind: 'none', reason: 'empty' });
    assert.equal(model.requests.length, 1, 'the empty answer was remembered');

    const first = keystroke(engine, input('x'));
    await clock.advance(400); // request for 'x' in flight
    first.cancel();
    const next = keystroke(engine, input('xy')); // reuses it; it answers 'PI;', which does not continue 'y'
    await clock.runUntilIdle();
    assert.equal(model.requests.length, 3, 'a request of its own after the reused one did not fit');
    assert.equal(next.result()?.kind, 'suggestion');
  });

  it('prefetches the next suggestion while the user keeps taking suggestions', async () => {
    const lines = Array.from({ length: 8 }, (_, i) => `const v${i} = ${i};`);
    const clock = new FakeClock();
    // Answers the next line of `lines` after whatever the prompt's file holds before the hole.
    const model = new ScriptedModel((request) => {
      const file = request.messages?.[1].content ?? '';
      const before = file.slice(file.indexOf('<file>\n') + 7, file.indexOf('{{HOLE}}'));
      const done = before === '' ? 0 : before.split('\n').length;
      return streamedChunks({ latencyMs: 100, chunks: [`${before === '' ? '' : '\n'}${lines[done] ?? ''}`] });
    }, clock);
    const engine = new CompletionEngine({ model, timers: clock, reuseGraceMs: 100 });
    let text = '';
    const at = (): CompletionInput => ({ ...input(), text, offset: text.length });
    let lastReason: string | undefined;
    for (let accepted = 0; accepted < 7; accepted++) {
      const call = keystroke(engine, at());
      await clock.runUntilIdle();
      const result = call.result();
      assert.ok(result?.kind === 'suggestion', `suggestion ${accepted}: ${JSON.stringify(result)}`);
      lastReason = result.reason;
      text += result.text; // the user accepts it
    }
    assert.equal(lastReason, 'cache', 'by then the next suggestion is ready when the user accepts');
    assert.equal(text, lines.slice(0, 7).join('\n'));
    assert.ok(model.requests.length <= 8, `${model.requests.length} requests for 7 suggestions`);
  });

  it('waits for a clear pause right after the user typed past a suggestion, not at the next token boundary', async () => {
    const { clock, engine, timings } = setup(() => ({ latencyMs: 100, chunks: ['Math.PI * radius ** 2;'] }));
    keystroke(engine, input(''));
    await clock.runUntilIdle();
    const eager = timings.find((t) => t.requested)?.debounceWaitMs ?? 0;
    keystroke(engine, input('2 * ')); // not what was suggested; after a space, a natural pause point
    await clock.runUntilIdle();
    const afterLeaving = timings.filter((t) => t.requested)[1]?.debounceWaitMs ?? 0;
    assert.ok(eager < 100, `at a token boundary it fires early (${eager} ms)`);
    assert.ok(afterLeaving >= 2 * eager && afterLeaving >= 200, `after leaving a suggestion it waits longer (${afterLeaving} ms)`);
  });
});
