/**
 * dist/provider.js as `npm run package` builds it (minified), built in memory from esbuild.mjs's own
 * options: its error classes keep their names, because users and other extensions log and match on
 * `error.name` (issue 11, kind 8).
 */
import * as assert from 'node:assert/strict';
import Module from 'node:module';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BuildOptions } from 'esbuild';

const root = path.resolve(__dirname, '../../../..');

// A real dynamic import: the test is compiled to CommonJS, where `import()` would become `require`.
const importModule = new Function('url', 'return import(url)') as (url: string) => Promise<{ bundleOptions(o: { production: boolean }): BuildOptions[] }>;

async function builtProvider(): Promise<Record<string, unknown>> {
  const esbuild = await import('esbuild');
  const { bundleOptions } = await importModule(pathToFileURL(path.join(root, 'esbuild.mjs')).href);
  const options = bundleOptions({ production: true }).find((build) => build.outfile === 'dist/provider.js');
  assert.ok(options, 'esbuild.mjs builds no dist/provider.js');
  const cwd = process.cwd();
  process.chdir(root);
  try {
    const result = await esbuild.build({ ...options, write: false, logLevel: 'silent' });
    const bundle = new Module(path.join(root, 'dist/provider.js'));
    bundle.filename = path.join(root, 'dist/provider.js');
    bundle.paths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(root);
    (bundle as unknown as { _compile(code: string, file: string): void })._compile(result.outputFiles[0].text, bundle.filename);
    return bundle.exports as Record<string, unknown>;
  } finally {
    process.chdir(cwd);
  }
}

describe('dist/provider.js (release build)', function () {
  this.timeout(60_000);

  it('keeps the error classes\' names', async () => {
    const provider = await builtProvider();
    const names = ['RateLimitError', 'CreditsExhaustedError', 'ProxyAuthenticationError', 'ApiError', 'NetworkError', 'AuthenticationError'];
    for (const name of names) {
      const ErrorClass = provider[name] as (new (...args: unknown[]) => Error) | undefined;
      assert.ok(ErrorClass, `${name} is not exported`);
      assert.equal(new ErrorClass('message', 1).name, name);
    }
  });
});
