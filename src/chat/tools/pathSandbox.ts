/**
 * Turns a path the model wrote into a file inside the workspace, or refuses. Checks, in order: the
 * text itself (empty, NUL), the lexical location (`..`, absolute paths outside every root), the real
 * location after symbolic links (a link must not lead out of the workspace), and the exclude globs
 * (on both the written and the real path, so a link cannot unmask `.env`). Paths are never
 * URL-decoded: `%2e%2e` is a literal file name.
 */
import * as l10n from '@vscode/l10n';
import * as path from 'node:path';
import { type ExcludeMatcher, isExcludedUnder, isInside } from '../../platform/excludeMatcher';
import { rootNames } from './rootNames';
import { ToolError } from './toolError';
import { type WorkspaceAccess } from './workspaceAccess';

export interface ResolvedPath {
  /** The path as written, made absolute. */
  absPath: string;
  /** The same file with symbolic links resolved; read this one. */
  realPath: string;
  /** What the model and the transcript see: root-relative, prefixed by the folder name in multi-root workspaces. */
  display: string;
}

const MAX_PATH_LENGTH = 4096;

function toPosix(relative: string): string {
  return relative.split(path.sep).join('/');
}

export class PathSandbox {
  constructor(
    private readonly access: WorkspaceAccess,
    private readonly excluded: () => ExcludeMatcher,
  ) {}

  get roots(): readonly string[] {
    return this.access.roots;
  }

  /** The workspace root holding `absPath` (lexically), if any. */
  rootOf(absPath: string): string | undefined {
    return this.roots.find((root) => isInside(root, absPath));
  }

  /** Root-relative display form of an absolute path inside the workspace. */
  display(absPath: string): string {
    const root = this.rootOf(absPath);
    if (root === undefined) return absPath;
    const relative = toPosix(path.relative(root, absPath)) || '.';
    if (this.roots.length < 2) return relative;
    const name = rootNames(this.roots)[this.roots.indexOf(root)]!;
    return relative === '.' ? name : `${name}/${relative}`;
  }

  /**
   * True when the exclude globs cover `absPath` (matched root-relative, or whole when outside every
   * root), or the file it links to: the one check every tool, chat attach and @-mention goes through.
   */
  isExcluded(absPath: string): boolean {
    return isExcludedUnder(this.excluded(), this.roots, absPath);
  }

  async resolve(written: string): Promise<ResolvedPath> {
    if (this.roots.length === 0) throw new ToolError(l10n.t('No workspace folder is open (or the workspace is in Restricted Mode), so no file can be read.'));
    const input = written.trim().replace(/\\/g, '/');
    if (input === '') throw new ToolError(l10n.t('The path is empty. Use "." for the workspace root.'));
    if (input.includes('\0') || input.length > MAX_PATH_LENGTH) throw new ToolError(l10n.t('The path is not valid.'));

    let notFound = false;
    for (const candidate of this.candidates(input)) {
      if (this.rootOf(candidate) === undefined) {
        throw new ToolError(l10n.t('Refused: "{0}" is outside the workspace folders.', written));
      }
      // An excluded name is refused whether or not it exists; a link out says so, not "excluded".
      const excluded = this.isExcluded(candidate);
      let realPath: string;
      try {
        realPath = await this.access.realpath(candidate);
      } catch {
        if (excluded) throw this.excludedError(written);
        notFound = true;
        continue;
      }
      if (!(await this.isInsideRealRoot(realPath))) {
        throw new ToolError(l10n.t('Refused: "{0}" is a symbolic link that leads outside the workspace folders.', written));
      }
      if (excluded) throw this.excludedError(written);
      if (this.isExcluded(await this.asLexical(realPath))) throw this.excludedError(written);
      return { absPath: candidate, realPath, display: this.display(candidate) };
    }
    throw new ToolError(notFound ? l10n.t('Not found: "{0}".', written) : l10n.t('Refused: "{0}" is outside the workspace folders.', written));
  }

  private excludedError(written: string): ToolError {
    return new ToolError(l10n.t('Refused: "{0}" matches the grokCodeFast.exclude setting; its contents never leave the machine.', written));
  }

  /** Absolute candidates for a written path: absolute as is; relative against the named root, then every root. */
  private candidates(input: string): string[] {
    if (path.isAbsolute(input)) return [path.resolve(input)];
    // A drive-letter path on a POSIX host names nothing inside the workspace.
    if (path.win32.isAbsolute(input)) return [];
    const roots = this.roots;
    const out: string[] = [];
    if (roots.length > 1) {
      rootNames(roots).forEach((name, i) => {
        if (input === name || input.startsWith(`${name}/`)) out.push(path.resolve(roots[i]!, input.slice(name.length + 1) || '.'));
      });
    }
    for (const root of roots) out.push(path.resolve(root, input));
    return out;
  }

  private async realRoots(): Promise<string[]> {
    return Promise.all(this.roots.map((root) => this.access.realpath(root).catch(() => root)));
  }

  private async isInsideRealRoot(realPath: string): Promise<boolean> {
    return (await this.realRoots()).some((root) => isInside(root, realPath));
  }

  /** Maps a real path back under the matching lexical root, so exclude globs see a root-relative path. */
  private async asLexical(realPath: string): Promise<string> {
    const realRoots = await this.realRoots();
    const index = realRoots.findIndex((root) => isInside(root, realPath));
    return index < 0 ? realPath : path.join(this.roots[index]!, path.relative(realRoots[index]!, realPath));
  }
}
