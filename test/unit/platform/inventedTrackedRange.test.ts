/** Instances of issue 13's kinds that the issue did not show, invented by a review. */
import * as assert from 'node:assert/strict';
import { fitReplacement } from '../../../src/actions/extractCode';
import { withLineEnding } from '../../../src/platform/lineEndings';
import { trackRange, type TextChange } from '../../../src/platform/trackedRange';

function apply(text: string, changes: TextChange[]): string {
  return changes.reduce((t, c) => t.slice(0, c.rangeOffset) + c.text + t.slice(c.rangeOffset + c.rangeLength), text);
}

describe('issue 13, invented instances: the proposal follows the selection', () => {
  const text = 'save();\nlog();\nsave();\nend();\n';
  // The second `save();` is selected.
  const second = { start: 15, end: 23 };

  it('the selected text appears twice and the user edits the first occurrence: the second is still the target', () => {
    const changes = [{ rangeOffset: 0, rangeLength: 7, text: 'saveAll(items);' }];
    const moved = trackRange(second, changes);
    assert.notEqual(moved, 'changed');
    if (moved === 'changed') return;
    const after = apply(text, changes);
    assert.equal(after.slice(moved.start, moved.end), 'save();\n');
    assert.equal(after.slice(0, moved.start), 'saveAll(items);\nlog();\n');
  });

  it('an edit of the selected occurrence itself is a change, even when the same text stands above', () => {
    assert.equal(trackRange(second, [{ rangeOffset: 17, rangeLength: 2, text: 'VE' }]), 'changed');
  });
});

describe('issue 13, invented instances: line endings', () => {
  const replacementFor = (selection: string, code: string) => withLineEnding(fitReplacement(selection, code), '\r\n');

  it('in a CRLF file, the same code with LF and an extra trailing line break is unchanged', () => {
    assert.equal(replacementFor('a();\r\nb();', 'a();\nb();\n'), 'a();\r\nb();');
  });

  it('in a CRLF file, the same code with LF without the trailing line break is unchanged', () => {
    assert.equal(replacementFor('a();\r\nb();\r\n', 'a();\nb();'), 'a();\r\nb();\r\n');
  });
});
