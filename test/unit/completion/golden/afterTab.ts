import { postprocess } from '../../../../src/completion/postprocess';
import { CompletionStreamFilter } from '../../../../src/completion/streamFilters';
import { CURSOR, surroundingsOf } from './cursorDoc';

/** A golden case's input: the document with the cursor `█`, the model's answer and how its stream ended. */
export interface AnsweredDoc {
  doc: string;
  answer: string;
  finishReason?: 'stop' | 'length' | 'content_filter';
}

/**
 * The document after Tab, with the cursor after the inserted text, the answer streamed through the
 * stream filters in chunks of `chunkSize` and post-processed; undefined when nothing is shown.
 */
export function afterTab(c: AnsweredDoc, chunkSize: number): string | undefined {
  const at = c.doc.indexOf(CURSOR);
  const prefix = c.doc.slice(0, at);
  const suffix = c.doc.slice(at + CURSOR.length);
  const cursor = surroundingsOf(c.doc);
  const filter = new CompletionStreamFilter(cursor);
  for (let i = 0; i < c.answer.length; i += chunkSize) if (filter.push(c.answer.slice(i, i + chunkSize))) break;
  filter.finish({ cut: c.finishReason === 'length' || c.finishReason === 'content_filter' });
  const suggestion = postprocess(filter.answer(), cursor);
  if (suggestion === undefined) return undefined;
  return `${prefix}${suggestion.text}${CURSOR}${suffix.slice(suggestion.replaceLength)}`;
}
