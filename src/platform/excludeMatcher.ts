/**
 * The `grokCodeFast.exclude` globs: files that never leave the machine, whichever surface would send
 * them. Pure (no `vscode`). A workspace-relative path is excluded when it or any folder above it
 * matches, so `**\/*secret*` also covers `secrets/prod.json`; an absolute path, when given, is matched
 * whole, so a glob written for absolute paths works and a folder above the workspace does not count.
 * Paths may use either separator; dot files are included.
 */
import picomatch from 'picomatch';

export const DEFAULT_EXCLUDE_GLOBS: readonly string[] = ['**/.env*', '**/*.pem', '**/*.key', '**/id_rsa*', '**/*secret*'];

export type ExcludeMatcher = (relativePath: string, absolutePath?: string) => boolean;

/** Compiled once per glob list: settings rarely change, keystrokes and tool calls are many. */
const compiled = new Map<string, picomatch.Matcher>();

function compile(globs: readonly string[]): picomatch.Matcher {
  const key = JSON.stringify(globs);
  let matcher = compiled.get(key);
  if (matcher === undefined) {
    matcher = picomatch([...globs], { dot: true, windows: false });
    compiled.set(key, matcher);
  }
  return matcher;
}

const toPosix = (path: string) => path.replace(/\\/g, '/');

export function createExcludeMatcher(globs: readonly string[]): ExcludeMatcher {
  if (globs.length === 0) return () => false;
  const matches = compile(globs);
  return (relativePath, absolutePath) => {
    const segments = toPosix(relativePath).split('/').filter((segment) => segment !== '');
    for (let end = segments.length; end > 0; end--) {
      if (matches(segments.slice(0, end).join('/'))) return true;
    }
    return absolutePath !== undefined && matches(toPosix(absolutePath));
  };
}
