/**
 * Instances of issue 18's kinds that the issue did not show, invented by a review, through the same
 * stream filters and post-processing as the golden cases.
 */
import * as assert from 'node:assert/strict';
import { afterTab, type AnsweredDoc } from './golden/afterTab';

interface Case extends AnsweredDoc {
  kind: number;
  name: string;
  afterTab: string | undefined;
  /** The issue allows "re-indented or not offered" for this kind: no suggestion is right too. */
  orNone?: boolean;
}

const CASES: Case[] = [
  // 1. Closers after the cursor.
  { kind: 1, name: 'an auto-closed square bracket and semicolon', doc: 'const a = [1, 2█];', answer: ', 3];', afterTab: 'const a = [1, 2, 3];█' },
  { kind: 1, name: 'a double quote right after a letter inside a dict', doc: 'cfg = {"name": "ap█"}', answer: 'p", "debug": True}', afterTab: 'cfg = {"name": "app", "debug": True}█' },
  // 2. The model restates what is already there.
  { kind: 2, name: 'the current line restated without its indentation', doc: 'def add(a, b):\n    return a█', answer: 'return a + b', afterTab: 'def add(a, b):\n    return a + b█' },
  { kind: 2, name: 'the previous line and the current one restated', doc: 'if (x) {\n  y = 1;\n  retu█', answer: '  y = 1;\n  return y;', afterTab: 'if (x) {\n  y = 1;\n  return y;█' },
  // 5. The file's indentation wins.
  { kind: 5, name: 'a tab-indented Python block: the body gets two tabs', doc: 'def f(xs):\n\tfor x in xs:█', answer: '\n    print(x)', afterTab: 'def f(xs):\n\tfor x in xs:\n\t\tprint(x)█' },
  { kind: 5, name: 'a tab-indented Python block with the model using two spaces', doc: 'class A:\n\tdef f(self):\n\t\tpass\n\tdef g(self):█', answer: '\n  return 1', afterTab: 'class A:\n\tdef f(self):\n\t\tpass\n\tdef g(self):\n\t\treturn 1█', orNone: true },
  // 3. Mid-word cursor.
  { kind: 3, name: 'a call completed mid-name', doc: "console.lo█g('x')", answer: "g('x');", afterTab: "console.log('x');█" },
  { kind: 3, name: 'an import name completed mid-word, the list extended', doc: "import { useSt█ate } from 'react'", answer: "ate, useEffect } from 'react';", afterTab: "import { useState, useEffect } from 'react';█" },
  // 4. Prose and prompt scaffolding.
  { kind: 4, name: 'a Python preamble, a fence and a closing remark', doc: 'def add(a, b):\n    █', answer: "Here's the implementation:\n\n```python\nreturn a + b\n```\nThis returns the sum.", afterTab: 'def add(a, b):\n    return a + b█' },
  { kind: 4, name: 'a code line whose string reads like chatter is kept', doc: 'def greet():\n    █', answer: 'print("Sure, here it is:")\n    return True', afterTab: 'def greet():\n    print("Sure, here it is:")\n    return True█' },
  // 11. Whitespace at the seams.
  { kind: 11, name: 'no doubled space after an operator', doc: 'if (a && █', answer: ' b) {', afterTab: 'if (a && b) {█' },
  { kind: 11, name: 'every line indented by the model again: no doubled indent, continuation aligned', doc: 'function f() {\n  █', answer: '  a();\n  b();', afterTab: 'function f() {\n  a();\n  b();█' },
  // 12. A block typed between auto-closed brackets.
  { kind: 12, name: 'an array literal between auto-closed brackets', doc: 'const arr = [█];', answer: '\n  1,\n  2,\n', afterTab: 'const arr = [\n  1,\n  2,\n█];' },
  { kind: 12, name: 'an indented array in an object, its closer moved to the line’s indentation', doc: 'const o = {\n  list: [█],\n};', answer: "\n    'a',\n    'b',\n", afterTab: "const o = {\n  list: [\n    'a',\n    'b',\n  █],\n};" },
  { kind: 12, name: 'a one-line answer between auto-closed brackets stays on the line', doc: 'const a = [█];', answer: '1, 2, 3', afterTab: 'const a = [1, 2, 3█];' },
  { kind: 12, name: 'an if body between auto-closed braces', doc: 'if (ok) {█}', answer: '\n  run();\n', afterTab: 'if (ok) {\n  run();\n█}' },
  // 6. Cut answers.
  { kind: 6, name: 'a cut array keeps its complete lines only', doc: 'const list = [█', answer: '\n  1,\n  2,\n  3', finishReason: 'length', afterTab: 'const list = [\n  1,\n  2,█' },
  { kind: 6, name: 'a cut in the middle of a string on the first line shows nothing', doc: 'msg = █', answer: '"Hello, wor', finishReason: 'length', afterTab: undefined },
  // 9. Duplicates of what is already around the cursor.
  { kind: 9, name: 'a method chain looping within the line', doc: 'const ids = █', answer: 'items.map((i) => i.id).map((i) => i.id).map((i) => i.id)', afterTab: undefined },
  { kind: 9, name: 'a Python return re-typed from the line below', doc: 'def f(x):\n    █\n    return x', answer: 'return x', afterTab: undefined },
  // 10. Block closers against the lines below.
  { kind: 10, name: 'a Rust if’s closer below, four-space indent', doc: 'fn main() {\n    if ok {█\n    }\n}', answer: '\n        run();\n    }', afterTab: 'fn main() {\n    if ok {\n        run();█\n    }\n}' },
  { kind: 10, name: 'a test callback’s `});` below is not doubled', doc: "describe('x', () => {\n  it('y', () => {█\n  });\n});", answer: '\n    check();\n  });', afterTab: "describe('x', () => {\n  it('y', () => {\n    check();█\n  });\n});" },
  // CRLF documents, through kinds 9 and 10.
  { kind: 9, name: 'CRLF: a statement the next line has', doc: 'function load(data) {\r\n  █\r\n  setUser(data);\r\n}\r\n', answer: 'setUser(data);', afterTab: undefined },
  { kind: 10, name: 'CRLF: the if’s closer below is not doubled', doc: 'function f() {\r\n  if (ok) {█\r\n  }\r\n}\r\n', answer: '\n    go();\n  }', afterTab: 'function f() {\r\n  if (ok) {\n    go();█\r\n  }\r\n}\r\n' },
  { kind: 2, name: 'CRLF: the last lines of the prefix restated', doc: 'def area(r):\r\n    pi = 3.14\r\n    return pi█', answer: 'def area(r):\n    pi = 3.14\n    return pi * r * r', afterTab: 'def area(r):\r\n    pi = 3.14\r\n    return pi * r * r█' },
];

describe('completion: invented instances of issue 18 kinds', () => {
  for (const c of CASES) {
    it(`kind ${c.kind}: ${c.name}`, () => {
      for (const size of [c.answer.length || 1, 1, 5]) {
        const result = afterTab(c, size);
        if (c.orNone && result === undefined) continue;
        assert.equal(result, c.afterTab, `in chunks of ${size}`);
      }
    });
  }
});
