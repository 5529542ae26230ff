/**
 * `npm run package` (after the build): the .vsix, with a README whose pictures never show broken.
 *
 * Where README pictures can come from (read in code-server 4.139.1 = VS Code 1.139.1,
 * lib/vscode/out/vs/code/browser/workbench/workbench.js, the extension editor's renderMarkdown):
 * the page of an installed extension renders the README file of its folder, sanitised with media
 * protocols http and https only (relative paths and `data:` sources are removed), under the policy
 * `img-src https: data:`. So no picture can be shown from the package itself: a picture shows only
 * when its address is an https URL that resolves. `vsce` (node_modules/@vscode/vsce/out/package.js,
 * MarkdownProcessor) turns relative images into `https://github.com/<repository>/raw/HEAD/<path>` from
 * package.json's `repository`, or into `--baseImagesUrl` + path.
 *
 * - GROK_IMAGES_BASE_URL set (a Marketplace build): an https URL under which this repository's
 *   `media/` folder is published; vsce makes every README picture that URL + its path.
 * - Not set (a local .vsix): there is no address that resolves, so each picture becomes its caption
 *   and the packaged file it shows (the package still ships media/screenshots/), never a broken image.
 *
 * Usage: node vsix.mjs [--out <file.vsix>]
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createVSIX } from '@vscode/vsce';

const root = path.dirname(fileURLToPath(import.meta.url));
/** The README the local .vsix ships (written by this script, under dist/, which is not committed). */
export const LOCAL_README = 'dist/package-readme.md';

/** Markdown images `![alt](src "title")` → their caption and where the package holds the file. */
export function captionPictures(markdown) {
  return markdown.replace(/!\[([^\]]*)\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g, (_all, alt, src) =>
    /^https:\/\//.test(src) ? _all : `*Picture: ${alt || src} (\`${path.posix.normalize(src)}\` in the extension's folder).*`,
  );
}

async function main() {
  const outIndex = process.argv.indexOf('--out');
  const packagePath = outIndex > 0 ? path.resolve(process.argv[outIndex + 1]) : undefined;
  const base = process.env.GROK_IMAGES_BASE_URL?.trim();
  const common = { cwd: root, dependencies: false, allowMissingRepository: true, packagePath };
  if (base) {
    if (!/^https:\/\/[^/]+/.test(base)) throw new Error(`GROK_IMAGES_BASE_URL must be an https URL (VS Code shows README pictures only from https), not "${base}"`);
    await createVSIX({ ...common, baseImagesUrl: base });
    return;
  }
  mkdirSync(path.join(root, 'dist'), { recursive: true });
  writeFileSync(path.join(root, LOCAL_README), captionPictures(readFileSync(path.join(root, 'README.md'), 'utf8')));
  await createVSIX({ ...common, readmePath: LOCAL_README, rewriteRelativeLinks: false });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
