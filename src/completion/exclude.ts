/**
 * The exclude globs (`grokCodeFast.exclude`): a matching file never leaves the machine, neither as
 * the file being completed nor as context.
 */
import picomatch from 'picomatch';

export type ExcludeMatcher = (relativePath: string, absolutePath: string) => boolean;

const compiled = new Map<string, picomatch.Matcher>();

/**
 * Compiled once per glob list (settings rarely change, keystrokes are many). Globs are matched
 * against both the workspace-relative and the absolute path, with `/` separators and dot files
 * included, so `**\/.env*` catches `.env` at the root and `/home/me/app/.env.local` alike.
 */
export function excludeMatcher(globs: readonly string[]): ExcludeMatcher {
  if (globs.length === 0) return () => false;
  const key = globs.join('\u0000');
  let matcher = compiled.get(key);
  if (matcher === undefined) {
    matcher = picomatch([...globs], { dot: true, windows: false });
    compiled.set(key, matcher);
  }
  const match = matcher;
  return (relativePath, absolutePath) => match(toPosix(relativePath)) || match(toPosix(absolutePath));
}

function toPosix(path: string): string {
  return path.replace(/\\/g, '/');
}
