/**
 * Two lines state the same thing when they differ only in what models vary without meaning to:
 * indentation, spacing (runs of spaces, spaces next to punctuation: `print( x )`), and a
 * statement's end (`;`, `,`) the one has and the other lacks. `import os` and `import os;` are the
 * same line; `}` and `};` are too, but closers are compared by the steps that handle closers.
 */
export function statementKey(line: string): string {
  return line
    .trim()
    .replace(/[;,]+$/, '')
    .replace(/\s*([^\w\s])\s*/g, '$1')
    .replace(/\s+/g, ' ');
}

export function sameStatement(a: string, b: string): boolean {
  return statementKey(a) === statementKey(b);
}
