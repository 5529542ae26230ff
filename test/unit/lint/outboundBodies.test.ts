/**
 * Issue 22: the outbound normaliser is the only way a request body is built. Read from the sources:
 * the client POSTs in one place (its stream), only answerStream.ts opens a stream, with a body from
 * one of the two wire builders, and each builder renders what normaliseOutbound returned, never the
 * request's own messages or tools.
 */
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const SRC = join(process.cwd(), 'src');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

const files = new Map(sources(SRC).map((path) => [relative(process.cwd(), path).replaceAll('\\', '/'), readFileSync(path, 'utf8')]));
const read = (path: string) => files.get(path) ?? assert.fail(`${path} is missing`);

/** The text of a top-level function, from its `export function name(` to the next top-level `}`. */
function functionText(source: string, name: string): string {
  const start = source.indexOf(`export function ${name}(`);
  assert.ok(start >= 0, `${name} not found`);
  return source.slice(start, source.indexOf('\n}\n', start));
}

describe('lint: every request body goes through the outbound normaliser (issue 22)', () => {
  it('the client POSTs only from its stream, and only answerStream.ts opens one', () => {
    const posts = [...files].flatMap(([path, text]) => [...text.matchAll(/send\('POST'/g)].map(() => path));
    assert.deepEqual(posts, ['src/provider/client/xaiClient.ts']);
    const openers = [...files].filter(([path, text]) => path !== 'src/provider/client/xaiClient.ts' && /\.stream(Chat|Responses)\(/.test(text)).map(([path]) => path);
    assert.deepEqual(openers, ['src/provider/client/answerStream.ts']);
    assert.match(functionText(read('src/provider/client/answerStream.ts'), 'buildWireRequest'), /buildResponsesRequestBody\(request, settings\)[\s\S]*buildChatRequestBody\(request, settings\)/);
  });

  it('both wire builders render only what the normaliser returned', () => {
    assert.match(functionText(read('src/provider/prompt.ts'), 'outboundRequest'), /return normaliseOutbound\(orderedMessages\(request\)/);
    for (const [path, name] of [
      ['src/provider/prompt.ts', 'buildChatRequestBody'],
      ['src/provider/prompt.ts', 'buildWireMessages'],
      ['src/provider/responsesPrompt.ts', 'buildResponsesRequestBody'],
    ] as const) {
      const body = functionText(read(path), name);
      assert.match(body, /outboundRequest\(request, settings\)/, `${name} normalises`);
      assert.doesNotMatch(body, /request\.(messages|prompt)|options\.(tools|toolChoice|maxTokens)/, `${name} reads the request's messages or tools itself`);
    }
  });
});
