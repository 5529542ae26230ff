/** Golden cases for the stream filters: a document with the cursor, what the model streams, what is kept. */
export interface StreamFilterCase {
  language: string;
  name: string;
  doc: string;
  answer: string;
  expected: string;
  /** The filters decide before the answer ends (the HTTP stream can be aborted). */
  decidedEarly: boolean;
}

export const STREAM_FILTER_CASES: StreamFilterCase[] = [
  // TypeScript
  {
    language: 'typescript',
    name: 'mid-line: the rest of the line only',
    doc: 'const total = items.reduce(█);',
    answer: '(sum, x) => sum + x, 0);\nconsole.log(total);\n',
    expected: '(sum, x) => sum + x, 0);',
    decidedEarly: true,
  },
  {
    language: 'typescript',
    name: 'block after `{`: body and the closing brace, nothing after',
    doc: 'function greet(name: string) {█\n',
    answer: '\n  const message = `Hello, ${name}`;\n  return message;\n}\n\nfunction other() {\n',
    expected: '\n  const message = `Hello, ${name}`;\n  return message;\n}',
    decidedEarly: true,
  },
  {
    language: 'typescript',
    name: 'chatter and fences stripped',
    doc: 'export const add = (a: number, b: number) =>█',
    answer: 'Here is the completion:\n```typescript\n a + b;\n```\nThis adds the numbers.',
    expected: ' a + b;',
    decidedEarly: true,
  },
  {
    language: 'typescript',
    name: 'at the end of a block with nothing below, the closing brace ends the completion',
    doc: 'function f() {\n  const x = 1;\n  return x;█',
    answer: '\n}\n\nfunction g() {}\n',
    expected: '\n}',
    decidedEarly: true,
  },
  {
    language: 'typescript',
    name: 'stops at the dedent before the closing brace the suffix has',
    doc: 'if (ready) {\n  █\n}\nstart();',
    answer: 'run();\n}\nstart();',
    expected: 'run();',
    decidedEarly: true,
  },
  // Python
  {
    language: 'python',
    name: 'function body ends at the blank line',
    doc: 'def mean(values):█\n\nprint(mean([1, 2]))',
    answer: '\n    total = sum(values)\n    return total / len(values)\n\nprint(mean([1, 2]))\n',
    expected: '\n    total = sum(values)\n    return total / len(values)',
    decidedEarly: true,
  },
  {
    language: 'python',
    name: 'method body ends at the dedent to the next method',
    doc: 'class Stack:\n    def push(self, item):\n        █',
    answer: 'self.items.append(item)\n    def pop(self):\n        return self.items.pop()',
    expected: 'self.items.append(item)',
    decidedEarly: true,
  },
  {
    language: 'python',
    name: 'repeated indentation on a blank line does not end the block early',
    doc: 'def double(x):\n    █',
    answer: '    y = x * 2\n    return y\ndef triple(x):\n',
    expected: '    y = x * 2\n    return y',
    decidedEarly: true,
  },
  {
    language: 'python',
    name: 'a loop of identical lines is cut to one',
    doc: 'for i in range(3):\n    █',
    answer: 'print(i)\n    print(i)\n    print(i)\n',
    expected: 'print(i)',
    decidedEarly: true,
  },
  // Go
  {
    language: 'go',
    name: 'stops before the brace the next line already has',
    doc: 'func Add(a, b int) int {█\n}\n',
    answer: '\n\treturn a + b\n}\n',
    expected: '\n\treturn a + b',
    decidedEarly: true,
  },
  {
    language: 'go',
    name: 'tab-indented block ends at the dedent',
    doc: 'func load() error {\n\tif err != nil {\n\t\t█\n\t}\n}',
    answer: 'return err\n\t}\n\treturn nil\n',
    expected: 'return err',
    decidedEarly: true,
  },
  {
    language: 'go',
    name: 'mid-line call arguments',
    doc: 'fmt.Println(█)',
    answer: '"hello", name)\n',
    expected: '"hello", name)',
    decidedEarly: true,
  },
  {
    language: 'go',
    name: 'fenced answer with trailing prose',
    doc: 'func done() error {\n\t█',
    answer: '```go\nreturn nil\n```\nThis returns nil.',
    expected: 'return nil',
    decidedEarly: true,
  },
  // Rust
  {
    language: 'rust',
    name: 'a for loop opened on the cursor line closes and stops',
    doc: 'fn main() {\n    let v = vec![1, 2, 3];\n    █\n}',
    answer: 'for x in &v {\n        println!("{}", x);\n    }\n}\n',
    expected: 'for x in &v {\n        println!("{}", x);\n    }',
    decidedEarly: true,
  },
  {
    language: 'rust',
    name: 'lifetimes do not confuse the bracket count',
    doc: "impl<'a> Parser<'a> {\n    fn peek(&self) -> Option<&'a str> {█",
    answer: '\n        self.tokens.get(self.pos).copied()\n    }\n\n    fn next(&mut self) {\n',
    expected: '\n        self.tokens.get(self.pos).copied()\n    }',
    decidedEarly: true,
  },
  {
    language: 'rust',
    name: 'a two-line loop is cut to one copy',
    doc: 'fn step(x: &mut i32, y: &mut i32) {\n    █',
    answer: '*x += 1;\n    *y += 1;\n    *x += 1;\n    *y += 1;\n    *x += 1;',
    expected: '*x += 1;\n    *y += 1;',
    decidedEarly: true,
  },
  {
    language: 'rust',
    name: 'mid-line method chain',
    doc: 'let total: i32 = values.iter().█;',
    answer: 'sum();',
    expected: 'sum();',
    decidedEarly: false,
  },
  // Java
  {
    language: 'java',
    name: 'method body, stopping at the brace below',
    doc: 'public int size() {█\n}',
    answer: '\n    return items.size();\n}\n',
    expected: '\n    return items.size();',
    decidedEarly: true,
  },
  {
    language: 'java',
    name: 'chatter and the blank line after it dropped',
    doc: 'public int count() {\n    █',
    answer: "Sure! Here's the code:\n\nreturn count;",
    expected: 'return count;',
    decidedEarly: false,
  },
  {
    language: 'java',
    name: 'generic type argument mid-line',
    doc: 'List<String> names = new ArrayList<█>();',
    answer: 'String>();\nnames.add("a");',
    expected: 'String>();',
    decidedEarly: true,
  },
  {
    language: 'java',
    name: 'a loop opened on the cursor line, closed, nothing after',
    doc: 'for (int i = 0; i < n; i++) {█',
    answer: '\n    sum += i;\n}\n\nreturn sum;',
    expected: '\n    sum += i;\n}',
    decidedEarly: true,
  },
  // C++
  {
    language: 'cpp',
    name: 'function body without the brace the suffix has',
    doc: 'int sum(const std::vector<int>& v) {█\n}',
    answer: '\n    int total = 0;\n    for (int x : v) total += x;\n    return total;\n}\n',
    expected: '\n    int total = 0;\n    for (int x : v) total += x;\n    return total;',
    decidedEarly: true,
  },
  {
    language: 'cpp',
    name: 'statements at the same level until the suffix repeats',
    doc: 'int main() {\n    std::cout << █\n}',
    answer: '"Hello" << std::endl;\n    return 0;\n}',
    expected: '"Hello" << std::endl;\n    return 0;',
    decidedEarly: false,
  },
  {
    language: 'cpp',
    name: 'a blank line inside an open struct does not end it',
    doc: 'struct Point {█',
    answer: '\n    int x;\n\n    int y;\n};\n\nint main() {',
    expected: '\n    int x;\n\n    int y;\n};',
    decidedEarly: true,
  },
];
