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

describe('extractCode: the shape of the answer', () => {
  it('proposes the block that differs from the selection when the old code is quoted first', () => {
    const selection = 'var sum = a + b;\nreturn sum;\n';
    const answer = 'Your code:\n```js\nvar sum = a + b;\nreturn sum;\n```\nBetter:\n```js\nconst sum = a + b;\nreturn sum;\n```\n';
    assert.equal(extractCode(answer, selection), 'const sum = a + b;\nreturn sum;');
  });

  it('takes the second block while it still streams, once the first only repeats the selection', () => {
    assert.equal(extractCode('```py\nx = 1\n```\nNow:\n```py\nx = 2', 'x = 1'), 'x = 2');
  });

  it('keeps the first block when every block repeats the selection (no change)', () => {
    assert.equal(extractCode('```\nfoo()\n```\n```\nfoo()\n```', 'foo()\n'), 'foo()');
  });

  it('de-indents a fence indented inside a list item, keeping the code’s own indentation', () => {
    const answer = '1. Replace the loop:\n\n   ```ts\n   for (const x of xs) {\n     use(x);\n   }\n   ```\n';
    assert.equal(extractCode(answer), 'for (const x of xs) {\n  use(x);\n}');
    assert.equal(extractCode('- change:\n  ~~~\n  a();\n  ~~~'), 'a();');
  });

  it('drops prose after unfenced code', () => {
    assert.equal(extractCode('const a = 1;\nconst b = 2;\n\nThis uses const because the values never change.'), 'const a = 1;\nconst b = 2;');
    const python = 'def f(x):\n    return x * 2\n\nThe function now doubles its input.\nIt has no side effects.\n';
    assert.equal(extractCode(python), 'def f(x):\n    return x * 2');
  });

  it('keeps code after a blank line that is not prose', () => {
    const code = 'const a = 1;\n\nexport default a;';
    assert.equal(extractCode(code), code);
    assert.equal(extractCode('x = 1\n\n# Done here, now.\n'), 'x = 1\n\n# Done here, now.');
  });
});
