import * as assert from 'node:assert/strict';
import { ContextChips } from '../../../src/chat/contextChips';
import { selectedLines } from '../../../src/platform/selectedLines';
import { explainQuestion } from '../../../src/actions/prompts';
import { FakeEditorHost } from '../chat/fakeEditorHost';

describe('selectedLines: one line-range convention for chips and prompts', () => {
  it('leaves out the line a selection ends at column 0 of', () => {
    assert.deepEqual(selectedLines({ line: 6, character: 0 }, { line: 15, character: 0 }), { startLine: 6, endLine: 14 });
    assert.deepEqual(selectedLines({ line: 6, character: 4 }, { line: 15, character: 1 }), { startLine: 6, endLine: 15 });
  });

  it('keeps a line when the selection starts and ends at column 0 of it (nothing of the line is selected, but it is the only one)', () => {
    assert.deepEqual(selectedLines({ line: 3, character: 0 }, { line: 3, character: 0 }), { startLine: 3, endLine: 3 });
  });

  it('gives the /explain chip and its question the same lines (7-14, not 7-14 and 7-15)', () => {
    const range = selectedLines({ line: 6, character: 0 }, { line: 14, character: 0 });
    const editor = new FakeEditorHost();
    editor.document = { name: 'app.ts', language: 'typescript', text: 'code' };
    editor.selected = { range, text: 'code' };
    const chips = new ContextChips(editor, { isExcluded: () => false, displayPath: (p) => p, resolve: () => Promise.reject(new Error('unused')) }, () => 'c1');
    assert.ok(chips.addSelection());
    const label = chips.views()[0]!.label;
    const question = explainQuestion({ languageId: 'ts', fileName: 'app.ts', startLine: range.startLine + 1, endLine: range.endLine + 1, selection: 'code' });
    assert.match(label, /:7-14$/);
    assert.match(question, /\(lines 7-14\)/);
  });
});
