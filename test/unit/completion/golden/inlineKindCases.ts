/**
 * Golden cases for the kinds of issue 18, end to end through the stream filters and post-processing:
 * the document with the cursor `█`, the model's answer (and how its stream ended), and the document
 * after Tab with the cursor after the inserted text, or undefined for no suggestion. Each kind has
 * the example and at least one more instance.
 */
export interface InlineKindCase {
  kind: number;
  name: string;
  doc: string;
  answer: string;
  finishReason?: 'stop' | 'length' | 'content_filter';
  afterTab: string | undefined;
}

export const INLINE_KIND_CASES: InlineKindCase[] = [
  // 1. Closers after the cursor, not only brackets.
  { kind: 1, name: 'issue: an auto-closed quote after the cursor is replaced', doc: "import { x } from './fo█'", answer: "o';", afterTab: "import { x } from './foo';█" },
  { kind: 1, name: 'a double quote and a paren closed by the answer', doc: 'open("data.cs█")', answer: 'v")', afterTab: 'open("data.csv")█' },
  { kind: 1, name: 'a backtick closing a template string', doc: 'const s = `Hello ${name}█`', answer: '!`;', afterTab: 'const s = `Hello ${name}!`;█' },
  { kind: 1, name: 'a quote right after a letter closes the string the cursor is in', doc: "greet('Bo█')", answer: "b')", afterTab: "greet('Bob')█" },
  { kind: 1, name: 'a quote the answer does not close stays after it', doc: "const path = '█'", answer: 'src/index.ts', afterTab: "const path = 'src/index.ts█'" },
  { kind: 1, name: 'an answer that closes the paren, then opens and closes others', doc: 'func (█)\n\tb.mu.Lock()', answer: 'b *Bucket) Wait(n int) time.Duration {', afterTab: 'func (b *Bucket) Wait(n int) time.Duration {█\n\tb.mu.Lock()' },
  { kind: 1, name: 'a block answer before an auto-closed paren is not offered', doc: 'call(█)', answer: '\n  first,\n  second\n)', afterTab: undefined },
  { kind: 1, name: 'an answer closing a bracket that is not the one after the cursor is not offered', doc: 'const v = f(a, [█]);', answer: '1, 2));', afterTab: undefined },

  // 2. The model restates what is already there.
  { kind: 2, name: 'issue: the current line restated', doc: 'const x = fo█', answer: 'const x = foo(1);', afterTab: 'const x = foo(1);█' },
  { kind: 2, name: 'the last lines of the prefix restated', doc: 'def area(r):\n    pi = 3.14\n    return pi█', answer: 'def area(r):\n    pi = 3.14\n    return pi * r * r', afterTab: 'def area(r):\n    pi = 3.14\n    return pi * r * r█' },
  {
    kind: 2,
    name: 'the whole file echoed: only the new part',
    doc: 'import os\n\ndef main():\n    path = os.getcwd()\n    █\n\nmain()\n',
    answer: 'import os\n\ndef main():\n    path = os.getcwd()\n    print(path)\n\nmain()\n',
    afterTab: 'import os\n\ndef main():\n    path = os.getcwd()\n    print(path)█\n\nmain()\n',
  },
  {
    kind: 2,
    name: 'an echo of repetitive lines (a table) is stripped up to the cursor’s line',
    doc: '+---+---+\n| a | 1 |\n+---+---+\n| █\n+---+---+',
    answer: '+---+---+\n| a | 1 |\n+---+---+\n| b | 2 |',
    afterTab: '+---+---+\n| a | 1 |\n+---+---+\n| b | 2 |█\n+---+---+',
  },
  { kind: 2, name: 'lines that match earlier code but stop short of the cursor are code', doc: 'a = load()\nb = a + 1\nprint(b)\n█', answer: 'a = load()\nb = a + 2', afterTab: 'a = load()\nb = a + 1\nprint(b)\na = load()\nb = a + 2█' },

  // 3. Mid-word cursor.
  { kind: 3, name: 'issue: the old tail is replaced', doc: 'const data = fetchDa█ta(url);', answer: 'taFromServer(url);', afterTab: 'const data = fetchDataFromServer(url);█' },
  { kind: 3, name: 'a Python name completed mid-word with the line', doc: 'resu█lt = compute()', answer: 'lt_value = compute()', afterTab: 'result_value = compute()█' },
  { kind: 3, name: 'only the word completed: the word tail goes, the rest of the line stays', doc: 'const data = fetchDa█ta(url);', answer: 'taFromCache', afterTab: 'const data = fetchDataFromCache█(url);' },

  // 4. Prose and prompt scaffolding.
  {
    kind: 4,
    name: 'issue: a preamble before a fence',
    doc: 'function add(a: number, b: number) {\n  █\n}',
    answer: 'To finish the function, return the sum:\n```ts\nreturn a + b;\n```',
    afterTab: 'function add(a: number, b: number) {\n  return a + b;█\n}',
  },
  { kind: 4, name: 'issue: a line that reads as code is kept', doc: 'def confirm():\n    █', answer: 'sure = True\n    return sure', afterTab: 'def confirm():\n    sure = True\n    return sure█' },
  { kind: 4, name: 'a capitalised assignment is code too', doc: 'def check():\n    █', answer: 'Okay = validate()\n    return Okay', afterTab: 'def check():\n    Okay = validate()\n    return Okay█' },
  { kind: 4, name: 'a closing prompt tag ends the answer', doc: 'let total = █', answer: '0;\n</file>\nMode: line', afterTab: 'let total = 0;█' },
  { kind: 4, name: 'prompt tags and the hole marker around the code are removed', doc: 'def f():\n    █', answer: '<file>\n    return 1{{HOLE}}\n</file>', afterTab: 'def f():\n    return 1█' },
  { kind: 4, name: 'a sentence ending with a colon before a blank line', doc: 'int count() {\n    █', answer: "Sure! Here's the code:\n\nreturn count;", afterTab: 'int count() {\n    return count;█' },

  // 5. The file's indentation wins.
  {
    kind: 5,
    name: 'issue: a Go body indented with spaces gets tabs',
    doc: 'package main\n\nfunc helper() {\n\tprintln("x")\n}\n\nfunc main() {█\n}',
    answer: '\n    println("hi")\n    println("bye")\n}',
    afterTab: 'package main\n\nfunc helper() {\n\tprintln("x")\n}\n\nfunc main() {\n\tprintln("hi")\n\tprintln("bye")█\n}',
  },
  { kind: 5, name: 'issue: a Python body re-indented under the for', doc: 'def f(xs):\n    for x in xs:█', answer: '\n    print(x)', afterTab: 'def f(xs):\n    for x in xs:\n        print(x)█' },
  {
    kind: 5,
    name: 'tabs from the model become the file’s two spaces',
    doc: 'function a() {\n  return 1;\n}\n\nfunction b() {█',
    answer: '\n\tconst y = 2;\n\treturn y;\n}',
    afterTab: 'function a() {\n  return 1;\n}\n\nfunction b() {\n  const y = 2;\n  return y;\n}█',
  },
  {
    kind: 5,
    name: 'the unit comes from the whole window, not the lines next to the cursor',
    doc: 'if (a) {\n\tone();\n}\nif (b) {\n\ttwo();\n}\n// a comment\nfunction c() {█',
    answer: '\n  three();\n}',
    afterTab: 'if (a) {\n\tone();\n}\nif (b) {\n\ttwo();\n}\n// a comment\nfunction c() {\n\tthree();\n}█',
  },

  // 6. Cut answers.
  { kind: 6, name: 'issue: a half line at finish_reason length is not shown', doc: 'const names = █', answer: 'users.map((u) => u.na', finishReason: 'length', afterTab: undefined },
  { kind: 6, name: 'complete lines of a cut block are kept', doc: 'def f():█', answer: '\n    a = 1\n    b = a +', finishReason: 'length', afterTab: 'def f():\n    a = 1█' },
  { kind: 6, name: 'content_filter cuts too', doc: 'let s = █', answer: '"partial', finishReason: 'content_filter', afterTab: undefined },

  // 9. Duplicates of what is already around the cursor.
  { kind: 9, name: 'issue: a statement the next line has', doc: 'function load(data) {\n  █\n  setUser(data);\n}', answer: 'setUser(data);', afterTab: undefined },
  { kind: 9, name: 'a loop within a line', doc: 'let sum = █', answer: 'total = total = total = total = total', afterTab: undefined },
  { kind: 9, name: 'a statement two lines below', doc: 'function load(data) {\n  █\n  check(data);\n  setUser(data);\n}', answer: 'setUser(data);', afterTab: undefined },
  {
    kind: 9,
    name: 'lines re-typed from below with another indentation are cut',
    doc: 'if (ok) {\n  █\n  setUser(data);\n  render();\n}',
    answer: 'validate(data);\n    setUser(data);\n    render();',
    afterTab: 'if (ok) {\n  validate(data);█\n  setUser(data);\n  render();\n}',
  },
  { kind: 9, name: 'compared as the line reads after the closer is replaced', doc: 'function f(view) {\n  render(█)\n  render(view);\n}', answer: 'view);', afterTab: undefined },

  // 10. Block closers against the lines below.
  { kind: 10, name: 'issue: the if’s closer below is not doubled', doc: 'function f() {\n  if (ok) {█\n  }\n}', answer: '\n    go();\n  }', afterTab: 'function f() {\n  if (ok) {\n    go();█\n  }\n}' },
  { kind: 10, name: 'a closer that would end the block the code below continues', doc: 'function f() {\n  a();\n  █\n  b();\n}', answer: 'c();\n}', afterTab: 'function f() {\n  a();\n  c();█\n  b();\n}' },
  { kind: 10, name: 'a closer with nothing below stays (the block the cursor is in ends there)', doc: 'function f() {\n  if (ok) {\n    go();█', answer: '\n  }\n}', afterTab: 'function f() {\n  if (ok) {\n    go();\n  }█' },
  { kind: 10, name: 'another block’s closer below is not the same block', doc: 'function f() {\n  if (ok) {█\n}', answer: '\n    go();\n  }', afterTab: 'function f() {\n  if (ok) {\n    go();\n  }█\n}' },

  // 11. Whitespace at the seams.
  { kind: 11, name: 'issue: no doubled space', doc: 'return █', answer: ' this;', afterTab: 'return this;█' },
  { kind: 11, name: 'no trailing whitespace', doc: 'const a = █', answer: '1;   ', afterTab: 'const a = 1;█' },
  { kind: 11, name: 'a tab at the seam after a space', doc: 'x = █', answer: '\t42', afterTab: 'x = 42█' },

  // 12. A block typed between auto-closed brackets.
  { kind: 12, name: 'issue: a block between auto-closed braces', doc: 'items.forEach((item) => {█})', answer: '\n  save(item);\n', afterTab: 'items.forEach((item) => {\n  save(item);\n█})' },
  { kind: 12, name: 'a block that closes the braces itself replaces them', doc: 'promise.then((r) => {█})', answer: '\n  log(r);\n})', afterTab: 'promise.then((r) => {\n  log(r);\n})█' },
  { kind: 12, name: 'an indented object literal', doc: 'function f() {\n  const o = {█};', answer: '\n    a: 1,\n', afterTab: 'function f() {\n  const o = {\n    a: 1,\n  █};' },
];
