import * as assert from 'node:assert/strict';
import { type SymbolSpan, symbolShortcut } from '../../../../src/chat/apply/symbolShortcut';

function span(text: string, name: string, source: string, children: SymbolSpan[] = []): SymbolSpan {
  const start = text.indexOf(source);
  assert.ok(start >= 0, `${source} not in the text`);
  return { name, start, end: start + source.length, children };
}

const applied = (text: string, target: { start: number; end: number; code: string } | undefined) => {
  assert.ok(target, 'no shortcut');
  return text.slice(0, target.start) + target.code + text.slice(target.end);
};

describe('symbolShortcut', () => {
  it('finds a method inside a class and re-indents the snippet to it', () => {
    const method = 'area() {\n    return this.w * this.h;\n  }';
    const text = `class Rect {\n  constructor(w, h) { this.w = w; this.h = h; }\n\n  ${method}\n}\n`;
    const symbols = [span(text, 'Rect', text.trimEnd(), [span(text, 'constructor', 'constructor(w, h) { this.w = w; this.h = h; }'), span(text, 'area', method)])];
    const target = symbolShortcut(text, 'area() {\n  return Math.abs(this.w * this.h);\n}', symbols);
    assert.equal(applied(text, target), text.replace(method, 'area() {\n    return Math.abs(this.w * this.h);\n  }'));
  });

  it('replaces the doc comment above the symbol when the snippet brings one', () => {
    const text = '/** Adds. */\nfunction add(a, b) {\n  return a + b;\n}\n';
    const symbols = [span(text, 'add', 'function add(a, b) {\n  return a + b;\n}')];
    const target = symbolShortcut(text, '/** Adds two numbers. */\nfunction add(a, b) {\n  return b + a;\n}', symbols);
    assert.equal(applied(text, target), '/** Adds two numbers. */\nfunction add(a, b) {\n  return b + a;\n}\n');
  });

  it('keeps CRLF line breaks whole around a replaced symbol', () => {
    const text = 'def f():\r\n    return 1\r\n\r\ndef g():\r\n    return 2\r\n';
    const symbols = [span(text, 'f', 'def f():\r\n    return 1'), span(text, 'g', 'def g():\r\n    return 2')];
    const target = symbolShortcut(text, 'def g():\n    return 3\n', symbols);
    assert.equal(applied(text, target).replace(/\r?\n/g, '\r\n'), text.replace('return 2', 'return 3'));
  });

  it('is not taken for another signature, a placeholder, two declarations or a name two symbols share', () => {
    const text = 'function add(a, b) {\n  return a + b;\n}\n\nfunction sub(a, b) {\n  return a - b;\n}\n';
    const symbols = [span(text, 'add', 'function add(a, b) {\n  return a + b;\n}'), span(text, 'sub', 'function sub(a, b) {\n  return a - b;\n}')];
    assert.equal(symbolShortcut(text, 'function add(a, b, c) {\n  return a + b + c;\n}', symbols), undefined);
    assert.equal(symbolShortcut(text, 'function add(a, b) {\n  // ... existing code ...\n  log(a);\n}', symbols), undefined);
    assert.equal(symbolShortcut(text, 'function add(a, b) {\n  return b + a;\n}\nfunction mul(a, b) {\n  return a * b;\n}', symbols), undefined);
    const twice = `${text}\nclass A {\n  function add(a, b) {\n    return 0;\n  }\n}\n`;
    const inner = span(twice, 'add', 'function add(a, b) {\n    return 0;\n  }');
    assert.equal(symbolShortcut(twice, 'function add(a, b) {\n  return b + a;\n}', [...symbols, span(twice, 'A', twice.slice(twice.indexOf('class A')).trimEnd(), [inner])]), undefined);
  });
});
