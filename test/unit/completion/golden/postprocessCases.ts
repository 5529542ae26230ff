/** Golden cases for post-processing: a document with the cursor, the filtered completion, the suggestion (or none). */
import type { Suggestion } from '../../../../src/completion/types';

export interface PostprocessCase {
  language: string;
  name: string;
  doc: string;
  completion: string;
  expected: Suggestion | undefined;
}

export const POSTPROCESS_CASES: PostprocessCase[] = [
  // TypeScript
  {
    language: 'typescript',
    name: 'a completion that closes the call replaces the auto-closed paren',
    doc: 'console.log(█)',
    completion: 'a, b);',
    expected: { text: 'a, b);', replaceLength: 1 },
  },
  {
    language: 'typescript',
    name: 'a balanced completion inside parens replaces nothing',
    doc: 'const y = wrap(█)',
    completion: 'compute(1)',
    expected: { text: 'compute(1)', replaceLength: 0 },
  },
  {
    language: 'typescript',
    name: 'a completion ending with the rest of the line replaces it',
    doc: 'const total = items.reduce(█);',
    completion: '(s, x) => s + x, 0);',
    expected: { text: '(s, x) => s + x, 0);', replaceLength: 2 },
  },
  {
    language: 'typescript',
    name: 'whitespace only is dropped',
    doc: 'let x = █',
    completion: '  \n  ',
    expected: undefined,
  },
  // Python
  {
    language: 'python',
    name: 'indentation the blank line already has is removed',
    doc: 'def double(x):\n    █',
    completion: '    return x * 2',
    expected: { text: 'return x * 2', replaceLength: 0 },
  },
  {
    language: 'python',
    name: 'a copy of the line above is dropped',
    doc: 'def f():\n    x = compute()\n    █',
    completion: 'x = compute()',
    expected: undefined,
  },
  {
    language: 'python',
    name: 'an empty completion is dropped',
    doc: 'items = █',
    completion: '',
    expected: undefined,
  },
  {
    language: 'python',
    name: 'trailing blank lines are trimmed',
    doc: 'def mean(values):█',
    completion: '\n    return sum(values) / len(values)\n\n',
    expected: { text: '\n    return sum(values) / len(values)', replaceLength: 0 },
  },
  // Go
  {
    language: 'go',
    name: 'spaces become tabs in a tab-indented file',
    doc: 'func f(x int) int {\n\t█',
    completion: 'if x > 0 {\n        return x\n    }',
    expected: { text: 'if x > 0 {\n\t\treturn x\n\t}', replaceLength: 0 },
  },
  {
    language: 'go',
    name: 'a closing brace the next line already has is dropped',
    doc: 'func one() int {\n\t█\n}',
    completion: 'return 1\n}',
    expected: { text: 'return 1', replaceLength: 0 },
  },
  {
    language: 'go',
    name: 'string argument closing the call',
    doc: 'fmt.Println(█)',
    completion: '"hello", name)',
    expected: { text: '"hello", name)', replaceLength: 1 },
  },
  // Rust
  {
    language: 'rust',
    name: 'method chain ending with the semicolon the line has',
    doc: 'let v: Vec<i32> = xs.iter().map(|x| x * 2).█;',
    completion: 'collect();',
    expected: { text: 'collect();', replaceLength: 1 },
  },
  {
    language: 'rust',
    name: 'a completion that only repeats the rest of the line is dropped',
    doc: 'let n = █compute();',
    completion: 'compute();',
    expected: undefined,
  },
  {
    language: 'rust',
    name: 'a closing brace that closes what the completion opened stays',
    doc: 'fn main() {\n    █\n}',
    completion: 'for x in &v {\n        println!("{}", x);\n    }',
    expected: { text: 'for x in &v {\n        println!("{}", x);\n    }', replaceLength: 0 },
  },
  // Java
  {
    language: 'java',
    name: 'argument list closing the call and the statement',
    doc: 'names.add(█);',
    completion: '"x");',
    expected: { text: '"x");', replaceLength: 2 },
  },
  {
    language: 'java',
    name: 'partial overlap with the rest of the line',
    doc: 'map.put(█, value);',
    completion: 'key, value',
    expected: { text: 'key, value', replaceLength: 7 },
  },
  {
    language: 'java',
    name: 'a copy of the next line is dropped',
    doc: 'int size() {\n    █\n    return count;\n}',
    completion: 'return count;',
    expected: undefined,
  },
  // C++
  {
    language: 'cpp',
    name: 'initializer list closing the brace the line has',
    doc: 'std::vector<int> v{█};',
    completion: '1, 2, 3}',
    expected: { text: '1, 2, 3}', replaceLength: 1 },
  },
  {
    language: 'cpp',
    name: 'a repeated `}` line is code, not a duplicate',
    doc: 'void f() {\n    if (x) {\n        g();\n    }\n█',
    completion: '}',
    expected: { text: '}', replaceLength: 0 },
  },
  {
    language: 'cpp',
    name: 'a new line that repeats the cursor line is dropped',
    doc: '    total += x;█',
    completion: '\n    total += x;',
    expected: undefined,
  },
];
