import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { menuItems } from '../../../src/status/statusMenuItems';

const inlineOn = { isInlineActive: () => true, isInlineSnoozed: () => false };

describe('the status bar menu', () => {
  it('offers Select Model (issue 24 item 9), right after Open chat', () => {
    const items = menuItems(inlineOn);
    const index = items.findIndex((item) => item.command === 'grokCodeFast.selectModel');
    assert.notEqual(index, -1, 'no Select Model entry');
    assert.match(items[index]!.label, /Select model…/);
    assert.equal(items[index - 1]!.command, 'grokCodeFast.openChat');
  });

  it("runs only commands the manifest declares (VS Code's own settings command aside)", () => {
    const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as { contributes: { commands: { command: string }[] } };
    const declared = new Set(manifest.contributes.commands.map((entry) => entry.command));
    for (const item of menuItems(inlineOn)) {
      if (item.command.startsWith('workbench.')) continue;
      assert.ok(declared.has(item.command), `${item.command} is not declared`);
    }
  });
});
