/** Golden cases write a document with the cursor as `█` (not `|`: Rust closures use it). */
import { type CursorSurroundings, cursorSurroundings } from '../../../../src/completion/cursor';

export const CURSOR = '█';

export function surroundingsOf(doc: string): CursorSurroundings {
  const at = doc.indexOf(CURSOR);
  if (at < 0) throw new Error(`no cursor in ${JSON.stringify(doc)}`);
  return cursorSurroundings({ prefix: doc.slice(0, at), suffix: doc.slice(at + CURSOR.length) });
}
