/**
 * A code fence after the answer began closes the code: the completion ends there (prose usually
 * follows). The opening fence and any preamble before it are the preamble stage's.
 */
import type { LineFilterFactory } from './lineFilter';

const FENCE = /^\s*```/;

export const markdownFences: LineFilterFactory = () => (line) => (FENCE.test(line) ? 'stop' : 'keep');
