import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type * as vscode from 'vscode';
import { acceptLanguageModelsGroup, HANDED_OVER_KEY, type KeyVerdictKind, type LanguageModelsGroupDeps } from '../../../src/lmProvider/languageModelsGroup';

const root = path.resolve(__dirname, '../../../..');

class MemoryMemento {
  private readonly values = new Map<string, unknown>();
  keys(): readonly string[] {
    return [...this.values.keys()];
  }
  get<T>(key: string, fallback?: T): T {
    return (this.values.has(key) ? this.values.get(key) : fallback) as T;
  }
  update(key: string, value: unknown): Promise<void> {
    this.values.set(key, value);
    return Promise.resolve();
  }
}

function harness(stored: string | undefined, verdict: KeyVerdictKind = 'valid') {
  const calls: string[] = [];
  let key = stored;
  const memento = new MemoryMemento();
  const deps: LanguageModelsGroupDeps = {
    apiKey: async () => key,
    useApiKey: async (given) => {
      calls.push(`use ${given}`);
      if (verdict !== 'rejected') key = given;
      return verdict;
    },
    askForApiKey: async () => {
      calls.push('ask');
      key = 'xai-typed';
    },
    ensureConsent: async () => {
      calls.push('consent');
      return true;
    },
    sayKeyAlreadySet: () => calls.push('already set'),
    memento: memento as unknown as vscode.Memento,
    log: (line) => {
      assert.ok(!/xai-/.test(line), `the key in the log: ${line}`);
    },
  };
  return { deps, calls, memento, key: () => key };
}

describe("lmProvider: a group of VS Code's Language Models editor", () => {
  it('hands a new key over (checked and stored as Set API Key does), then asks for consent', async () => {
    const h = harness('xai-old');
    await acceptLanguageModelsGroup({ apiKey: ' xai-new ' }, h.deps);
    assert.deepEqual(h.calls, ['use xai-new', 'consent']);
    assert.equal(h.key(), 'xai-new');
  });

  it('says the key is already set when the group brings the same key or none', async () => {
    for (const configuration of [{ apiKey: 'xai-old' }, {}, { apiKey: '' }]) {
      const h = harness('xai-old');
      await acceptLanguageModelsGroup(configuration, h.deps);
      assert.deepEqual(h.calls, ['already set', 'consent'], JSON.stringify(configuration));
    }
  });

  it('asks for a key with Set API Key when neither the group nor the extension has one', async () => {
    const h = harness(undefined);
    await acceptLanguageModelsGroup({}, h.deps);
    assert.deepEqual(h.calls, ['ask', 'consent']);
  });

  it("answers each group's key once: later (silent) resolutions ask and check nothing", async () => {
    const h = harness('xai-old');
    await acceptLanguageModelsGroup({ apiKey: 'xai-new' }, h.deps);
    await acceptLanguageModelsGroup({ apiKey: 'xai-new' }, h.deps);
    assert.deepEqual(h.calls, ['use xai-new', 'consent']);
    const kept = JSON.stringify(h.memento.get(HANDED_OVER_KEY));
    assert.ok(!kept.includes('xai-new'), 'only a digest of the key is kept');
  });

  it("shows the endpoint's rejection as the group's status (an error VS Code displays)", async () => {
    const h = harness('xai-old', 'rejected');
    await assert.rejects(acceptLanguageModelsGroup({ apiKey: 'xai-typo' }, h.deps), /rejected the API key/);
    assert.equal(h.key(), 'xai-old');
  });

  it('refuses a configuration this extension did not declare, with a clear message', async () => {
    const h = harness('xai-old');
    await assert.rejects(acceptLanguageModelsGroup({ apiKey: 42 }, h.deps), /could not read this group/);
    assert.deepEqual(h.calls, []);
  });
});

describe('the languageModelChatProviders contribution (VS Code 1.139)', () => {
  const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  const [provider] = manifest.contributes.languageModelChatProviders as Record<string, unknown>[];

  it('uses configuration, not the deprecated managementCommand', () => {
    assert.equal('managementCommand' in provider, false);
    assert.deepEqual(Object.keys((provider.configuration as { properties: object }).properties), ['apiKey']);
  });

  it('declares the API key secret, so VS Code asks in a password box and keeps it in secret storage', () => {
    const apiKey = (provider.configuration as { properties: { apiKey: { type: string; secret: boolean } } }).properties.apiKey;
    assert.equal(apiKey.type, 'string');
    assert.equal(apiKey.secret, true);
  });
});
