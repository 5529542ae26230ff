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
    const commands = await vscode.commands.getCommands(true);
    for (const id of ['grokCodeFast.openChat', 'grokCodeFast.setApiKey', 'grokCodeFast.refactor', 'grokCodeFast.showPerformanceReport']) {
      assert.ok(commands.includes(id), `command ${id} is not registered`);
    }
  });
});
