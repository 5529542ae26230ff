/** The source files a replay types: the built-in set, or every source file of a folder (`--sources DIR`). */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { extname, join, relative, resolve } from 'node:path';

export interface SourceFile {
  relativePath: string;
  languageId: string;
  text: string;
}

const LANGUAGES: Record<string, string> = {
  '.ts': 'typescript',
  '.tsx': 'typescriptreact',
  '.js': 'javascript',
  '.py': 'python',
  '.go': 'go',
  '.rs': 'rust',
  '.java': 'java',
  '.cpp': 'cpp',
  '.cc': 'cpp',
  '.h': 'cpp',
  '.hpp': 'cpp',
  '.c': 'c',
  '.cs': 'csharp',
  '.rb': 'ruby',
  '.kt': 'kotlin',
  '.swift': 'swift',
};

const SKIPPED_DIRS = new Set(['node_modules', '.git', 'dist', 'out', 'build', 'target', 'vendor', '__pycache__']);
/** A replay of a huge file says nothing more than one of a normal file, and takes long. */
const MAX_FILE_CHARS = 20_000;
const MAX_FILES = 60;

/** The built-in corpus, found from the source tree whether the bench runs from out/ or elsewhere. */
export function builtInCorpusDir(): string {
  const candidates = [resolve(__dirname, '../../../bench/inline/corpus'), resolve(process.cwd(), 'bench/inline/corpus')];
  const found = candidates.find((dir) => existsSync(dir));
  if (found === undefined) throw new Error(`bench/inline/corpus not found (looked in ${candidates.join(', ')})`);
  return found;
}

export function loadSources(dir: string): SourceFile[] {
  const files: SourceFile[] = [];
  const visit = (path: string): void => {
    if (files.length >= MAX_FILES) return;
    const stat = statSync(path);
    if (stat.isDirectory()) {
      for (const name of readdirSync(path).sort()) if (!SKIPPED_DIRS.has(name) && !name.startsWith('.')) visit(join(path, name));
      return;
    }
    const languageId = LANGUAGES[extname(path).toLowerCase()];
    if (languageId === undefined || stat.size > MAX_FILE_CHARS * 4) return;
    const text = readFileSync(path, 'utf8').replace(/\r\n/g, '\n').slice(0, MAX_FILE_CHARS);
    if (text.trim() !== '') files.push({ relativePath: relative(dir, path), languageId, text });
  };
  visit(resolve(dir));
  return files;
}
