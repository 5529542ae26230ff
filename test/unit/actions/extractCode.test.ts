import * as assert from 'node:assert/strict';
import { extractCode, fitReplacement } from '../../../src/actions/extractCode';

describe('extractCode', () => {
  it('takes the body of the first fenced block and drops the chatter around it', () => {
    const answer = 'Here is the refactored code:\n\n```ts\nconst a = 1;\nconst b = 2;\n```\n\nThis is clearer because...';
    assert.equal(extractCode(answer), 'const a = 1;\nconst b = 2;');
  });

  it('keeps a still-open fence while streaming', () => {
    assert.equal(extractCode('```python\ndef f():\n    return 1'), 'def f():\n    return 1');
    assert.equal(extractCode('```python\n'), '');
  });

  it('does not end at a shorter fence inside a longer one', () => {
    const answer = '````md\nText\n```js\nx()\n```\nmore\n````';
    assert.equal(extractCode(answer), 'Text\n```js\nx()\n```\nmore');
  });

  it('accepts tilde fences', () => {
    assert.equal(extractCode('~~~\nfoo\n~~~'), 'foo');
  });

  it('returns an unfenced answer without its leading chatter line', () => {
    assert.equal(extractCode('Sure, here is the code:\nreturn x + 1;\n'), 'return x + 1;');
    assert.equal(extractCode('return x + 1;'), 'return x + 1;');
  });

  it('returns empty for an empty answer', () => {
    assert.equal(extractCode(''), '');
    assert.equal(extractCode('   \n'), '');
  });
});

describe('fitReplacement', () => {
  it("restores the selection's trailing line break", () => {
    assert.equal(fitReplacement('a\n', 'b'), 'b\n');
    assert.equal(fitReplacement('a\r\n', 'b'), 'b\r\n');
    assert.equal(fitReplacement('a\n', 'b\n'), 'b\n');
    assert.equal(fitReplacement('a', 'b'), 'b');
  });
});
