/**
 * `provideTokenCount`: a local estimate, computed in microseconds and never a request (VS Code
 * calls it for every message it fits into the context window).
 *
 * Error: it counts one token per 4 characters of text (the core's `estimateTokens`), the rule of
 * thumb OpenAI documents for English text with BPE tokenizers ("1 token ≈ 4 characters"). It was not
 * checked against xAI's tokenizer (asking `/tokenize-text` would be a request): expect it to be off
 * by tens of percent either way for English and code (dense code with short identifiers has more
 * tokens, long runs of indentation fewer), and to undercount text in non-Latin scripts by up to 4×
 * (one CJK character is often a token or more). Images count nothing; tool calls and results count
 * the characters of their JSON or text.
 */
import { estimateTokens } from '../provider/client/usage';
import { classifyPart, isTextData } from './requestParts';
import { type RequestMessage } from './requestMessages';

const decoder = new TextDecoder();

function partText(raw: unknown): string {
  const part = classifyPart(raw);
  switch (part.kind) {
    case 'text':
      return part.text;
    case 'toolCall':
      return part.name + JSON.stringify(part.input);
    case 'toolResult':
      return part.content.map(partText).join('');
    case 'data':
      return isTextData(part.mimeType) ? decoder.decode(part.data) : '';
    case 'other':
      return '';
  }
}

export function estimateTokenCount(input: string | RequestMessage): number {
  return estimateTokens(typeof input === 'string' ? input : input.content.map(partText).join(''));
}
