/**
 * Follows a range of a document through later edits, the way the proposed-edit flow needs it: an
 * edit before the range shifts it, an edit after it leaves it alone, and an edit that touches the
 * range's own text means the text the proposal was made for is gone. No `vscode` import, so it is
 * unit-tested in plain Node.
 */

/** Character offsets into a document's text, `start` inclusive, `end` exclusive. */
export interface OffsetRange {
  start: number;
  end: number;
}

/**
 * One edit, as VS Code reports it in `TextDocumentChangeEvent.contentChanges`: `rangeLength`
 * characters replaced by `text` at `rangeOffset`. An event's changes apply one after the other, each
 * against the text the previous one left (that is how VS Code's extension host applies them).
 */
export interface TextChange {
  rangeOffset: number;
  rangeLength: number;
  text: string;
}

/**
 * The range after `changes`, or `'changed'` when one of them edits text inside the range. An
 * insertion exactly at the start counts as before the range (text typed above a selection that
 * starts a line), one exactly at the end as after it.
 */
export function trackRange(range: OffsetRange, changes: readonly TextChange[]): OffsetRange | 'changed' {
  let { start, end } = range;
  for (const change of changes) {
    const changeEnd = change.rangeOffset + change.rangeLength;
    const delta = change.text.length - change.rangeLength;
    if (changeEnd <= start) {
      start += delta;
      end += delta;
    } else if (change.rangeOffset < end) {
      return 'changed';
    }
  }
  return { start, end };
}
