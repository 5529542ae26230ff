/**
 * The layers are enforced by `npm run lint`: these lint made-up files through the project's real
 * ESLint configuration (eslint.config.mjs) and check that each kind of wrong import is reported
 * and the allowed ones are not.
 */
import * as assert from 'node:assert/strict';
import { ESLint } from 'eslint';

const eslint = new ESLint({ cwd: process.cwd() });

/** The layer messages ESLint reports for `code` as if it were the file at `filePath`. */
async function layerErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.filter((m) => m.ruleId === 'layers/imports' || m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

const use = (spec: string) => `import * as m from '${spec}';\nexport const x = m;\n`;

describe('lint: layers (eslint.config.mjs)', function () {
  this.timeout(30_000);

  it('fails a feature importing another feature, at any depth', async () => {
    assert.match((await layerErrors('src/actions/sample.ts', use('../chat/chatController')))[0] ?? '', /Features never import each other: src\/actions imports src\/chat/);
    assert.match((await layerErrors('src/chat/tools/sample.ts', use('../../report/protocol')))[0] ?? '', /src\/chat imports src\/report/);
    assert.equal((await layerErrors('src/dataRights/sample.ts', `export type { AnalyticsFeatures } from '../report/registerAnalyticsFeatures';\n`)).length, 1);
  });

  it('fails platform importing a feature', async () => {
    assert.match((await layerErrors('src/platform/sample.ts', use('../status/statusBar')))[0] ?? '', /src\/platform imports no feature/);
    assert.match((await layerErrors('src/platform/analytics/sample.ts', `import type { X } from '../../onboarding/consentModal';\nexport type Y = X;\n`))[0] ?? '', /no feature/);
  });

  it('fails the core importing anything but itself, zod, undici and Node built-ins', async () => {
    assert.match((await layerErrors('src/provider/client/sample.ts', use('../../platform/settings')))[0] ?? '', /src\/provider is the core/);
    assert.ok((await layerErrors('src/provider/sample.ts', use('vscode'))).length > 0);
    assert.match((await layerErrors('src/provider/sample.ts', use('openai')))[0] ?? '', /not "openai"/);
  });

  it('lets dependencies point inward, and the composition root import every feature', async () => {
    assert.deepEqual(await layerErrors('src/actions/sample.ts', use('../platform/settings') + use('../provider').replace(/\bm\b/g, 'p')), []);
    assert.deepEqual(await layerErrors('src/chat/tools/sample.ts', use('../historyStore')), []);
    assert.deepEqual(await layerErrors('src/provider/client/sample.ts', use('zod') + use('node:crypto').replace(/\bm\b/g, 'c') + use('../errors').replace(/\bm\b/g, 'e')), []);
    assert.deepEqual(await layerErrors('src/webview/chat/sample.ts', use('../../chat/protocol')), []);
    assert.deepEqual(await layerErrors('src/main.ts', use('./chat/registerChat') + use('./report/registerAnalyticsFeatures').replace(/\bm\b/g, 'r')), []);
  });

  it("fails a webview page importing another page's feature", async () => {
    assert.match((await layerErrors('src/webview/chat/sample.ts', use('../../report/protocol')))[0] ?? '', /src\/chat imports src\/report/);
  });

});
