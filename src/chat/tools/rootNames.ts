/**
 * The names the model and the transcript use for the folders of a multi-root workspace: the folder's
 * own name, with as many parent folder names as it takes to tell same-named folders apart
 * (`/work/one/app` and `/work/two/app` are `one/app` and `two/app`).
 */
import * as path from 'node:path';

function tail(root: string, depth: number): string {
  return root.split(/[\\/]+/).filter((segment) => segment !== '').slice(-depth).join('/');
}

export function rootNames(roots: readonly string[]): string[] {
  const depths = roots.map(() => 1);
  for (;;) {
    const names = roots.map((root, i) => tail(root, depths[i]!) || path.parse(root).root);
    let grew = false;
    names.forEach((name, i) => {
      const clash = names.some((other, j) => j !== i && other === name);
      if (clash && tail(roots[i]!, depths[i]! + 1) !== name) {
        depths[i]!++;
        grew = true;
      }
    });
    if (!grew) return names;
  }
}
