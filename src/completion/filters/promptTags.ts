/**
 * The prompt's own markup never reaches the editor: the hole marker is removed wherever it stands,
 * an opening tag at a line's start is removed, and a closing tag ends the answer there (the model
 * echoed the prompt's frame; what follows it is not code for the hole).
 */
import { HOLE, PROMPT_TAGS } from '../prompt';
import type { LineStage } from './lineStage';

const CLOSING_TAG = new RegExp(`</(${PROMPT_TAGS.join('|')})>`);
const OPENING_TAG = new RegExp(`^\\s*<(${PROMPT_TAGS.join('|')})>`);

export function promptTags(): LineStage {
  let ended = false;
  return {
    push(raw) {
      if (ended) return [];
      let line = raw.split(HOLE).join('');
      const closing = CLOSING_TAG.exec(line);
      if (closing !== null) {
        ended = true;
        line = line.slice(0, closing.index);
        return line.trim() === '' ? [] : [line];
      }
      const opening = OPENING_TAG.exec(line);
      if (opening === null) return [line];
      line = line.slice(opening[0].length);
      return line.trim() === '' ? [] : [line];
    },
    flush: () => [],
    holding: false,
    get ended() {
      return ended;
    },
  };
}
