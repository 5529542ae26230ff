/** Instances of issue 18's kind 8 that the issue did not show, invented by a review. */
import * as assert from 'node:assert/strict';
import { DEFAULT_CONTEXT_BUDGET, gatherSnippets } from '../../../src/completion/context';
import { createExcludeMatcher } from '../../../src/platform/excludeMatcher';

/** The snippets taken from one related file `text` for a prefix that calls fetchUser(userId). */
function snippetsFrom(text: string, snippetTokens: number) {
  return gatherSnippets({
    prefix: 'const user = await fetchUser(userId);\n',
    languageId: 'typescript',
    uri: 'file:///p/src/app.ts',
    candidates: [{ uri: 'file:///p/src/other.ts', relativePath: 'src/other.ts', absolutePath: '/p/src/other.ts', languageId: 'typescript', text }],
    isExcluded: createExcludeMatcher([]),
    budget: { ...DEFAULT_CONTEXT_BUDGET, snippetTokens },
    stopwatch: () => 0,
  });
}

describe('completion: invented instances of issue 18 kind 8 (no lone surrogate in the prompt)', () => {
  it('a related file whose scanned part ends inside an emoji line gives no snippet with half of it', () => {
    const head = 'fetchUser(userId); ';
    // Filler lines without identifiers, then one related line of emoji that the scan limit (40,000) cuts.
    let filler = '0123456789\n'.repeat(3600);
    if ((40_000 - (filler.length + head.length)) % 2 === 0) filler += '\n';
    for (const snippet of snippetsFrom(`${filler}${head}${'😀'.repeat(400)}\n`, 4000)) {
      assert.ok(!/[\ud800-\udbff](?![\udc00-\udfff])/.test(snippet.text), 'a snippet holds a lone high surrogate');
    }
  });

  it('one long line of related emoji text cut by the scan limit: still no half pair', () => {
    const line = `fetchUser(userId); ${'😀'.repeat(25_000)}`;
    const snippets = snippetsFrom((line.length - 40_000) % 2 === 0 ? ` ${line}` : line, 20_000);
    assert.equal(snippets.length, 1);
    assert.ok(!/[\ud800-\udbff]$/.test(snippets[0].text), 'the snippet ends with a lone high surrogate');
  });
});
