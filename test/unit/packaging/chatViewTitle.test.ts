/**
 * The chat panel's own header has the New chat (+) and history buttons; the manifest must not add a
 * second + to the view's title bar (issue 24: "Two + buttons in the chat header").
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(__dirname, '../../../..');

interface MenuItem {
  command: string;
  when?: string;
}

describe('chat view title bar', () => {
  it('adds no New chat button beside the one in the panel header', () => {
    const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { contributes: { menus?: Record<string, MenuItem[]> } };
    const titleItems = manifest.contributes.menus?.['view/title'] ?? [];
    const onChat = titleItems.filter((item) => item.when?.includes('grokCodeFast.chatView') ?? true);
    assert.deepEqual(onChat.filter((item) => item.command === 'grokCodeFast.newChat'), []);
  });
});
