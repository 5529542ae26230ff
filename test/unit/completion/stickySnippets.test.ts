import * as assert from 'node:assert/strict';
import { StickySnippets } from '../../../src/completion/stickySnippets';

const snippet = (name: string) => ({ relativePath: `src/${name}.ts`, text: `export const ${name} = 1;` });

describe('completion/stickySnippets', () => {
  it('keeps a document’s snippets while any of them is still picked, so the prompt start stays cached', () => {
    const sticky = new StickySnippets();
    assert.deepEqual(sticky.choose('doc', [snippet('a'), snippet('b')]), [snippet('a'), snippet('b')]);
    assert.deepEqual(sticky.choose('doc', [snippet('b'), snippet('c')]), [snippet('a'), snippet('b')]);
    assert.deepEqual(sticky.choose('doc', []), [snippet('a'), snippet('b')]);
  });

  it('takes the new picks once none of the kept snippets is picked, and keeps documents apart', () => {
    const sticky = new StickySnippets();
    sticky.choose('doc', [snippet('a')]);
    assert.deepEqual(sticky.choose('other', [snippet('z')]), [snippet('z')]);
    assert.deepEqual(sticky.choose('doc', [snippet('c')]), [snippet('c')]);
    // A snippet whose text changed is another snippet.
    assert.deepEqual(sticky.choose('doc', [{ ...snippet('c'), text: 'export const c = 2;' }]), [{ ...snippet('c'), text: 'export const c = 2;' }]);
  });

  it('forgets everything on clear (settings or consent changed)', () => {
    const sticky = new StickySnippets();
    sticky.choose('doc', [snippet('a')]);
    sticky.clear();
    assert.deepEqual(sticky.choose('doc', [snippet('b')]), [snippet('b')]);
  });
});
