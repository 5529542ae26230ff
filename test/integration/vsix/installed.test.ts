import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

const EXTENSION_ID = 'grok-code-fast.grok-code-fast';

describe('the installed .vsix', () => {
  it('is installed from the package, not loaded from the source tree', () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not installed`);
    assert.match(extension.extensionPath, /extensions[\\/]grok-code-fast\.grok-code-fast-\d+\.\d+\.\d+/);
  });

  it('activates and registers its commands', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
    await extension.activate();
    assert.equal(extension.isActive, true);
    // Outside test mode activate() only schedules the start (src/extension.ts): the commands are
    // registered on the next turns, well within this deadline.
    const wanted = ['grokCodeFast.openChat', 'grokCodeFast.setApiKey', 'grokCodeFast.refactor', 'grokCodeFast.showPerformanceReport'];
    let missing = wanted;
    for (const deadline = Date.now() + 5000; missing.length > 0 && Date.now() < deadline; ) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      const commands = await vscode.commands.getCommands(true);
      missing = wanted.filter((id) => !commands.includes(id));
    }
    assert.deepEqual(missing, [], 'commands not registered after the start');
  });
});
