import * as assert from 'node:assert/strict';
import { applyTarget, type SymbolSpan } from '../../../src/chat/applyTarget';

/** A symbol spanning `source` inside `text` (first occurrence). */
function span(text: string, name: string, source: string, children: SymbolSpan[] = []): SymbolSpan {
  const start = text.indexOf(source);
  assert.ok(start >= 0, `${source} not in the text`);
  return { name, start, end: start + source.length, children };
}

function applied(text: string, target: { start: number; end: number; code: string }): string {
  return text.slice(0, target.start) + target.code + text.slice(target.end);
}

const ADD = 'export function add(a: number, b: number) {\n  return a + b;\n}';
const SUB = 'export function sub(a: number, b: number) {\n  return a - b;\n}';
const UTIL = `import { x } from './x';\n\n${ADD}\n\n${SUB}\n`;
const UTIL_SYMBOLS = [span(UTIL, 'add', ADD), span(UTIL, 'sub', SUB)];

describe('applyTarget', () => {
  it('merges a 3-line function into the function it corresponds to and keeps the rest of the file', () => {
    const snippet = 'export function sub(a: number, b: number) {\n  return b - a;\n}\n';
    const target = applyTarget({ text: UTIL, snippet, symbols: UTIL_SYMBOLS });
    assert.equal(target.kind, 'symbol');
    assert.equal(applied(UTIL, target), UTIL.replace('return a - b;', 'return b - a;'));
  });

  it('finds a method inside a class and re-indents the snippet to it', () => {
    const method = 'area() {\n    return this.w * this.h;\n  }';
    const text = `class Rect {\n  constructor(w, h) { this.w = w; this.h = h; }\n\n  ${method}\n}\n`;
    const area = span(text, 'area', method);
    const symbols = [span(text, 'Rect', text.trimEnd(), [span(text, 'constructor', 'constructor(w, h) { this.w = w; this.h = h; }'), area])];
    const target = applyTarget({ text, snippet: 'area() {\n  return Math.abs(this.w * this.h);\n}', symbols });
    assert.equal(target.kind, 'symbol');
    assert.equal(applied(text, target), text.replace(method, 'area() {\n    return Math.abs(this.w * this.h);\n  }'));
  });

  it('replaces the doc comment above the symbol when the snippet brings one', () => {
    const text = '/** Adds. */\nfunction add(a, b) {\n  return a + b;\n}\n';
    const symbols = [span(text, 'add', 'function add(a, b) {\n  return a + b;\n}')];
    const target = applyTarget({ text, snippet: '/** Adds two numbers. */\nfunction add(a, b) {\n  return b + a;\n}', symbols });
    assert.equal(applied(text, target), '/** Adds two numbers. */\nfunction add(a, b) {\n  return b + a;\n}\n');
  });

  it('inserts a snippet with no counterpart at the end, after a blank line', () => {
    const snippet = 'export function mul(a: number, b: number) {\n  return a * b;\n}\n';
    const target = applyTarget({ text: UTIL, snippet, symbols: UTIL_SYMBOLS });
    assert.equal(target.kind, 'insert');
    assert.equal(applied(UTIL, target), `${UTIL}\n${snippet}`);
  });

  it('inserts import lines after the file’s imports', () => {
    const target = applyTarget({ text: UTIL, snippet: "import { y } from './y';", symbols: UTIL_SYMBOLS });
    assert.equal(applied(UTIL, target), UTIL.replace("from './x';\n", "from './x';\nimport { y } from './y';\n"));
  });

  it('replaces the whole file only for a whole-file snippet (or a blank file)', () => {
    const whole = `${ADD.replace('a + b', 'b + a')}\n\n${SUB}\n`;
    assert.equal(applyTarget({ text: UTIL, snippet: whole, symbols: UTIL_SYMBOLS }).kind, 'wholeFile');
    assert.equal(applyTarget({ text: '\n', snippet: 'x = 1', symbols: [] }).kind, 'wholeFile');
  });

  it('replaces a non-empty selection', () => {
    const target = applyTarget({ text: UTIL, snippet: 'y', selection: { start: 2, end: 5 }, symbols: UTIL_SYMBOLS });
    assert.deepEqual(target, { kind: 'selection', start: 2, end: 5, code: 'y' });
  });

  it('keeps CRLF line breaks whole around a replaced symbol', () => {
    const text = 'def f():\r\n    return 1\r\n\r\ndef g():\r\n    return 2\r\n';
    const symbols = [span(text, 'f', 'def f():\r\n    return 1'), span(text, 'g', 'def g():\r\n    return 2')];
    const target = applyTarget({ text, snippet: 'def g():\n    return 3\n', symbols });
    assert.equal(target.kind, 'symbol');
    assert.equal(text.slice(0, target.start) + target.code.replace(/\n/g, '\r\n') + text.slice(target.end), text.replace('return 2', 'return 3'));
  });
});
