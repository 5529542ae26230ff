/**
 * The suggest widget's selected item as part of the prefix. While VS Code's suggest widget is
 * open, `InlineCompletionContext.selectedCompletionInfo` names the selected item (`range`, `text`),
 * and VS Code shows ghost text only when it extends that item (sourcegraph/cody#311,
 * microsoft/vscode#137004). So the engine is asked about the document as it reads with the item
 * applied, its cursor after the item, and the item's text leads the ghost text.
 */
import type { DocumentText } from './types';

/** The selected item: the offsets it replaces in the document and its text. */
export interface SelectedCompletion {
  start: number;
  end: number;
  text: string;
}

/** The document with `selected` applied, read lazily like the document itself; the cursor stands after the item. */
export function withSelectedCompletion(document: DocumentText, selected: SelectedCompletion): { text: DocumentText; offset: number } {
  const { start, end, text: inserted } = selected;
  const shift = inserted.length - (end - start);
  const text: DocumentText = {
    get length() {
      return document.length + shift;
    },
    slice(from, to) {
      const before = from < start ? document.slice(from, Math.min(to, start)) : '';
      const item = inserted.slice(Math.max(from - start, 0), Math.max(to - start, 0));
      const afterFrom = Math.max(from - shift, end);
      const after = to - shift > afterFrom ? document.slice(afterFrom, to - shift) : '';
      return before + item + after;
    },
  };
  return { text, offset: start + inserted.length };
}
