import * as assert from 'node:assert/strict';
import {
  PROTOCOL_LIMITS,
  parseFromWebview,
  parseToWebview,
  type FromWebviewMessage,
  type ToWebviewMessage,
} from '../../src/chat/protocol';
import { renderPage } from '../../src/platform/webviewHtml';
import { contentSecurityPolicy, escapeAttribute } from '../../src/platform/webviewHtml';

const usage = { promptTokens: 10, completionTokens: 5, reasoningTokens: 3, cachedTokens: 8, costUsd: 0.0001, latencyMs: 900, timeToFirstTokenMs: null };
const chip = { id: 'k1', kind: 'selection' as const, label: 'a.ts:1-3', path: 'src/a.ts', language: 'typescript', range: { startLine: 0, endLine: 2 } };

const VALID_TO_WEBVIEW: ToWebviewMessage[] = [
  {
    type: 'state',
    conversations: [{ id: 'c1', title: 'T', updatedAt: 1_700_000_000_000 }],
    active: {
      id: 'c1',
      title: 'T',
      messages: [
        { id: 'u1', role: 'user', content: 'hi', chips: [chip] },
        {
          id: 'a1', role: 'assistant', content: 'partial', reasoning: 'r', usage, stopped: true, createdAt: 1,
          toolCalls: [{ id: 't1', name: 'read_file', argsSummary: 'a.ts', status: 'done', resultSummary: '3 lines' }],
          error: { code: 'rate_limited', message: 'slow down', retryAfter: 5, action: 'retry' },
        },
      ],
    },
    status: { hasKey: true, hasConsent: false, consentNotice: 'notice', model: 'grok-code-fast-1', busy: false },
    chips: [chip],
    draft: 'half',
  },
  { type: 'state', conversations: [], active: null, status: { hasKey: false, hasConsent: false, model: 'm', busy: true } },
  { type: 'stream', conversationId: 'c1', messageId: 'a2', event: { kind: 'reasoningDelta', text: 'hm' } },
  { type: 'stream', conversationId: 'c1', messageId: 'a2', event: { kind: 'contentDelta', text: 'Hel' } },
  { type: 'stream', conversationId: 'c1', messageId: 'a2', event: { kind: 'toolCall', call: { id: 't', name: 'search_text', argsSummary: 'TODO', status: 'running' } } },
  { type: 'stream', conversationId: 'c1', messageId: 'a2', event: { kind: 'usage', usage: { ...usage, timeToFirstTokenMs: 120 } } },
  { type: 'stream', conversationId: 'c1', messageId: 'a2', event: { kind: 'done' } },
  { type: 'stream', conversationId: 'c1', messageId: 'a2', event: { kind: 'error', error: { code: 'unauthorized', message: 'bad key', action: 'setApiKey' } } },
  { type: 'contextChips', chips: [chip, { id: 'f', kind: 'file', label: 'b.ts' }] },
  { type: 'fileSuggestions', query: 'b', items: [{ path: 'src/b.ts', label: 'b.ts' }] },
  { type: 'focusInput' },
  { type: 'prefill', text: 'Explain this' },
];

const VALID_FROM_WEBVIEW: FromWebviewMessage[] = [
  { type: 'ready' },
  { type: 'send', text: 'hello', chips: [chip] },
  { type: 'stop' },
  { type: 'regenerate', messageId: 'a1' },
  { type: 'newChat' },
  { type: 'openConversation', id: 'c1' },
  { type: 'deleteConversation', id: 'c1' },
  { type: 'consent', granted: true },
  { type: 'setApiKey' },
  { type: 'retry', messageId: 'a1' },
  { type: 'copy', text: 'x' },
  { type: 'insertCode', code: 'x' },
  { type: 'applyCode', code: 'x', language: 'ts' },
  { type: 'applyCode', code: 'x' },
  { type: 'newFile', code: 'x', language: 'python' },
  { type: 'addSelection' },
  { type: 'addFile' },
  { type: 'removeChip', id: 'k1' },
  { type: 'mentionQuery', query: '' },
  { type: 'mentionPick', path: 'src/b.ts' },
  { type: 'draft', text: '' },
];

