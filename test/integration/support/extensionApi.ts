/**
 * Helpers the extension's integration tests share: the test seams the extension exports from
 * activate() (in test mode), pointing the extension at a fake xAI server, and waiting for a condition.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { type ConsentNotice } from '../../../src/platform/consentGate';
import { startFakeXai, type FakeXai } from '../../fake-xai';

export type { ConsentNotice } from '../../../src/platform/consentGate';

export const EXTENSION_ID = 'grok-code-fast.grok-code-fast';

/** What `activate()` returns when the extension runs in test mode (see src/platform/platform.ts). */
export interface GrokTestApi {
  setConsentPrompt(prompt: ((notice: ConsentNotice) => Promise<boolean>) | undefined): void;
  setApiKeyPrompt(prompt: (() => Promise<string | undefined>) | undefined): void;
  logLines(): readonly string[];
  settings(): {
    maxTokens: number;
    endpoint: { profile: string; baseUrl: string | null };
    models: { chat: string; inline: string; action: string };
    proxy?: { url: string; strictSSL: boolean };
  };
  settingsWarnings(): readonly string[];
  storedApiKey(): Promise<string | undefined>;
}

export async function grokApi(): Promise<GrokTestApi> {
  const extension = vscode.extensions.getExtension<GrokTestApi>(EXTENSION_ID);
  if (!extension) throw new Error(`${EXTENSION_ID} is not installed`);
  const api = await extension.activate();
  if (!api || typeof api.setConsentPrompt !== 'function') throw new Error('the extension exports no test API');
  return api;
}

/** Polls `condition` every 20 ms until it returns a truthy value; fails after `timeoutMs`. */
export async function waitFor<T>(condition: () => T | Promise<T>, what: string, timeoutMs = 5000): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await condition();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * Runs Set API Key with its input box answered by `key`, as a user typing it: the command takes a
 * key from no caller (issue 21 kind 8). Resolves to the command's verdict.
 */
export async function setApiKeyAs<T = unknown>(key: string): Promise<T> {
  const api = await grokApi();
  api.setApiKeyPrompt(async () => key);
  try {
    return await vscode.commands.executeCommand<T>('grokCodeFast.setApiKey');
  } finally {
    api.setApiKeyPrompt(undefined);
  }
}

export function grokConfig(): vscode.WorkspaceConfiguration {
  return vscode.workspace.getConfiguration('grokCodeFast');
}

/** Sends every request to `fake` (the custom profile) and waits until the extension has read it. */
export async function useFakeEndpoint(api: GrokTestApi, fake: FakeXai): Promise<void> {
  await grokConfig().update('endpoint.profile', 'custom', vscode.ConfigurationTarget.Global);
  await grokConfig().update('endpoint.url', fake.url, vscode.ConfigurationTarget.Global);
  await waitFor(() => api.settings().endpoint.baseUrl === fake.url, 'the endpoint setting');
}

/** The extension's test API pointed at a fresh fake xAI server; close the fake and resetEndpoint() in `after`. */
export async function connectToFakeXai(): Promise<{ api: GrokTestApi; fake: FakeXai }> {
  const api = await grokApi();
  const fake = await startFakeXai();
  await useFakeEndpoint(api, fake);
  return { api, fake };
}

/** A file in the workspace folder the test run opens. */
export function workspaceFile(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test run opens a workspace folder');
  return vscode.Uri.joinPath(folder.uri, name);
}

export async function resetEndpoint(): Promise<void> {
  await grokConfig().update('endpoint.profile', undefined, vscode.ConfigurationTarget.Global);
  await grokConfig().update('endpoint.url', undefined, vscode.ConfigurationTarget.Global);
}

/** Undoes connectToFakeXai and what a suite set on top: the key, the consent prompt seam, the endpoint. */
export async function disconnectFromFakeXai(api: GrokTestApi, fake: FakeXai): Promise<void> {
  api.setConsentPrompt(undefined);
  await vscode.commands.executeCommand('grokCodeFast.clearApiKey');
  await resetEndpoint();
  await fake.close();
}

/** The chat-completion requests the fake received (not the key checks and model lists). */
export function chatRequests(fake: FakeXai) {
  return fake.requests.filter((r) => r.method === 'POST' && r.path === '/v1/chat/completions');
}

/** The text of a recorded chat request's messages, to look for what the extension sent. */
export function sentText(request: { body: unknown }): string {
  const body = request.body as { messages?: { role: string; content: string }[] } | undefined;
  return (body?.messages ?? []).map((m) => `${m.role}: ${m.content}`).join('\n');
}
