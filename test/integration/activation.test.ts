import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

const EXTENSION_ID = 'grok-code-fast.grok-code-fast';

describe('activation', () => {
  it('activates', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, 'extension not found');
    await extension.activate();
    assert.equal(extension.isActive, true);
  });
  it('registers its commands', async () => {
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('grokCodeFast.showLog'));
  });
});
