/**
 * Section chatRender: the chat webview's render time per streamed update, at a 10,000- and a
 * 100,000-character answer, in headless Chromium (the built dist/webview/chat.js in the page the
 * extension serves, through the webview tests' harness). Each update adds a few tokens; its time is
 * the animation-frame callback that renders it plus the style and layout it causes. Target: the
 * 100K figure at most twice the 10K figure (an update costs what is new, not the whole answer).
 */
import { type Page } from 'playwright-core';
import { Harness } from '../test/webview/harness';
import { READY_STATUS, state, stream, user } from '../test/webview/messages';
import { atMost, type Figure, type SectionResult } from './figure';
import { median, round } from './stats';

export interface ChatRenderOptions {
  /** Updates measured at each size. */
  updates: number;
  sizes: { small: number; large: number };
}

const WORDS = 'the request stream parser handles every chunk of text that arrives from the model while the user waits'.split(' ');

/** A realistic answer of at least `chars` characters: headings, prose, lists and TypeScript blocks, deterministic. */
export function syntheticAnswer(chars: number): string {
  const parts: string[] = [];
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
  const sentence = () => Array.from({ length: 8 + (next() % 10) }, () => WORDS[next() % WORDS.length]).join(' ');
  let length = 0;
  for (let i = 0; length < chars; i++) {
    const part =
      i % 4 === 0
        ? `## Step ${i / 4 + 1}\n\n${sentence()}. ${sentence()}, with **emphasis** and \`inline code\`.`
        : i % 4 === 1
          ? Array.from({ length: 4 }, () => `- ${sentence()}`).join('\n')
          : i % 4 === 2
            ? ['```ts', ...Array.from({ length: 12 }, (_, n) => `  const value${n} = compute(${n}, "${WORDS[next() % WORDS.length]}"); // ${sentence()}`), '```'].join('\n')
            : `${sentence()}. ${sentence()}. ${sentence()}.`;
    parts.push(part);
    length += part.length + 2;
  }
  return `${parts.join('\n\n')}\n\n`;
}

/** What the in-page functions use of the page's window (the bench is compiled without the DOM library). */
interface PageWindow {
  requestAnimationFrame(callback: (time: number) => void): number;
  postMessage(message: unknown, target: string): void;
  document: { body: { offsetHeight: number } };
  __frameMs: number[];
  __raf(callback: (time: number) => void): number;
}

/** Milliseconds of every animation-frame callback of the page, style and layout included. */
async function instrumentFrames(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = globalThis as unknown as PageWindow;
    w.__frameMs = [];
    w.__raf = w.requestAnimationFrame.bind(w);
    w.requestAnimationFrame = (callback) =>
      w.__raf((time) => {
        const start = performance.now();
        callback(time);
        void w.document.body.offsetHeight; // style and layout of what the callback changed
        w.__frameMs.push(performance.now() - start);
      });
  });
}

/** Posts the messages one at a time, each rendered in its own frame; returns each frame's ms. */
async function streamUpdates(page: Page, messages: unknown[]): Promise<number[]> {
  return page.evaluate(async (list) => {
    const w = globalThis as unknown as PageWindow;
    const times: number[] = [];
    for (const message of list) {
      w.__frameMs = [];
      w.postMessage(message, '*');
      await new Promise((resolve) => setTimeout(resolve, 0));
      await new Promise((resolve) => w.__raf(() => setTimeout(resolve, 0)));
      times.push(w.__frameMs.reduce((sum, ms) => sum + ms, 0));
    }
    return times;
  }, messages);
}

async function perUpdateMs(harness: Harness, chars: number, updates: number): Promise<number> {
  const { chat } = await harness.open();
  try {
    await chat.fromHost(state([user('u1', 'Explain the stream parser')], { status: { ...READY_STATUS, busy: true } }));
    await instrumentFrames(chat.page);
    const answer = syntheticAnswer(chars + updates * 40);
    const head = answer.slice(0, chars);
    // Reach the size in large steps (not measured), then measure token-sized updates.
    const bulk = Array.from({ length: Math.ceil(head.length / 2000) }, (_, i) => stream('a1', { kind: 'contentDelta', text: head.slice(i * 2000, (i + 1) * 2000) }));
    await streamUpdates(chat.page, bulk);
    const tail = answer.slice(chars);
    const steps = Array.from({ length: updates }, (_, i) => stream('a1', { kind: 'contentDelta', text: tail.slice(i * 40, (i + 1) * 40) }));
    return median(await streamUpdates(chat.page, steps));
  } finally {
    await chat.page.context().close();
  }
}

export async function benchChatRender(options: ChatRenderOptions): Promise<SectionResult> {
  const harness = await Harness.start();
  try {
    // Warm-up: the first page pays for compiling the bundle.
    await perUpdateMs(harness, options.sizes.small, Math.min(10, options.updates));
    const per10kMs = await perUpdateMs(harness, options.sizes.small, options.updates);
    const per100kMs = await perUpdateMs(harness, options.sizes.large, options.updates);
    const section = 'chatRender';
    const ratio = per10kMs > 0 ? per100kMs / per10kMs : Number.POSITIVE_INFINITY;
    const figures: Figure[] = [
      { section, name: `render per update, ${options.sizes.small.toLocaleString('en-US')}-character answer`, value: round(per10kMs), unit: 'ms', runs: options.updates },
      {
        section,
        name: `render per update, ${options.sizes.large.toLocaleString('en-US')}-character answer`,
        value: round(per100kMs),
        unit: 'ms',
        baseline: { name: `${options.sizes.small.toLocaleString('en-US')}-character answer`, value: round(per10kMs) },
        ratio: round(ratio),
        target: atMost(ratio, 2, '≤ 2× the 10K figure'),
        runs: options.updates,
      },
    ];
    return { figures, raw: { per10kMs: round(per10kMs), per100kMs: round(per100kMs), ratio: round(ratio), ...options } };
  } finally {
    await harness.close();
  }
}
