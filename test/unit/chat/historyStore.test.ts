import * as assert from 'node:assert/strict';
import { type Conversation } from '../../../src/chat/historySchema';
import { HistoryStore } from '../../../src/chat/historyStore';
import { type Logger } from '../../../src/provider/types';
import { NO_WORKSPACE, workspaceKeyOf } from '../../../src/chat/workspaceKey';
import { MemoryMemento } from './memoryMemento';

const WS = 'ws-one';
const PREFIX = `grokCodeFast.chat.ws.${WS}.`;

function recordingLogger(): Logger & { warnings: string[] } {
  const warnings: string[] = [];
  const ignore = () => undefined;
  return { warnings, debug: ignore, info: ignore, error: ignore, warn: (message: string) => void warnings.push(message) };
}

function conversation(id: string, updatedAt: number, overrides: Partial<Conversation> = {}): Conversation {
  return {
    id,
    title: `title ${id}`,
    createdAt: 1,
    updatedAt,
    entries: [
      { role: 'user', id: `${id}-u`, createdAt: 1, text: 'hello', chips: [], prompt: 'hello' },
      {
        role: 'assistant',
        id: `${id}-a`,
        createdAt: 2,
        steps: [
          {
            content: '',
            reasoning: 'look first',
            toolCalls: [{ id: 'call_1', name: 'read_file', arguments: '{"path":"a.ts"}', result: 'a.ts (lines 1-1 of 1)\nx', ok: true, argsSummary: 'a.ts', resultSummary: 'lines 1-1 of 1' }],
          },
          { content: 'Answer.', reasoning: 'done' },
        ],
        usage: { promptTokens: 10, completionTokens: 5, reasoningTokens: 3, cachedTokens: 8, totalTokens: 18, costUsd: 0.0001 },
        latencyMs: 1200,
        timeToFirstTokenMs: 300,
      },
    ],
    ...overrides,
  };
}

