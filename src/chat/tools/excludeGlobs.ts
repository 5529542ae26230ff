/**
 * The `grokCodeFast.exclude` globs: files that never leave the machine. A path is excluded when it or
 * any folder above it matches, so `**\/*secret*` also covers `secrets/prod.json`.
 */
import picomatch from 'picomatch';

export const DEFAULT_EXCLUDE_GLOBS: readonly string[] = ['**/.env*', '**/*.pem', '**/*.key', '**/id_rsa*', '**/*secret*'];

/** `relativePath` uses `/` separators and no leading slash. */
export type ExcludeMatcher = (relativePath: string) => boolean;

export function createExcludeMatcher(globs: readonly string[]): ExcludeMatcher {
  if (globs.length === 0) return () => false;
  const matches = picomatch([...globs], { dot: true });
  return (relativePath) => {
    const segments = relativePath.split('/').filter((segment) => segment !== '');
    for (let end = segments.length; end > 0; end--) {
      if (matches(segments.slice(0, end).join('/'))) return true;
    }
    return false;
  };
}
