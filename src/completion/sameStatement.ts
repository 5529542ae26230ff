/**
 * Two lines state the same thing when they differ only in what models vary without meaning to:
 * indentation, runs of spaces, and a statement's end (`;`, `,`) the one has and the other lacks.
 * `import os` and `import os;` are the same line; `}` and `};` are not (closers are compared by
 * the steps that handle closers).
 */
export function statementKey(line: string): string {
  return line.trim().replace(/[;,]+$/, '').trimEnd().replace(/\s+/g, ' ');
}

export function sameStatement(a: string, b: string): boolean {
  return statementKey(a) === statementKey(b);
}
