/** A throw-away workspace on disk with the files the tool tests poke at, including hostile symlinks. */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync, realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

export interface WorkspaceFixture {
  /** Holds `workspace/` and `outside/`. */
  base: string;
  root: string;
  outside: string;
  dispose(): void;
}

export function createWorkspaceFixture(): WorkspaceFixture {
  const base = realpathSync(mkdtempSync(path.join(tmpdir(), 'gcf-tools-')));
  const root = path.join(base, 'workspace');
  const outside = path.join(base, 'outside');
  const write = (relative: string, content: string | Uint8Array) => {
    const target = path.join(base, relative);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, content);
  };
  write('outside/passwd.txt', 'root:x:0:0 OUTSIDE_SECRET\n');
  write('workspace/src/app.ts', 'import { helper } from "./util";\n\nexport function main() {\n  return helper(42); // TODO tidy\n}\n');
  write('workspace/src/util.ts', 'export function helper(n: number) {\n  return n * 2; // todo: overflow\n}\n');
  write('workspace/.env', 'API_TOKEN=TODO-super-secret\n');
  write('workspace/secrets/prod.json', '{"password":"TODO"}\n');
  write('workspace/config/server.key', 'TODO private key\n');
  write('workspace/docs/readme.md', '# Readme\n');
  write('workspace/big.txt', Array.from({ length: 50 }, (_, i) => `line ${i + 1}`).join('\n') + '\n');
  write('workspace/bin.dat', new Uint8Array([0x89, 0x50, 0, 1, 2, 0, 84, 79, 68, 79]));
  symlinkSync(path.join(outside, 'passwd.txt'), path.join(root, 'link-out.txt'));
  symlinkSync(outside, path.join(root, 'linkdir-out'));
  symlinkSync(path.join(root, 'src', 'app.ts'), path.join(root, 'link-in.ts'));
  symlinkSync(path.join(root, '.env'), path.join(root, 'innocent.txt'));
  return { base, root, outside, dispose: () => rmSync(base, { recursive: true, force: true }) };
}
