/** Issue 21 kind 9: what VS Code's chat hands the provider is screened against grokCodeFast.exclude (a real workspace on disk). */
import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { namesExcludedPath, REFUSED_ATTACHMENT, REFUSED_TOOL_RESULT, screenAttachments, screenExcludedContent } from '../../../src/lmProvider/excludedContent';
import { toChatMessages, type RequestMessage } from '../../../src/lmProvider/requestMessages';
import { createExcludeMatcher, DEFAULT_EXCLUDE_GLOBS } from '../../../src/platform/excludeMatcher';
import { createWorkspaceFixture, type WorkspaceFixture } from '../chat/tools/workspaceFixture';

const text = (value: string) => ({ value });
const toolCall = (callId: string, name: string, input: object) => ({ callId, name, input });
const toolResult = (callId: string, content: unknown[]) => ({ callId, content });
const user = (...content: unknown[]): RequestMessage => ({ role: 1, content });
const assistant = (...content: unknown[]): RequestMessage => ({ role: 2, content });
const SECRET = 'STRIPE_SECRET=sk_live_51Hx';

describe('lmProvider: excluded content never reaches the endpoint from VS Code\'s chat', () => {
  let fixture: WorkspaceFixture;
  let workspace: { roots: string[]; excluded: ReturnType<typeof createExcludeMatcher> };
  beforeEach(() => {
    fixture = createWorkspaceFixture();
    workspace = { roots: [fixture.root], excluded: createExcludeMatcher(DEFAULT_EXCLUDE_GLOBS) };
  });
  afterEach(() => fixture.dispose());

  it('recognises an excluded path in every spelling a tool argument takes', () => {
    const env = path.join(fixture.root, '.env');
    const excluded = ['.env', './.env', 'src/../.env', env, pathToFileURL(env).href, '  .env  ', 'innocent.txt', 'config/server.key', '.git/config', 'secrets'];
    for (const spelling of excluded) assert.equal(namesExcludedPath(spelling, workspace), true, spelling);
    for (const spelling of ['src/app.ts', 'README', 'main', '', 'file:bad%', `.env\ncontent`]) assert.equal(namesExcludedPath(spelling, workspace), false, spelling);
  });

  it("replaces the result of a tool call that named an excluded file (VS Code's read_file on .env), and only that one", () => {
    const messages = [
      user(text('What keys do we use?')),
      assistant(toolCall('c1', 'read_file', { filePath: path.join(fixture.root, '.env'), startLine: 1 }), toolCall('c2', 'read_file', { filePath: 'src/app.ts' })),
      user(toolResult('c1', [text(SECRET)]), toolResult('c2', [text('export function main() {}')])),
      assistant(toolCall('c3', 'grep_search', { query: 'STRIPE', options: { includes: ['docs/**', '**/.env*'] } })),
      user(toolResult('c3', [text(`.env:1: ${SECRET}`)])),
    ];
    const wire = toChatMessages(screenExcludedContent(messages, workspace), { model: 'grok-4.3', imageInput: false });
    assert.ok(!JSON.stringify(wire).includes('sk_live'), JSON.stringify(wire));
    const tools = wire.filter((message) => message.role === 'tool').map((message) => [message.toolCallId, message.content]);
    assert.deepEqual(tools, [
      ['c1', REFUSED_TOOL_RESULT],
      ['c2', 'export function main() {}'],
      ['c3', REFUSED_TOOL_RESULT],
    ]);
  });

  it('keeps the name of an attachment or reference of an excluded file but not its content', () => {
    const env = path.join(fixture.root, '.env');
    const prompt = [
      `<attachments><attachment id="file:.env" filePath="${env}">\n${SECRET}\n</attachment>`,
      `<attachment id="app" filePath="${path.join(fixture.root, 'src', 'app.ts')}">export function main() {}</attachment></attachments>`,
      `<file path='config/server.key'>-----BEGIN PRIVATE KEY-----</file>`,
      '```env\n# filepath: .env\n' + SECRET + '\n```',
      '```ts\n// filepath: src/app.ts\nconst a = 1;\n```',
      'What is wrong?',
    ].join('\n');
    const screened = screenAttachments(prompt, workspace);
    assert.doesNotMatch(screened, /sk_live|PRIVATE KEY/);
    assert.match(screened, new RegExp(`filePath="${env.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}">\\[left out`));
    assert.ok(screened.includes('export function main() {}') && screened.includes('const a = 1;') && screened.includes('What is wrong?'));
    assert.equal(screened.split(REFUSED_ATTACHMENT).length - 1, 3);
    const [message] = toChatMessages(screenExcludedContent([user(text(prompt))], workspace), { model: 'grok-4.3', imageInput: false });
    assert.doesNotMatch(message!.content as string, /sk_live/);
  });

  it('screens the text inside a kept tool result too (an attachment a tool returned)', () => {
    const [screened] = screenExcludedContent([user(toolResult('c9', [text(`<attachment filePath=".env">${SECRET}</attachment>`)]))], workspace);
    assert.doesNotMatch(JSON.stringify(screened), /sk_live/);
  });

  it('stays linear on unclosed openings (a hostile file full of them; quadratic work would run past the test timeout)', () => {
    const hostile = '<a path=".env">'.repeat(50_000) + '<b file="x">'.repeat(50_000) + '```x\n# filepath: .env\n' + 'y'.repeat(500_000);
    assert.ok(screenAttachments(hostile, workspace) === hostile);
  });

  it('changes nothing when nothing names an excluded file', () => {
    const messages = [user(text('hi <b>bold</b>')), assistant(toolCall('c1', 'read_file', { filePath: 'src/app.ts' })), user(toolResult('c1', [text('x')]))];
    const options = { model: 'grok-4.3', imageInput: false };
    assert.deepEqual(toChatMessages(screenExcludedContent(messages, workspace), options), toChatMessages(messages, options));
  });
});
