/**
 * Golden cases for the kinds of issue 25 (instances of issue 18's kinds that still failed, and two
 * new kinds), end to end through the stream filters and post-processing: the document with the
 * cursor `█`, the model's answer, and the document after Tab with the cursor after the inserted
 * text, or undefined for no suggestion. Each kind has the issue's example and other instances.
 */
import type { InlineKindCase } from './inlineKindCases';

type Kind = 'surroundings' | 'member-access' | 'leading-break' | 'indentation' | 'lines-before' | 'repetition';

export type SurroundingKindCase = Omit<InlineKindCase, 'kind'> & { kind: Kind };

const zeros = (n: number): string => Array.from({ length: n }, () => '0').join(', ');

export const SURROUNDING_KIND_CASES: SurroundingKindCase[] = [
  // Surroundings offered again, with a small difference.
  { kind: 'surroundings', name: 'issue: the import above restated', doc: 'import os\n█\nimport sys', answer: 'import os\nimport json', afterTab: 'import os\nimport json█\nimport sys' },
  { kind: 'surroundings', name: 'the line above restated without its ;', doc: 'const a = 1;\n█\nconst c = 3;', answer: 'const a = 1\nconst b = 2;', afterTab: 'const a = 1;\nconst b = 2;█\nconst c = 3;' },
  { kind: 'surroundings', name: 'the line below offered with a ; it lacks', doc: 'function f() {\n  █\n  run()\n}', answer: 'run();', afterTab: undefined },
  { kind: 'surroundings', name: 'the line below written again after the new one, with other spacing', doc: 'x = 1\n█\nprint( x )', answer: 'y = 2\nprint(x)', afterTab: 'x = 1\ny = 2█\nprint( x )' },
  { kind: 'surroundings', name: '} before } else {', doc: 'if (x) {\n  a();\n█\n} else {\n  b();\n}', answer: '  c();\n}', afterTab: 'if (x) {\n  a();\n  c();█\n} else {\n  b();\n}' },
  { kind: 'surroundings', name: '} before };', doc: 'const o = {\n  a: 1,\n█\n};', answer: '  b: 2,\n}', afterTab: 'const o = {\n  a: 1,\n  b: 2,█\n};' },
  { kind: 'surroundings', name: '} before } else { after a block opened at the cursor', doc: 'if (ok) {█\n} else {\n  no();\n}', answer: '\n  yes();\n}', afterTab: 'if (ok) {\n  yes();█\n} else {\n  no();\n}' },
  { kind: 'surroundings', name: 'a line repeated in another block is code (Python return False)', doc: 'def f(n):\n    if n < 2:\n█\n    for k in range(2, n):\n        if n % k == 0:\n            return False\n    return True', answer: '        return False\n', afterTab: 'def f(n):\n    if n < 2:\n        return False█\n    for k in range(2, n):\n        if n % k == 0:\n            return False\n    return True' },
  { kind: 'surroundings', name: 'the same line one block out is code, not an echo', doc: 'def f(x):\n    for a in x:\n        if a:\n            return True\n        return False\n█', answer: '    return False', afterTab: 'def f(x):\n    for a in x:\n        if a:\n            return True\n        return False\n    return False█' },

  // Restated text around a member access or call.
  { kind: 'member-access', name: 'issue: this.ite + this.items.length;', doc: 'return this.ite█', answer: 'this.items.length;', afterTab: 'return this.items.length;█' },
  { kind: 'member-access', name: 'a property restated inside a call, before the auto-closed paren', doc: 'foo(bar.ba█)', answer: 'bar.baz)', afterTab: 'foo(bar.baz)█' },
  { kind: 'member-access', name: 'a chain restated from its last name', doc: 'const n = this.items.le█', answer: 'items.length;', afterTab: 'const n = this.items.length;█' },
  { kind: 'member-access', name: 'a call restated with its open paren', doc: 'result = obj.run(█', answer: 'obj.run(1, 2)', afterTab: 'result = obj.run(1, 2)█' },
  { kind: 'member-access', name: 'a Python attribute restated', doc: 'def f(self):\n    return self.na█', answer: 'self.name', afterTab: 'def f(self):\n    return self.name█' },
  { kind: 'member-access', name: 'a continuation that does not restate stays whole', doc: 'return this.ite█', answer: 'ms.length;', afterTab: 'return this.items.length;█' },

  // An answer's leading line break.
  { kind: 'leading-break', name: 'issue: two lines', doc: 'const a = 1;█', answer: '\nconst b = 2;', afterTab: 'const a = 1;\nconst b = 2;█' },
  { kind: 'leading-break', name: 'the next line written at column 0 under an indented line', doc: 'function f() {\n  foo();█\n}', answer: '\nbar();', afterTab: 'function f() {\n  foo();\n  bar();█\n}' },
  { kind: 'leading-break', name: 'a Python line written at column 0 under an indented line', doc: 'def f():\n    foo()█', answer: '\nbar()\nbaz()', afterTab: 'def f():\n    foo()\n    bar()\n    baz()█' },
  { kind: 'leading-break', name: 'a closer at column 0 after the break stays where it is', doc: 'function f() {\n  return 1;█', answer: '\n}', afterTab: 'function f() {\n  return 1;\n}█' },
  { kind: 'leading-break', name: 'a new definition at column 0 leaves the block', doc: 'def f():\n    return 1█', answer: '\n\ndef g():\n    return 2', afterTab: undefined },

  // Indentation the file and the language require.
  { kind: 'indentation', name: 'a first line in spaces on a blank line of a tab file', doc: 'def f():\n\tx = 1\n█\n\treturn x', answer: '    y = 2', afterTab: 'def f():\n\tx = 1\n\ty = 2█\n\treturn x' },
  { kind: 'indentation', name: 'a first line in tabs on a blank line of a space file', doc: 'def f():\n    x = 1\n█\n    return x', answer: '\ty = 2', afterTab: 'def f():\n    x = 1\n    y = 2█\n    return x' },
  { kind: 'indentation', name: 'a Python body under the if above, written at the if’s level', doc: 'def f(x):\n    if x:\n█\n    return x', answer: '    y = 1', afterTab: 'def f(x):\n    if x:\n        y = 1█\n    return x' },
  { kind: 'indentation', name: 'a body under a brace above, written without indentation', doc: 'function f() {\n  if (x) {\n█\n  }\n}', answer: 'go();', afterTab: 'function f() {\n  if (x) {\n    go();█\n  }\n}' },
  { kind: 'indentation', name: 'a docstring line ending with a colon opens nothing', doc: 'def f():\n    """Example:\n█', answer: '    f()', afterTab: 'def f():\n    """Example:\n    f()█' },

  // Whole lines before the code after the cursor (the shape HumanEval infilling asks for).
  { kind: 'lines-before', name: 'a line inserted before the line the cursor starts', doc: 'def f(x):\n█    return x', answer: '    x += 1\n', afterTab: 'def f(x):\n    x += 1\n█    return x' },
  { kind: 'lines-before', name: 'the line after the cursor echoed after the new one is cut', doc: 'def f(x):\n█    return x', answer: '    x += 1\n    return x\n', afterTab: 'def f(x):\n    x += 1\n█    return x' },
  { kind: 'lines-before', name: 'only the line after the cursor re-typed', doc: 'def f(x):\n    y = x\n█    return y', answer: '    return y\n', afterTab: undefined },
  { kind: 'lines-before', name: 'in indentation: the code keeps its indentation', doc: 'function f() {\n  █return 1;\n}', answer: 'log();\n', afterTab: 'function f() {\n  log();\n  █return 1;\n}' },
  { kind: 'lines-before', name: 'an answer without a line break continues the line', doc: 'async function f() {\n  █fetch(url);\n}', answer: 'await ', afterTab: 'async function f() {\n  await █fetch(url);\n}' },

  // Degenerate repetition.
  { kind: 'repetition', name: 'issue: 0, 0, 0 … × 150, then stop', doc: 'const zeros = [█', answer: `${zeros(150)}, stop`, afterTab: undefined },
  { kind: 'repetition', name: 'a repeating line after good ones is cut before it', doc: 'def f():█', answer: `\n    a = 1\n    b = [${zeros(40)}]`, afterTab: 'def f():\n    a = 1█' },
  { kind: 'repetition', name: 'a word repeated with spaces', doc: 'msg = "█"', answer: `${'very '.repeat(30)}long"`, afterTab: undefined },
  { kind: 'repetition', name: 'a few zeros are code', doc: 'const v = [█];', answer: '0, 0, 0, 0', afterTab: 'const v = [0, 0, 0, 0█];' },
  { kind: 'repetition', name: 'one zero a line × 150, then stop: cut at the first repetition', doc: 'const zeros = [\n  █\n];', answer: `${'0,\n  '.repeat(150)}stop`, afterTab: 'const zeros = [\n  0,█\n];' },
  { kind: 'repetition', name: 'a short line repeated after good lines keeps the good ones and one copy', doc: 'table = [\n    █\n]', answer: `1,\n    2,\n${'    x,\n'.repeat(40)}`, afterTab: 'table = [\n    1,\n    2,\n    x,█\n]' },
  { kind: 'repetition', name: 'a separator comment of one punctuation character is code', doc: '█', answer: `// ${'-'.repeat(60)}`, afterTab: `// ${'-'.repeat(60)}█` },
];