describe('HistoryStore', () => {
  it('starts empty', () => {
    const store = new HistoryStore(new MemoryMemento(), WS);
    assert.deepEqual(store.list(), []);
    assert.equal(store.load('nope'), undefined);
    assert.deepEqual(store.draft(), { text: '', chips: [] });
    assert.equal(store.activeId(), undefined);
  });

  it('round-trips a conversation with reasoning, tool calls, usage and timing', async () => {
    const store = new HistoryStore(new MemoryMemento(), WS);
    const original = conversation('c1', 100);
    await store.save(original);
    assert.deepEqual(store.load('c1'), original);
    assert.deepEqual(store.list(), [{ id: 'c1', title: 'title c1', updatedAt: 100 }]);
  });

  it('lists newest first and moves a saved conversation to the top', async () => {
    const store = new HistoryStore(new MemoryMemento(), WS);
    await store.save(conversation('a', 1));
    await store.save(conversation('b', 2));
    await store.save(conversation('a', 3));
    assert.deepEqual(store.list().map((s) => s.id), ['a', 'b']);
  });

  it('evicts the oldest conversations beyond the cap, removing their data', async () => {
    const memento = new MemoryMemento();
    const store = new HistoryStore(memento, WS, undefined, { maxConversations: 2 });
    await store.save(conversation('a', 1));
    await store.save(conversation('b', 2));
    await store.save(conversation('c', 3));
    assert.deepEqual(store.list().map((s) => s.id), ['c', 'b']);
    assert.equal(store.load('a'), undefined);
    assert.equal([...memento.data.keys()].some((key) => key.endsWith('conversation.a')), false);
  });

  it('keeps the last entries and truncates long texts', async () => {
    const store = new HistoryStore(new MemoryMemento(), WS, undefined, { maxEntries: 1, maxTextChars: 5 });
    const long = conversation('c', 1);
    const assistant = long.entries[1]!;
    await store.save(long);
    const saved = store.load('c')!;
    assert.equal(saved.entries.length, 1);
    assert.equal(saved.entries[0]!.id, assistant.id);
    const steps = saved.entries[0]!.role === 'assistant' ? saved.entries[0]!.steps : [];
    assert.equal(steps[0]!.reasoning, 'look \n[... truncated]');
    assert.equal(steps[0]!.toolCalls![0]!.result, 'a.ts \n[... truncated]');
    assert.equal(steps[1]!.content, 'Answe\n[... truncated]');
    await store.save(conversation('u', 2, { entries: [{ role: 'user', id: 'u', createdAt: 1, text: 'abcdefgh', chips: [], prompt: '123456789' }] }));
    assert.deepEqual(store.load('u')!.entries[0], { role: 'user', id: 'u', createdAt: 1, text: 'abcde\n[... truncated]', chips: [], prompt: '12345\n[... truncated]' });
  });

  it('deletes a conversation and clears it as the active one', async () => {
    const store = new HistoryStore(new MemoryMemento(), WS);
    await store.save(conversation('a', 1));
    await store.save(conversation('b', 2));
    await store.setActiveId('a');
    await store.delete('a');
    assert.deepEqual(store.list().map((s) => s.id), ['b']);
    assert.equal(store.load('a'), undefined);
    assert.equal(store.activeId(), undefined);
    await store.setActiveId('b');
    await store.delete('a');
    assert.equal(store.activeId(), 'b');
  });

  it('keeps the draft with its chips, truncating long text', async () => {
    const store = new HistoryStore(new MemoryMemento(), WS, undefined, { maxTextChars: 10 });
    const chip = { id: 's1', kind: 'selection' as const, label: 'app.ts:3-4', path: '/w/app.ts', language: 'typescript', range: { startLine: 2, endLine: 3 }, content: 'let x = 1;' };
    await store.saveDraft({ text: 'half typed', chips: [chip] });
    assert.deepEqual(store.draft(), { text: 'half typed', chips: [chip] });
    await store.saveDraft({ text: 'x'.repeat(11), chips: [] });
    assert.equal(store.draft().text, 'xxxxxxxxxx\n[... truncated]');
  });

  it('treats corrupt stored values as absent, logs them and never throws', () => {
    const memento = new MemoryMemento();
    const logger = recordingLogger();
    memento.data.set(`${PREFIX}index`, { not: 'a list' });
    memento.data.set(`${PREFIX}conversation.c`, { id: 'c', entries: [{ role: 'robot' }] });
    memento.data.set(`${PREFIX}draft`, 'just a string');
    memento.data.set(`${PREFIX}activeConversation`, 42);
    const store = new HistoryStore(memento, WS, logger);
    assert.deepEqual(store.list(), []);
    assert.equal(store.load('c'), undefined);
    assert.deepEqual(store.draft(), { text: '', chips: [] });
    assert.equal(store.activeId(), undefined);
    assert.equal(logger.warnings.length, 3);
    assert.match(logger.warnings[0]!, /index under grokCodeFast\.chat\.ws\.ws-one\.index was unreadable/);
  });

  describe('corrupt data loses only what is corrupt (issue 17)', () => {
    function corruptStore() {
      const memento = new MemoryMemento();
      const logger = recordingLogger();
      const told: string[] = [];
      const store = new HistoryStore(memento, WS, logger, {}, (message) => void told.push(message));
      return { memento, logger, told, store };
    }

    it('rebuilds a corrupt index from the conversations, newest first, and tells once', async () => {
      const { memento, told, store } = corruptStore();
      await store.save(conversation('a', 1));
      await store.save(conversation('b', 2));
      memento.data.set(`${PREFIX}index`, { not: 'a list' });
      assert.deepEqual(store.list().map((s) => s.id), ['b', 'a']);
      assert.deepEqual(store.list().map((s) => s.id), ['b', 'a']);
      assert.equal(told.length, 1);
      assert.match(told[0]!, /Every readable conversation was kept/);
    });

    it('keeps the other conversations when one index entry is malformed', async () => {
      const { memento, store } = corruptStore();
      await store.save(conversation('a', 1));
      await store.save(conversation('b', 2));
      memento.data.set(`${PREFIX}index`, [...(memento.data.get(`${PREFIX}index`) as unknown[]), { id: 42, title: null }]);
      assert.deepEqual(store.list().map((s) => s.id), ['b', 'a']);
    });

    it('keeps the readable entries of a conversation with one malformed entry, and sets the raw value aside for the export', async () => {
      const { memento, told, store } = corruptStore();
      await store.save(conversation('a', 1));
      await store.save(conversation('b', 2));
      const bad = conversation('b', 2) as unknown as { entries: unknown[] };
      bad.entries.splice(1, 0, { role: 'robot', says: 'beep' });
      memento.data.set(`${PREFIX}conversation.b`, bad);
      memento.data.set(`${PREFIX}conversation.z`, { title: 'no id at all' });
      memento.data.set(`${PREFIX}index`, 'garbage');

      assert.deepEqual(store.list().map((s) => s.id), ['b', 'a']);
      assert.deepEqual(store.load('b'), conversation('b', 2), 'the readable entries are kept');
      const exported = await store.exportAll();
      const mine = exported.workspaces.find((w) => w.workspace === WS)!;
      assert.deepEqual(mine.conversations.map((c) => c.id), ['b', 'a']);
      assert.equal(mine.setAside?.length, 2, 'both raw values are kept for the user');
      assert.ok(JSON.stringify(mine.setAside).includes('beep') && JSON.stringify(mine.setAside).includes('no id at all'));
      assert.equal(told.length, 1, 'the user is told once');
    });
  });

  it('recovers from a corrupt index on the next save', async () => {
    const memento = new MemoryMemento();
    memento.data.set(`${PREFIX}index`, 'garbage');
    const store = new HistoryStore(memento, WS, recordingLogger());
    await store.save(conversation('a', 1));
    assert.deepEqual(store.list().map((s) => s.id), ['a']);
  });

  it('makes titles from the first line of the first question', () => {
    const store = new HistoryStore(new MemoryMemento(), WS, undefined, { titleChars: 10 });
    assert.equal(store.titleFor('  Why   is\tit slow?\nmore'), 'Why is it…');
    assert.equal(store.titleFor('short\nsecond'), 'short');
    assert.equal(store.titleFor('   '), 'New chat');
  });
  describe('across workspaces (one shared Memento)', () => {
    async function twoWorkspaces() {
      const memento = new MemoryMemento();
      const one = new HistoryStore(memento, 'ws-one');
      const two = new HistoryStore(memento, 'ws-two');
      await one.save(conversation('a', 1));
      await one.saveDraft({ text: 'draft one', chips: [] });
      await one.setActiveId('a');
      await two.save(conversation('b', 2));
      await two.save(conversation('c', 3));
      return { memento, one, two };
    }

    it('lists, loads and keeps drafts per workspace', async () => {
      const { one, two } = await twoWorkspaces();
      assert.deepEqual(one.list().map((s) => s.id), ['a']);
      assert.deepEqual(two.list().map((s) => s.id), ['c', 'b']);
      assert.equal(one.load('b'), undefined);
      assert.deepEqual(two.load('b'), conversation('b', 2));
      assert.equal(two.draft().text, '');
      assert.equal(two.activeId(), undefined);
      await two.delete('a');
      assert.deepEqual(one.load('a'), conversation('a', 1), 'deleting in one workspace leaves the other alone');
    });

    it('exportAll holds every workspace: conversations newest first and the draft', async () => {
      const { one } = await twoWorkspaces();
      const exported = await one.exportAll();
      const byName = new Map(exported.workspaces.map((w) => [w.workspace, w]));
      assert.deepEqual([...byName.keys()].sort(), ['ws-one', 'ws-two']);
      assert.deepEqual(byName.get('ws-one'), { workspace: 'ws-one', conversations: [conversation('a', 1)], draft: { text: 'draft one', chips: [] } });
      assert.deepEqual(byName.get('ws-two'), { workspace: 'ws-two', conversations: [conversation('c', 3), conversation('b', 2)] });
    });

    it('exportAll leaves out corrupt values and logs them', async () => {
      const memento = new MemoryMemento();
      const logger = recordingLogger();
      const store = new HistoryStore(memento, 'ws-one', logger);
      await store.save(conversation('a', 1));
      memento.data.set('grokCodeFast.chat.ws.ws-two.conversation.x', { id: 'x', entries: 'nope' });
      // The unreadable conversation is set aside and exported as it was, never silently dropped.
      assert.deepEqual(await store.exportAll(), {
        workspaces: [
          { workspace: 'ws-one', conversations: [conversation('a', 1)] },
          { workspace: 'ws-two', conversations: [], setAside: [{ id: 'x', entries: 'nope' }] },
        ],
      });
      assert.equal(logger.warnings.length, 1);
    });

    it('deleteAll leaves no chat key in any workspace, and nothing to export', async () => {
      const { memento, one, two } = await twoWorkspaces();
      memento.data.set('grokCodeFast.chat.index', [{ id: 'old', title: 'older layout', updatedAt: 1 }]);
      memento.data.set('grokCodeFast.userId', 'kept');
      await two.deleteAll();
      // Other keys are the general eraser's; the generation marker tells other windows.
      assert.deepEqual([...memento.data.keys()], ['grokCodeFast.userId', 'grokCodeFast.dataGeneration']);
      assert.deepEqual(one.list(), []);
      assert.equal(one.draft().text, '');
      assert.equal(one.activeId(), undefined);
      assert.deepEqual(await one.exportAll(), { workspaces: [] });
    });

    it('refuses a workspace key that could reach into another key space', () => {
      assert.throws(() => new HistoryStore(new MemoryMemento(), 'a.b'), /invalid workspace key/);
      assert.throws(() => new HistoryStore(new MemoryMemento(), ''), /invalid workspace key/);
    });
  });

  it('names workspaces by a hash of their folders, order-independent, or no-workspace', () => {
    const key = workspaceKeyOf(['file:///home/me/a', 'file:///home/me/b']);
    assert.match(key, /^[0-9a-f]{32}$/);
    assert.equal(workspaceKeyOf(['file:///home/me/b', 'file:///home/me/a']), key);
    assert.notEqual(workspaceKeyOf(['file:///home/me/a']), key);
    assert.equal(key.includes('home'), false);
    assert.equal(workspaceKeyOf([]), NO_WORKSPACE);
    assert.equal(workspaceKeyOf(undefined), NO_WORKSPACE);
  });
});
