/** The documents a soak day opens, edits and closes: small functions in three languages. */

/** Document `i` of the day: its workspace-relative path, text and language id. */
export function soakSource(i: number): { path: string; text: string; language: string } {
  const kinds = [
    { ext: 'ts', language: 'typescript', text: (n: number) => `export function total${n}(values: number[]): number {\n  let sum = 0;\n  for (const value of values) {\n    sum += value;\n  }\n  return sum;\n}\n\n` },
    { ext: 'py', language: 'python', text: (n: number) => `def total_${n}(values):\n    result = 0\n    for value in values:\n        result += value\n    return result\n\n` },
    { ext: 'go', language: 'go', text: (n: number) => `package main\n\nfunc Total${n}(values []int) int {\n\tsum := 0\n\tfor _, v := range values {\n\t\tsum += v\n\t}\n\treturn sum\n}\n\n` },
  ];
  const kind = kinds[i % kinds.length];
  return { path: `src/doc${i}.${kind.ext}`, text: kind.text(i), language: kind.language };
}