describe('chat protocol', () => {
  it('accepts every host message kind unchanged', () => {
    for (const message of VALID_TO_WEBVIEW) assert.deepEqual(parseToWebview(message), message, JSON.stringify(message).slice(0, 80));
  });

  it('accepts every webview message kind unchanged', () => {
    for (const message of VALID_FROM_WEBVIEW) assert.deepEqual(parseFromWebview(message), message, message.type);
  });

  it('keeps the two directions apart', () => {
    assert.equal(parseFromWebview({ type: 'focusInput' }), undefined);
    assert.equal(parseToWebview({ type: 'ready' }), undefined);
  });

  it('rejects what is not a protocol message', () => {
    const bad: unknown[] = [
      undefined, null, 0, 'send', [], {}, { type: 'unknown' }, { type: 'send' }, { type: 'send', text: 1, chips: [] },
      { type: 'consent', granted: 'yes' }, { type: 'openConversation', id: '' }, { type: 'mentionPick', path: '' },
      // A retry or regenerate names the answer it replaces.
      { type: 'retry' }, { type: 'regenerate' }, { type: 'retry', messageId: '' },
      { type: 'send', text: 'x', chips: [{ ...chip, kind: 'folder' }] },
      { type: 'send', text: 'x', chips: [{ ...chip, range: { startLine: -1, endLine: 2 } }] },
    ];
    for (const value of bad) assert.equal(parseFromWebview(value), undefined, JSON.stringify(value));
    const badHost: unknown[] = [
      { type: 'stream', conversationId: 'c', messageId: 'm', event: { kind: 'contentDelta' } },
      { type: 'stream', conversationId: 'c', messageId: 'm', event: { kind: 'toolCall', call: { id: 't', name: 'x', argsSummary: '', status: 'queued' } } },
      { type: 'stream', conversationId: 'c', messageId: 'm', event: { kind: 'usage', usage: { ...usage, promptTokens: 1.5 } } },
      { type: 'stream', conversationId: 'c', messageId: 'm', event: { kind: 'usage', usage: { ...usage, costUsd: -1 } } },
      { type: 'stream', conversationId: 'c', messageId: 'm', event: { kind: 'error', error: { code: 'x', message: 'm', action: 'reboot' } } },
      { type: 'stream', conversationId: 'c', messageId: 'm', event: { kind: 'error', error: { code: 'x', message: 'm', action: 'retry', retryAfter: 86_401 } } },
      { type: 'state', conversations: [], active: null, status: { hasKey: true, hasConsent: true, model: 'm' } },
      { type: 'state', conversations: [], active: { id: 'c', title: 't', messages: [{ id: 'm', role: 'system', content: 'x' }] }, status: { hasKey: true, hasConsent: true, model: 'm', busy: false } },
    ];
    for (const value of badHost) assert.equal(parseToWebview(value), undefined, JSON.stringify(value));
  });

  it('bounds strings and lists so one message cannot exhaust memory', () => {
    const L = PROTOCOL_LIMITS;
    assert.ok(parseFromWebview({ type: 'draft', text: 'x'.repeat(L.text) }));
    assert.equal(parseFromWebview({ type: 'draft', text: 'x'.repeat(L.text + 1) }), undefined);
    assert.equal(parseFromWebview({ type: 'removeChip', id: 'x'.repeat(L.id + 1) }), undefined);
    assert.equal(parseFromWebview({ type: 'mentionQuery', query: 'x'.repeat(L.query + 1) }), undefined);
    assert.equal(parseFromWebview({ type: 'send', text: 'x', chips: Array.from({ length: L.chips + 1 }, () => chip) }), undefined);
    assert.equal(parseToWebview({ type: 'fileSuggestions', query: '', items: Array.from({ length: L.suggestions + 1 }, () => ({ path: 'a', label: 'a' })) }), undefined);
    assert.equal(parseToWebview({ type: 'state', conversations: [], active: null, status: { hasKey: true, hasConsent: false, consentNotice: 'x'.repeat(L.notice + 1), model: 'm', busy: false } }), undefined);
  });

  it('drops keys the protocol does not know', () => {
    assert.deepEqual(parseFromWebview({ type: 'stop', extra: 1, constructor: 'x' }), { type: 'stop' });
  });
});

describe('chat webview page', () => {
  const options = { cspSource: 'https://x.vscode-cdn.net', nonce: 'abc123', scriptUri: 'https://x.vscode-cdn.net/chat.js', styleUri: 'https://x.vscode-cdn.net/chat.css' };

  it('allows only the nonce\'d script and the webview\'s own styles and images (no fonts: the page loads none)', () => {
    const html = renderPage('chat', options);
    const policy = escapeAttribute(contentSecurityPolicy(options.cspSource, options.nonce));
    assert.ok(html.includes(`<meta http-equiv="Content-Security-Policy" content="${policy}">`));
    assert.equal(policy, 'default-src &#39;none&#39;; script-src &#39;nonce-abc123&#39;; style-src https://x.vscode-cdn.net; img-src https://x.vscode-cdn.net data:');
    assert.match(html, /<script nonce="abc123" src="https:\/\/x.vscode-cdn.net\/chat.js"><\/script>/);
    assert.match(html, /<link rel="stylesheet" href="https:\/\/x.vscode-cdn.net\/chat.css">/);
    assert.doesNotMatch(html, /style=|\son\w+=/, 'no inline styles or handlers');
    assert.equal((html.match(/<script/g) ?? []).length, 1);
    assert.equal((html.match(/<link rel="stylesheet"/g) ?? []).length, 1);
  });

  it('escapes URIs into attributes', () => {
    const html = renderPage('chat', { ...options, scriptUri: 'https://x/"><script>alert(1)</script>', styleUri: 'https://x/chat.css?a=1&b=2' });
    assert.match(html, /src="https:\/\/x\/&quot;&gt;&lt;script&gt;alert\(1\)&lt;\/script&gt;"/);
    assert.match(html, /<link rel="stylesheet" href="https:\/\/x\/chat.css\?a=1&amp;b=2">/);
  });
});
