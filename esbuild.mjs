// Builds the extension bundle, the stand-alone provider module, the webview bundles and (with --tests)
// a per-file transpile of sources and tests into out/ for mocha.
//   node esbuild.mjs               development build (source maps, not minified)
//   node esbuild.mjs --production  release build (minified, no source maps) — what `npm run package` ships
//   node esbuild.mjs --watch       development build, rebuilt on change
//   node esbuild.mjs --tests       out/ for the unit, webview, integration tests and the benchmark
// Every build but --tests also extracts the l10n bundle (l10n/bundle.l10n.json) from src/.
import * as esbuild from 'esbuild';
import { getL10nJson } from '@vscode/l10n-dev';
import { readdirSync, readFileSync, statSync, rmSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const args = new Set(process.argv.slice(2));
const production = args.has('--production');
const watch = args.has('--watch');

// Bundles loaded lazily from beside the one that requires them, so activation parses none of them:
// the composition root (dist/main.js, required on the turn after activation), undici
// (dist/undici.js, required at the first request) and re2js (dist/re2js.js, required at the first
// regular-expression search). A `require` of these ids stays a require of the sibling file; an
// `import` would bundle them in.
const LAZY_SIBLINGS = { './main': './main.js', undici: './undici.js', re2js: './re2js.js' };
const lazySiblings = {
  name: 'lazy-siblings',
  setup(build) {
    build.onResolve({ filter: /^(\.\/main|undici|re2js)$/ }, (args) =>
      args.kind === 'require-call' ? { path: LAZY_SIBLINGS[args.path], external: true } : undefined,
    );
  },
};

/** The release bundles' options; exported so a unit test can build one in memory, exactly as shipped. */
export function bundleOptions({ production }) {
  const common = {
    bundle: true,
    minify: production,
    sourcemap: production ? false : 'linked',
    logLevel: 'warning',
    legalComments: production ? 'none' : 'inline',
  };
  const nodeTarget = { ...common, platform: 'node', target: 'node20', format: 'cjs', external: ['vscode'], plugins: [lazySiblings] };
  const webTarget = { ...common, platform: 'browser', target: 'es2022', format: 'iife' };
  const webviewEntries = ['chat', 'report'].filter((name) => existsSync(`src/webview/${name}/main.ts`));
  return [
    { ...nodeTarget, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js' },
    { ...nodeTarget, entryPoints: ['src/main.ts'], outfile: 'dist/main.js' },
    // keepNames: users and other extensions log and match on error.name (RateLimitError, not a minified letter).
    { ...nodeTarget, entryPoints: ['src/provider/index.ts'], outfile: 'dist/provider.js', keepNames: true },
    { ...common, platform: 'node', target: 'node20', format: 'cjs', entryPoints: ['node_modules/undici/index.js'], outfile: 'dist/undici.js' },
    { ...common, platform: 'node', target: 'node20', format: 'cjs', entryPoints: ['node_modules/re2js/build/index.cjs'], outfile: 'dist/re2js.js' },
    ...webviewEntries.map((name) => ({
      ...webTarget,
      entryPoints: { [name]: `src/webview/${name}/main.ts`, [`${name}-style`]: `src/webview/${name}/style.css` },
      outdir: 'dist/webview',
      loader: { '.ttf': 'file', '.woff': 'file', '.woff2': 'file' },
    })),
  ];
}

function listTs(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' || name === 'fixtures' ? [] : listTs(path);
    return path.endsWith('.ts') && !path.endsWith('.d.ts') ? [path] : [];
  });
}

/**
 * The English l10n bundle (message -> message) of every `l10n.t` / `vscode.l10n.t` call in src/, host
 * and webviews alike, as @vscode/l10n-dev extracts it: what VS Code loads as l10n/bundle.l10n.json
 * and what translators copy to bundle.l10n.<locale>.json.
 */
export async function extractL10nBundle() {
  // Only files that call l10n.t, as one text: the extractor's parser costs ~85 ms per call, and whole
  // modules put one after another still parse as one module (4.6 s instead of 8 s for src/).
  const sources = listTs('src')
    .map((path) => readFileSync(path, 'utf8'))
    .filter((text) => text.includes('l10n.t'));
  return getL10nJson([{ contents: sources.join('\n;\n'), extension: '.ts' }]);
}

const BUNDLE = 'l10n/bundle.l10n.json';

/** Writes the bundle unless it is newer than every source (a rebuild without changes costs nothing). */
async function writeL10nBundle() {
  const built = existsSync(BUNDLE) ? statSync(BUNDLE).mtimeMs : 0;
  if (listTs('src').every((path) => statSync(path).mtimeMs < built)) return;
  mkdirSync('l10n', { recursive: true });
  writeFileSync(BUNDLE, `${JSON.stringify(await extractL10nBundle(), null, 2)}\n`);
}

async function buildTests() {
  rmSync('out', { recursive: true, force: true });
  await esbuild.build({
    // Webview sources too: their DOM-free helpers (axis ticks, ...) are unit-tested in Node.
    entryPoints: [...listTs('src'), ...listTs('test'), ...listTs('bench')],
    outdir: 'out',
    outbase: '.',
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: 'inline',
    logLevel: 'warning',
  });
}

const runAsScript = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;

if (!runAsScript) {
  // Imported (by the bundle test): build nothing.
} else if (args.has('--tests')) {
  await buildTests();
} else if (watch) {
  for (const options of bundleOptions({ production })) await (await esbuild.context(options)).watch();
  console.log('[watch] watching for changes');
} else {
  rmSync('dist', { recursive: true, force: true });
  await Promise.all([writeL10nBundle(), ...bundleOptions({ production }).map((options) => esbuild.build(options))]);
}
