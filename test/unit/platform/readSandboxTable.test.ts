/**
 * Every path that reads a file for a request × every shape of link out of the workspace: each read
 * path must refuse each shape (the real file is outside the folder, under .git, or excluded), and
 * must still read a link that stays inside the workspace.
 */
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ContextChips } from '../../../src/chat/contextChips';
import { findInstructionFiles } from '../../../src/chat/instructionFiles';
import { createNodeWorkspaceAccess } from '../../../src/chat/tools/nodeWorkspaceAccess';
import { WorkspaceTools } from '../../../src/chat/tools/workspaceTools';
import { DEFAULT_CONTEXT_BUDGET, gatherSnippets } from '../../../src/completion/context';
import { createExcludeMatcher, DEFAULT_EXCLUDE_GLOBS } from '../../../src/platform/excludeMatcher';
import { FakeEditorHost } from '../chat/fakeEditorHost';

const SECRET = 'aws_secret_access_key = SECRETVALUE123 sharedIdentifier';

interface Shape {
  name: string;
  /** The workspace-relative path every read path is asked for (an instruction file name). */
  at: string;
  /** Builds the shape under `root` with `outside` a folder beside it. */
  make(root: string, outside: string): void;
}

function write(file: string, text: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

const SHAPES: Shape[] = [
  {
    name: 'file link, relative, to a credential file outside',
    at: 'AGENTS.md',
    make: (root) => symlinkSync('../outside/.aws/credentials', path.join(root, 'AGENTS.md')),
  },
  {
    name: 'file link, absolute, to a file outside',
    at: 'AGENTS.md',
    make: (root, outside) => symlinkSync(path.join(outside, 'notes.txt'), path.join(root, 'AGENTS.md')),
  },
  {
    name: 'folder link (.grok) leading outside',
    at: '.grok/instructions.md',
    make: (root, outside) => {
      write(path.join(outside, 'home', 'instructions.md'), SECRET);
      symlinkSync(path.join(outside, 'home'), path.join(root, '.grok'));
    },
  },
  {
    name: 'folder link (.github), relative, leading outside',
    at: '.github/copilot-instructions.md',
    make: (root, outside) => {
      write(path.join(outside, 'gh', 'copilot-instructions.md'), SECRET);
      symlinkSync('../outside/gh', path.join(root, '.github'));
    },
  },
  {
    name: 'chain of two links, the second leading outside',
    at: 'AGENTS.md',
    make: (root) => {
      mkdirSync(path.join(root, 'docs'));
      symlinkSync('../../outside/.aws/credentials', path.join(root, 'docs', 'hop.md'));
      symlinkSync('docs/hop.md', path.join(root, 'AGENTS.md'));
    },
  },
  {
    name: 'link to an excluded file inside (.env)',
    at: 'AGENTS.md',
    make: (root) => {
      write(path.join(root, '.env'), SECRET);
      symlinkSync('.env', path.join(root, 'AGENTS.md'));
    },
  },
  {
    name: 'link into .git (config with a token URL)',
    at: 'AGENTS.md',
    make: (root) => {
      write(path.join(root, '.git', 'config'), `[remote "origin"]\n\turl = https://x:${SECRET}@example.com/r.git\n`);
      symlinkSync('.git/config', path.join(root, 'AGENTS.md'));
    },
  },
  {
    name: 'link to a default credential file inside (.npmrc)',
    at: '.grok/instructions.md',
    make: (root) => {
      write(path.join(root, '.npmrc'), `//registry.example/:_authToken=${SECRET}`);
      mkdirSync(path.join(root, '.grok'));
      symlinkSync('../.npmrc', path.join(root, '.grok', 'instructions.md'));
    },
  },
];

/** An editor host that reads the disk as VS Code does: following links. */
class DiskEditorHost extends FakeEditorHost {
  override async readTextFile(absPath: string) {
    return { absPath, name: path.basename(absPath), language: 'markdown', text: readFileSync(absPath, 'utf8') };
  }
}

interface ReadPath {
  name: string;
  /** The text the path would send for `rel`, or undefined when it refuses. */
  read(workspace: Workspace, rel: string): Promise<string | undefined>;
}

interface Workspace {
  root: string;
  tools: WorkspaceTools;
  editor: DiskEditorHost;
}

const READ_PATHS: ReadPath[] = [
  {
    name: 'instruction files',
    read: async ({ root, tools, editor }, rel) => {
      editor.found = [path.join(root, rel)];
      const files = await findInstructionFiles(editor, tools);
      return files.map((file) => file.text).join('') || undefined;
    },
  },
  {
    name: '@-mention',
    read: async ({ tools, editor }, rel) => {
      const chips = new ContextChips(editor, tools, () => 'id');
      return (await chips.addWorkspaceFile(rel)) ? chips.take(['id'])[0]!.content : undefined;
    },
  },
  {
    name: 'attach current file',
    read: async ({ root, tools, editor }, rel) => {
      editor.document = await editor.readTextFile(path.join(root, rel));
      const chips = new ContextChips(editor, tools, () => 'id');
      return chips.addCurrentFile() ? chips.take(['id'])[0]!.content : undefined;
    },
  },
  {
    name: 'read_file tool',
    read: async ({ tools }, rel) => {
      const run = await tools.run({ id: 'c', name: 'read_file', arguments: JSON.stringify({ path: rel }) });
      return run.ok ? run.content : undefined;
    },
  },
  {
    name: 'inline context snippets',
    read: async ({ root }, rel) => {
      const absolutePath = path.join(root, rel);
      const snippets = gatherSnippets({
        prefix: 'const value = sharedIdentifier',
        languageId: 'markdown',
        uri: 'file:///elsewhere.md',
        candidates: [{ uri: `file://${absolutePath}`, relativePath: rel, absolutePath, languageId: 'markdown', text: readFileSync(absolutePath, 'utf8') }],
        isExcluded: createExcludeMatcher(DEFAULT_EXCLUDE_GLOBS),
        budget: DEFAULT_CONTEXT_BUDGET,
        stopwatch: () => 0,
      });
      return snippets.map((snippet) => snippet.text).join('') || undefined;
    },
  },
  {
    name: 'selection actions',
    read: async ({ root }, rel) => (createExcludeMatcher(DEFAULT_EXCLUDE_GLOBS)(rel, path.join(root, rel)) ? undefined : readFileSync(path.join(root, rel), 'utf8')),
  },
];

describe('read sandbox: every read path × every link shape', () => {
  let base: string;
  beforeEach(() => {
    base = realpathSync(mkdtempSync(path.join(tmpdir(), 'grok-table-')));
  });
  afterEach(() => rmSync(base, { recursive: true, force: true }));

  function workspace(shape?: Shape): Workspace {
    const root = path.join(base, 'ws');
    const outside = path.join(base, 'outside');
    mkdirSync(root);
    write(path.join(outside, '.aws', 'credentials'), SECRET);
    write(path.join(outside, 'notes.txt'), SECRET);
    shape?.make(root, outside);
    const tools = new WorkspaceTools({ access: createNodeWorkspaceAccess({ roots: [root] }) });
    return { root, tools, editor: new DiskEditorHost() };
  }

  for (const readPath of READ_PATHS) {
    for (const shape of SHAPES) {
      it(`${readPath.name} refuses: ${shape.name}`, async () => {
        const sent = await readPath.read(workspace(shape), shape.at);
        assert.equal(sent, undefined);
      });
    }
    it(`${readPath.name} still reads a link that stays inside the workspace`, async () => {
      const ws = workspace();
      write(path.join(ws.root, 'docs', 'agents.md'), 'Use tabs. sharedIdentifier');
      symlinkSync('docs/agents.md', path.join(ws.root, 'AGENTS.md'));
      assert.match((await readPath.read(ws, 'AGENTS.md')) ?? '', /Use tabs/);
    });
  }
});
