/**
 * The `grokCodeFast.exclude` globs: files that never leave the machine, whichever surface would send
 * them. This is the one check every reading path goes through (chat tools, chat attach and
 * @-mentions, inline context, selection actions). No `vscode` here.
 *
 * - A workspace-relative path is excluded when it or any folder above it matches, so `**\/*secret*`
 *   also covers `secrets/prod.json`; an absolute path, when given, is matched whole, so a glob
 *   written for absolute paths works and a folder above the workspace does not count.
 * - Case never matters: `.ENV`, `Secret.txt`, `ID_RSA` are the same files on macOS and Windows and
 *   the same secrets everywhere.
 * - Windows aliases name the same file: a trailing dot or space (`.env.`, `.env `) and a data
 *   stream (`.env::$DATA`, `.env:stream`) are dropped from each segment before matching.
 * - Links: when the absolute path is given and leads elsewhere (a symbolic link, or a folder on the
 *   way that is one), the real file is matched too, so `innocent.txt → .env` stays excluded. A real
 *   file outside the workspace is excluded when any folder on its way matches.
 * Paths may use either separator; dot files are included.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import picomatch from 'picomatch';

export const DEFAULT_EXCLUDE_GLOBS: readonly string[] = ['**/.env*', '**/*.pem', '**/*.key', '**/id_rsa*', '**/*secret*'];

export type ExcludeMatcher = (relativePath: string, absolutePath?: string) => boolean;

/** Compiled once per glob list: settings rarely change, keystrokes and tool calls are many. */
const compiled = new Map<string, picomatch.Matcher>();

function compile(globs: readonly string[]): picomatch.Matcher {
  const key = JSON.stringify(globs);
  let matcher = compiled.get(key);
  if (matcher === undefined) {
    matcher = picomatch([...globs], { dot: true, windows: false, nocase: true });
    compiled.set(key, matcher);
  }
  return matcher;
}

/** `.env::$DATA`, `.env:$DATA`, `.env:stream`, `.env:stream:$DATA` all name (a stream of) `.env` on NTFS. */
const DATA_STREAM = /:[^:]*(?::\$DATA)?$/i;
/** Win32 drops trailing dots and spaces from a name: `.env.` and `.env ` open `.env`. */
const TRAILING_DOTS_SPACES = /[. ]+$/;

/** One path segment as Windows would resolve it; `.`, `..` and a drive (`C:`) are left alone. */
function canonicalSegment(segment: string): string {
  if (/^\.+$/.test(segment) || /^[A-Za-z]:$/.test(segment)) return segment;
  const name = segment.replace(DATA_STREAM, '').replace(TRAILING_DOTS_SPACES, '');
  return name === '' ? segment : name;
}

function segmentsOf(text: string): string[] {
  return text
    .replace(/\\/g, '/')
    .split('/')
    .filter((segment) => segment !== '')
    .map(canonicalSegment);
}

/** True when the path or any folder above it matches. */
function matchesAnyPrefix(matches: picomatch.Matcher, segments: string[]): boolean {
  for (let end = segments.length; end > 0; end--) {
    if (matches(segments.slice(0, end).join('/'))) return true;
  }
  return false;
}

function matchesWhole(matches: picomatch.Matcher, absolutePath: string): boolean {
  const leading = /^[\\/]/.test(absolutePath) ? '/' : '';
  return matches(leading + segmentsOf(absolutePath).join('/'));
}

function realpathOrUndefined(target: string): string | undefined {
  try {
    return fs.realpathSync(target);
  } catch {
    return undefined;
  }
}

/** The workspace root `absolutePath` lies under, from the relative path it was given with. */
function rootOf(relativePath: string, absolutePath: string): string | undefined {
  const relative = path.normalize(relativePath);
  const absolute = path.normalize(absolutePath);
  if (relative === '.' || !absolute.endsWith(relative)) return undefined;
  return absolute.slice(0, absolute.length - relative.length);
}

function isInside(root: string, target: string): boolean {
  const relative = path.relative(root, target);
  return relative === '' || (!path.isAbsolute(relative) && relative !== '..' && !relative.startsWith(`..${path.sep}`));
}

/** Matches the file a link leads to: under its real root relative to it, elsewhere by every folder on its way. */
function realFileMatches(matches: picomatch.Matcher, relativePath: string, absolutePath: string): boolean {
  const real = realpathOrUndefined(absolutePath);
  if (real === undefined || real === path.resolve(absolutePath)) return false;
  const root = rootOf(relativePath, absolutePath);
  const realRoot = root === undefined ? undefined : realpathOrUndefined(root);
  if (realRoot !== undefined && isInside(realRoot, real)) return matchesAnyPrefix(matches, segmentsOf(path.relative(realRoot, real)));
  return matchesWhole(matches, real) || matchesAnyPrefix(matches, segmentsOf(real));
}

export function createExcludeMatcher(globs: readonly string[]): ExcludeMatcher {
  if (globs.length === 0) return () => false;
  const matches = compile(globs);
  return (relativePath, absolutePath) => {
    if (matchesAnyPrefix(matches, segmentsOf(relativePath))) return true;
    if (absolutePath === undefined) return false;
    return matchesWhole(matches, absolutePath) || realFileMatches(matches, relativePath, absolutePath);
  };
}
