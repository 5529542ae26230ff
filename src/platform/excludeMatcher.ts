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
 *   way that is one), the real file is matched too, so `innocent.txt → .env` stays excluded. A link
 *   inside a workspace folder whose real file lies outside that folder is always excluded
 *   (`AGENTS.md → ../.aws/credentials`, `.grok → /home/me`): every read path confines the real path.
 *   A file that is itself outside every folder (opened by the user) is matched whole and by each
 *   folder on its way.
 * - `.git/**` is always excluded: its config holds remote URLs with tokens, whatever the globs say.
 * - A glob starting with `!` takes matching paths back out of the user's globs (as in .gitignore),
 *   never out of the `.git` rule nor out of the link rule.
 * Paths may use either separator; dot files are included.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import picomatch from 'picomatch';

/**
 * Credential files the field knows (README "Your data" says why each): environment files, keys and
 * certificates, and the files where git, package managers, cloud CLIs, container and cluster tools
 * keep tokens. Sources: each tool's documentation of where it stores credentials (git-credential-store,
 * npmrc, netrc, AWS CLI, OpenSSH ssh-keygen default names incl. id_ed25519 since 9.5, kubectl, docker
 * login, twine, Terraform CLI, gcloud, Azure CLI, gh, cargo, gem, composer, Vault, PostgreSQL).
 */
export const DEFAULT_EXCLUDE_GLOBS: readonly string[] = [
  '**/.env*',
  '**/*.pem',
  '**/*.key',
  '**/*.p12',
  '**/*.pfx',
  '**/*.jks',
  '**/*.keystore',
  '**/id_rsa*',
  '**/id_dsa*',
  '**/id_ecdsa*',
  '**/id_ed25519*',
  '**/.ssh/**',
  '**/.gnupg/**',
  '**/*secret*',
  '**/.git-credentials',
  '**/.npmrc',
  '**/.yarnrc.yml',
  '**/.netrc',
  '**/_netrc',
  '**/.pgpass',
  '**/.htpasswd',
  '**/.aws/credentials',
  '**/.aws/config',
  '**/.azure/**',
  '**/.config/gcloud/**',
  '**/.config/gh/hosts.yml',
  '**/credentials.json',
  '**/service-account*.json',
  '**/.kube/config',
  '**/*.kubeconfig',
  '**/.docker/config.json',
  '**/.pypirc',
  '**/.terraformrc',
  '**/terraform.rc',
  '**/*.tfstate*',
  '**/.vault-token',
  '**/.cargo/credentials*',
  '**/.gem/credentials',
  '**/.composer/auth.json',
];

/** Always excluded, whatever the user's globs: git's own folder (config with token URLs, hooks, objects). */
const ALWAYS_EXCLUDED = '**/.git';

export type ExcludeMatcher = (relativePath: string, absolutePath?: string) => boolean;

/** A compiled glob list: true when a path matches. */
type Matches = (path: string) => boolean;

/** Compiled once per glob list: settings rarely change, keystrokes and tool calls are many. */
const compiled = new Map<string, Matches>();

function compile(globs: readonly string[]): Matches {
  const key = JSON.stringify(globs);
  let matcher = compiled.get(key);
  if (matcher === undefined) {
    matcher = globs.length === 0 ? () => false : picomatch([...globs], { dot: true, windows: false, nocase: true });
    compiled.set(key, matcher);
  }
  return matcher;
}

/** `!docs/**` negates; `!(…)` is an extglob, not a negation. */
function isNegation(glob: string): boolean {
  return glob.startsWith('!') && !glob.startsWith('!(');
}

/** The user's globs split into what excludes and what takes paths back out of that. */
interface Rules {
  excludes: Matches;
  keeps: Matches;
}

function rulesOf(globs: readonly string[]): Rules {
  return {
    excludes: compile(globs.filter((glob) => !isNegation(glob))),
    keeps: compile(globs.filter(isNegation).map((glob) => glob.slice(1))),
  };
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
function matchesAnyPrefix(matches: Matches, segments: string[]): boolean {
  for (let end = segments.length; end > 0; end--) {
    if (matches(segments.slice(0, end).join('/'))) return true;
  }
  return false;
}

function realpathOrUndefined(target: string): string | undefined {
  try {
    // native: the OS's own answer (case, 8.3 names, junctions on Windows), as the file is opened.
    return fs.realpathSync.native(target);
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

export function isInside(root: string, target: string): boolean {
  const relative = path.relative(root, target);
  return relative === '' || (!path.isAbsolute(relative) && relative !== '..' && !relative.startsWith(`..${path.sep}`));
}

/** A user-glob match the negated globs do not take back: the path or a folder above it, not kept itself. */
function userExcluded(rules: Rules, segments: string[], whole?: string): boolean {
  const joined = segments.join('/');
  const hit = matchesAnyPrefix(rules.excludes, segments) || (whole !== undefined && rules.excludes(whole));
  return hit && !rules.keeps(joined) && !(whole !== undefined && rules.keeps(whole));
}

function excludedSegments(rules: Rules, segments: string[], whole?: string): boolean {
  return matchesAnyPrefix(alwaysExcluded, segments) || userExcluded(rules, segments, whole);
}

const alwaysExcluded = compile([ALWAYS_EXCLUDED]);

function wholeForm(absolutePath: string): string {
  const leading = /^[\\/]/.test(absolutePath) ? '/' : '';
  return leading + segmentsOf(absolutePath).join('/');
}

/**
 * The file a link leads to: under its real root, matched relative to it; outside the folder the
 * link lives in, always excluded; elsewhere (no root known) by every folder on its way.
 */
function realFileExcluded(rules: Rules, relativePath: string, absolutePath: string): boolean {
  const real = realpathOrUndefined(absolutePath);
  if (real === undefined || real === path.resolve(absolutePath)) return false;
  const root = rootOf(relativePath, absolutePath);
  const realRoot = root === undefined ? undefined : realpathOrUndefined(root);
  if (realRoot !== undefined) {
    if (!isInside(realRoot, real)) return true;
    return excludedSegments(rules, segmentsOf(path.relative(realRoot, real)));
  }
  return excludedSegments(rules, segmentsOf(real), wholeForm(real));
}

/**
 * Whether `absPath` is excluded, matched relative to the workspace folder holding it (lexically), or
 * whole when it lies outside every folder (`~/.aws/credentials` still matches `**\/.aws/credentials`).
 */
export function isExcludedUnder(matcher: ExcludeMatcher, roots: readonly string[], absPath: string): boolean {
  const root = roots.find((candidate) => isInside(candidate, absPath));
  const relative = root === undefined ? absPath.replace(/^[/\\]+/, '') : path.relative(root, absPath);
  return matcher(relative, absPath);
}

export function createExcludeMatcher(globs: readonly string[]): ExcludeMatcher {
  const rules = rulesOf(globs);
  return (relativePath, absolutePath) => {
    if (excludedSegments(rules, segmentsOf(relativePath), absolutePath === undefined ? undefined : wholeForm(absolutePath))) return true;
    if (absolutePath === undefined) return false;
    return realFileExcluded(rules, relativePath, absolutePath);
  };
}

