/** Instances of issue 13's kinds that the issue did not show, invented by a review. */
import * as assert from 'node:assert/strict';
import { extractCode, fitReplacement } from '../../../src/actions/extractCode';
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

describe('issue 13, invented instances: the answer’s shape', () => {
  it('the old code quoted first in a CRLF selection (same code, other line endings), then the new', () => {
    const selection = 'var a = 1;\r\nvar b = 2;\r\n';
    const answer = 'Before:\n```js\nvar a = 1;\nvar b = 2;\n```\nAfter:\n```js\nconst a = 1;\nconst b = 2;\n```';
    assert.equal(extractCode(answer, selection), 'const a = 1;\nconst b = 2;');
  });

  it('a tilde fence inside a numbered list keeps the code’s own indentation', () => {
    const answer = '1. Replace the loop:\n\n   ~~~python\n   for x in xs:\n       print(x)\n   ~~~\n2. Run it.';
    assert.equal(extractCode(answer), 'for x in xs:\n    print(x)');
  });

  it('prose after unfenced code is dropped, a code line after a blank line is kept', () => {
    assert.equal(extractCode('const a = 1;\n\nNote: this uses `const` instead of `var`.'), 'const a = 1;');
    assert.equal(extractCode('const a = 1;\n\nexport default a;'), 'const a = 1;\n\nexport default a;');
  });
});
