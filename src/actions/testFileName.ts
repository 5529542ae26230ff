/**
 * Where a new test file goes: beside the source, named the way the language's test runners look for
 * (`foo.test.ts`, `test_foo.py`, `foo_test.go`, `FooTest.java`...).
 */
import * as path from 'node:path';

type Namer = (base: string, ext: string) => string;

const dotTest: Namer = (base, ext) => `${base}.test${ext}`;
const underscoreTest: Namer = (base, ext) => `${base}_test${ext}`;

const BY_EXTENSION: Record<string, Namer> = {
  '.py': (base, ext) => `test_${base}${ext}`,
  '.go': underscoreTest,
  '.rs': underscoreTest,
  '.java': (base, ext) => `${base}Test${ext}`,
  '.kt': (base, ext) => `${base}Test${ext}`,
  '.cs': (base, ext) => `${base}Tests${ext}`,
  '.cpp': underscoreTest,
  '.cc': underscoreTest,
  '.cxx': underscoreTest,
  '.c': underscoreTest,
  // Headers get their tests in a C++ source file.
  '.h': (base) => `${base}_test.cpp`,
  '.hpp': (base) => `${base}_test.cpp`,
};

/** The test file path for `sourcePath`; `attempt` > 1 adds a counter when the first name is taken. */
export function testFilePath(sourcePath: string, attempt = 1): string {
  const ext = path.extname(sourcePath);
  const base = path.basename(sourcePath, ext);
  const name = (BY_EXTENSION[ext.toLowerCase()] ?? dotTest)(base, ext);
  if (attempt <= 1) return path.join(path.dirname(sourcePath), name);
  const nameExt = path.extname(name);
  return path.join(path.dirname(sourcePath), `${path.basename(name, nameExt)}${attempt}${nameExt}`);
}
