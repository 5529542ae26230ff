/** Models wrap code in Markdown fences despite being told not to: drop the opening one, stop at the closing one. */
import type { LineFilterFactory } from './lineFilter';

const FENCE = /^\s*```/;

export const markdownFences: LineFilterFactory = () => {
  let opened = false;
  return (line, kept) => {
    if (!FENCE.test(line)) return 'keep';
    if (kept.length === 0 && !opened) {
      opened = true;
      return 'skip';
    }
    return 'stop';
  };
};
