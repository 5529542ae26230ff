import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { rootNames } from '../../../../src/chat/tools/rootNames';
import { createNodeWorkspaceAccess } from '../../../../src/chat/tools/nodeWorkspaceAccess';
import { type DiagnosticEntry } from '../../../../src/chat/tools/workspaceAccess';
import { type ToolRun, WorkspaceTools, type WorkspaceToolsOptions } from '../../../../src/chat/tools/workspaceTools';
import { DEFAULT_EXCLUDE_GLOBS } from '../../../../src/platform/excludeMatcher';
import { createWorkspaceFixture, type WorkspaceFixture } from './workspaceFixture';

describe('WorkspaceTools', () => {
  let fixture: WorkspaceFixture;
  let diagnostics: DiagnosticEntry[];

  beforeEach(() => {
    fixture = createWorkspaceFixture();
    diagnostics = [];
  });
  afterEach(() => fixture.dispose());

  function tools(options: Partial<WorkspaceToolsOptions> = {}, roots = [fixture.root]): WorkspaceTools {
    return new WorkspaceTools({ access: createNodeWorkspaceAccess({ roots, diagnostics: () => diagnostics }), ...options });
  }

  let callCount = 0;
  function call(subject: WorkspaceTools, name: string, args: unknown): Promise<ToolRun> {
    return subject.run({ id: `call_${++callCount}`, name, arguments: typeof args === 'string' ? args : JSON.stringify(args) });
  }

  function assertRefused(run: ToolRun, pattern: RegExp): void {
    assert.equal(run.ok, false, `expected a refusal, got: ${run.content}`);
    assert.match(run.content, /^Error: /);
    assert.match(run.content, pattern);
    assert.doesNotMatch(run.content, /OUTSIDE_SECRET|super-secret|password/);
  }

  describe('definitions', () => {
    it('offers the four tools in a fixed order with JSON Schemas generated from the argument schemas', () => {
      const definitions = tools().definitions;
      assert.deepEqual(definitions.map((d) => d.name), ['read_file', 'list_directory', 'search_text', 'get_diagnostics']);
      const readFile = definitions[0]!.parameters;
      assert.equal(readFile.type, 'object');
      assert.deepEqual(readFile.required, ['path']);
      assert.deepEqual(Object.keys(readFile.properties as object), ['path', 'startLine', 'endLine']);
      assert.equal('$schema' in readFile, false);
      assert.equal(JSON.stringify(tools().definitions), JSON.stringify(definitions), 'byte-stable between instances');
    });

    it('is unavailable without a workspace folder, and every call says why', async () => {
      const subject = tools({}, []);
      assert.equal(subject.available, false);
      assertRefused(await call(subject, 'read_file', { path: 'src/app.ts' }), /No workspace folder/);
      assertRefused(await call(subject, 'search_text', { query: 'x' }), /No workspace folder/);
    });
  });

  describe('arguments', () => {
    it('answers invalid JSON, an unknown tool and schema violations with an error result, not a throw', async () => {
      const subject = tools();
      assertRefused(await call(subject, 'read_file', '{"path": '), /not valid JSON/);
      assertRefused(await call(subject, 'delete_file', { path: 'x' }), /Unknown tool "delete_file".*read_file/);
      const missing = await call(subject, 'read_file', {});
      assertRefused(missing, /Invalid arguments for read_file: path:/);
      assertRefused(await call(subject, 'read_file', { path: 'src/app.ts', startLine: 'ten' }), /startLine/);
      assertRefused(await call(subject, 'read_file', { path: 'src/app.ts', startLine: 0 }), /startLine/);
      assertRefused(await call(subject, 'search_text', { query: 'x', maxResults: 5000 }), /maxResults/);
    });

    it('treats empty arguments as an empty object', async () => {
      const run = await tools().run({ id: 'c', name: 'get_diagnostics', arguments: '' });
      assert.equal(run.ok, true);
      assert.match(run.content, /No problems reported for the workspace/);
    });
  });

  describe('read_file', () => {
    it('reads a workspace file with a header naming the lines', async () => {
      const run = await call(tools(), 'read_file', { path: 'src/util.ts' });
      assert.equal(run.ok, true);
      assert.equal(run.content, 'src/util.ts (lines 1-3 of 3)\nexport function helper(n: number) {\n  return n * 2; // todo: overflow\n}');
      assert.equal(run.argsSummary, 'src/util.ts');
      assert.equal(run.resultSummary, 'lines 1-3 of 3');
    });

    it('reads an inclusive 1-based line range and refuses a reversed or out-of-file range', async () => {
      const subject = tools();
      const run = await call(subject, 'read_file', { path: 'big.txt', startLine: 10, endLine: 12 });
      assert.equal(run.content, 'big.txt (lines 10-12 of 50)\nline 10\nline 11\nline 12');
      assert.equal(run.argsSummary, 'big.txt:10-12');
      assertRefused(await call(subject, 'read_file', { path: 'big.txt', startLine: 12, endLine: 10 }), /before startLine/);
      assertRefused(await call(subject, 'read_file', { path: 'big.txt', startLine: 51 }), /has 50 lines/);
    });

    it('caps the lines returned and says how to continue', async () => {
      const run = await call(tools({ limits: { maxReadLines: 5 } }), 'read_file', { path: 'big.txt', startLine: 3 });
      assert.equal(
        run.content,
        'big.txt (lines 3-7 of 50)\nline 3\nline 4\nline 5\nline 6\nline 7\n[lines 8-50 not shown (43 lines); to read on, call read_file with startLine=8]',
      );
    });

    it('cuts a long file at a whole line, states the real range and how to read on (2,000 lines of 90 characters)', async () => {
      const lines = Array.from({ length: 2000 }, (_, i) => `${String(i + 1).padStart(5, '0')} ${'x'.repeat(84)}`);
      writeFileSync(path.join(fixture.root, 'long.txt'), lines.join('\n') + '\n');
      const subject = tools();
      const first = await call(subject, 'read_file', { path: 'long.txt' });
      const [header, ...rest] = first.content.split('\n');
      const shown = Number(/lines 1-(\d+) of 2000/.exec(header!)![1]);
      assert.ok(shown > 900 && shown < 2000, header);
      assert.deepEqual(rest.slice(0, shown), lines.slice(0, shown), 'a line was cut or a wrong line shown');
      assert.equal(rest.at(-1), `[lines ${shown + 1}-2000 not shown (${2000 - shown} lines); to read on, call read_file with startLine=${shown + 1}]`);
      assert.ok(first.content.length <= 100_000);

      const next = await call(subject, 'read_file', { path: 'long.txt', startLine: shown + 1 });
      assert.match(next.content, new RegExp(`^long.txt \\(lines ${shown + 1}-2000 of 2000\\)\n${lines[shown]}\n`));
      assert.ok(next.content.endsWith(lines[1999]!), 'the rest of the file was not read on');
    });

    it('cuts at a whole line under a small character limit, and shows a single over-long line cut, saying so', async () => {
      const run = await call(tools({ limits: { maxResultChars: 40 } }), 'read_file', { path: 'big.txt', endLine: 20 });
      assert.equal(run.content, 'big.txt (lines 1-2 of 50)\nline 1\nline 2\n[lines 3-20 not shown (18 lines); to read on, call read_file with startLine=3 and endLine=20]');
      writeFileSync(path.join(fixture.root, 'min.js'), `${'a'.repeat(100)}\nb\n`);
      const minified = await call(tools({ limits: { maxResultChars: 40 } }), 'read_file', { path: 'min.js' });
      assert.match(minified.content, /^min.js \(lines 1-1 of 2\)\na{20}\n\[line 1 is 100 characters long; only its first 20 are shown\]/);
    });

    it('reads UTF-16 files with a byte order mark and legacy 8-bit files as text', async () => {
      const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Größe = 1\r\nnext\r\n', 'utf16le')]);
      writeFileSync(path.join(fixture.root, 'win.txt'), utf16);
      const run16 = await call(tools(), 'read_file', { path: 'win.txt' });
      assert.equal(run16.content, 'win.txt (lines 1-2 of 2, decoded as utf-16le)\nGröße = 1\nnext');
      const be = Buffer.from([0xfe, 0xff, ...Buffer.from('héllo', 'utf16le').swap16()]);
      writeFileSync(path.join(fixture.root, 'be.txt'), be);
      assert.equal((await call(tools(), 'read_file', { path: 'be.txt' })).content, 'be.txt (lines 1-1 of 1, decoded as utf-16be)\nhéllo');
      writeFileSync(path.join(fixture.root, 'latin1.txt'), Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x20, 0x80, 0x0a]));
      const legacy = await call(tools(), 'read_file', { path: 'latin1.txt' });
      assert.equal(legacy.content, 'latin1.txt (lines 1-1 of 1, decoded as windows-1252)\ncafé €');
      assert.doesNotMatch(legacy.content, /\uFFFD/);
    });

    it('refuses a named pipe at once instead of opening it', async function () {
      if (process.platform === 'win32') this.skip();
      execFileSync('mkfifo', [path.join(fixture.root, 'pipe')]);
      assertRefused(await call(tools(), 'read_file', { path: 'pipe' }), /not a regular file \(a pipe, socket or device\)/);
    });

    it('refuses files over the size limit, binary files and folders', async () => {
      assertRefused(await call(tools({ limits: { maxFileBytes: 100 } }), 'read_file', { path: 'big.txt' }), /too large/);
      assertRefused(await call(tools(), 'read_file', { path: 'bin.dat' }), /binary/);
      assertRefused(await call(tools(), 'read_file', { path: 'src' }), /is a folder; use list_directory/);
      assertRefused(await call(tools(), 'read_file', { path: 'src/missing.ts' }), /Not found: "src\/missing.ts"/);
    });

    it('accepts an absolute path inside the workspace and a symlink that stays inside', async () => {
      const subject = tools();
      const absolute = await call(subject, 'read_file', { path: path.join(fixture.root, 'src', 'util.ts') });
      assert.equal(absolute.ok, true);
      assert.match(absolute.content, /^src\/util.ts \(lines 1-3 of 3\)/);
      const linked = await call(subject, 'read_file', { path: 'link-in.ts' });
      assert.equal(linked.ok, true);
      assert.match(linked.content, /return helper\(42\)/);
    });
  });

  describe('path traversal', () => {
    const attempts: Array<[string, (f: WorkspaceFixture) => string, RegExp]> = [
      ['a parent-relative path', () => '../outside/passwd.txt', /outside the workspace folders/],
      ['a path that climbs out from a subfolder', () => 'src/../../outside/passwd.txt', /outside the workspace folders/],
      ['a bare ..', () => '..', /outside the workspace folders/],
      ['an absolute path outside', (f) => path.join(f.outside, 'passwd.txt'), /outside the workspace folders/],
      ['/etc/passwd', () => '/etc/passwd', /outside the workspace folders/],
      ['backslash separators', () => '..\\outside\\passwd.txt', /outside the workspace folders/],
      ['a Windows drive path', () => 'C:\\Windows\\win.ini', /outside the workspace folders/],
      ['URL-encoded dots (taken literally, never decoded)', () => '%2e%2e/outside/passwd.txt', /Not found/],
      ['an encoded slash (taken literally)', () => '..%2foutside%2fpasswd.txt', /Not found/],
      ['a file symlink leading outside', () => 'link-out.txt', /symbolic link that leads outside/],
      ['a file through a folder symlink leading outside', () => 'linkdir-out/passwd.txt', /symbolic link that leads outside/],
      ['a NUL byte', () => 'src/app.ts\u0000.png', /not valid/],
    ];
    for (const [label, makePath, pattern] of attempts) {
      it(`refuses ${label}`, async () => {
        assertRefused(await call(tools(), 'read_file', { path: makePath(fixture) }), pattern);
      });
    }

    it('refuses listing a folder outside, directly or through a symlink', async () => {
      assertRefused(await call(tools(), 'list_directory', { path: '..' }), /outside the workspace folders/);
      assertRefused(await call(tools(), 'list_directory', { path: 'linkdir-out' }), /symbolic link that leads outside/);
      assertRefused(await call(tools(), 'get_diagnostics', { path: '../outside/passwd.txt' }), /outside the workspace folders/);
    });
  });

  describe('exclude globs', () => {
    it('refuses the default secrets: .env, *.key, anything under a *secret* folder, and a symlink pointing at .env', async () => {
      const subject = tools();
      for (const target of ['.env', 'config/server.key', 'secrets/prod.json', 'innocent.txt', path.join(fixture.root, '.env')]) {
        assertRefused(await call(subject, 'read_file', { path: target }), /matches the grokCodeFast.exclude setting/);
      }
    });

    it('follows the current setting on every call', async () => {
      let globs = ['**/*.md'];
      const subject = tools({ getExcludeGlobs: () => globs });
      assertRefused(await call(subject, 'read_file', { path: 'docs/readme.md' }), /exclude/);
      assert.equal((await call(subject, 'read_file', { path: '.env' })).ok, true, 'the defaults are replaced, not merged');
      globs = [];
      assert.equal((await call(subject, 'read_file', { path: 'docs/readme.md' })).ok, true);
      assert.equal(subject.isExcluded(path.join(fixture.root, '.env')), false);
      globs = ['**/.env*'];
      assert.equal(subject.isExcluded(path.join(fixture.root, '.env')), true);
    });

    describe('whatever the spelling (issue 17)', () => {
      const LEAKS = ['Secret.txt', 'config/SERVER.KEY', '.ENV', 'ID_RSA', 'Deploy/Prod.PEM'];
      beforeEach(() => {
        for (const name of LEAKS) {
          mkdirSync(path.dirname(path.join(fixture.root, name)), { recursive: true });
          writeFileSync(path.join(fixture.root, name), 'LEAKED_TODO\n');
        }
        symlinkSync(path.join(fixture.root, 'secrets'), path.join(fixture.root, 'harmless-dir'));
      });

      it('refuses other-case names on every tool and for attach/@-mentions', async () => {
        const subject = tools();
        for (const name of LEAKS) {
          assertRefused(await call(subject, 'read_file', { path: name }), /grokCodeFast.exclude/);
          assert.equal(subject.isExcluded(path.join(fixture.root, name)), true, name);
        }
        const listing = (await call(subject, 'list_directory', { path: '.' })).content + (await call(subject, 'list_directory', { path: 'config' })).content;
        for (const name of LEAKS) assert.ok(!listing.includes(path.basename(name)), `${name} listed`);
        const search = await call(subject, 'search_text', { query: 'LEAKED_TODO' });
        assert.match(search.content, /^No matches/);
      });

      it('refuses a link to an excluded file or folder on every path, attach included', async () => {
        const subject = tools();
        for (const name of ['innocent.txt', 'harmless-dir/prod.json']) {
          assertRefused(await call(subject, 'read_file', { path: name }), /grokCodeFast.exclude/);
          assert.equal(subject.isExcluded(path.join(fixture.root, name)), true, name);
        }
        assert.doesNotMatch((await call(subject, 'list_directory', { path: '.' })).content, /innocent|harmless-dir/);
        assert.match((await call(subject, 'search_text', { query: 'super-secret' })).content, /^No matches/);
      });

      it('refuses Windows aliases of an excluded name: trailing dot or space, ::$DATA and other streams', async () => {
        const subject = tools();
        for (const alias of ['.env.', '.env ', '.env::$DATA', '.env:$DATA', 'config/server.key:stream', 'ID_RSA. .', '.ENV::$data']) {
          assertRefused(await call(subject, 'read_file', { path: alias }), /grokCodeFast.exclude/);
          assert.equal(subject.isExcluded(path.join(fixture.root, alias)), true, alias);
        }
      });
    });

    it('matches files outside the workspace by their whole path', () => {
      assert.equal(tools().isExcluded('/home/someone/project/.env.local'), true);
      assert.equal(tools().isExcluded('/home/someone/project/main.ts'), false);
    });
  });

  describe('list_directory', () => {
    it('lists folders first with a slash and hides excluded entries and links leading outside', async () => {
      const run = await call(tools(), 'list_directory', { path: '.' });
      assert.equal(run.ok, true);
      assert.equal(
        run.content,
        ['./ (6 entries)', 'config/', 'docs/', 'src/', 'big.txt', 'bin.dat', 'link-in.ts', '[5 entries hidden by the exclude setting]'].join('\n'),
      );
      // innocent.txt is a link to .env: hidden like .env itself; link-out.txt and linkdir-out lead outside.
      assert.match(run.content, /\[5 entries hidden by the exclude setting\]$/);
    });

    it('caps the entries and refuses a file', async () => {
      const run = await call(tools({ limits: { maxDirectoryEntries: 2 } }), 'list_directory', { path: 'src' });
      assert.equal(run.content, 'src/ (2 entries)\napp.ts\nutil.ts');
      const capped = await call(tools({ limits: { maxDirectoryEntries: 1 } }), 'list_directory', { path: 'src' });
      assert.equal(capped.content, 'src/ (2 entries)\napp.ts\n[... 1 more entries not shown]');
      assertRefused(await call(tools(), 'list_directory', { path: 'src/app.ts' }), /is a file; use read_file/);
    });
  });

  describe('search_text', () => {
    it('finds lines across files with smart case and skips excluded files and escaping links', async () => {
      const run = await call(tools(), 'search_text', { query: 'todo' });
      assert.equal(run.ok, true);
      assert.equal(run.content, ['3 matches in 3 files:', 'link-in.ts:4: return helper(42); // TODO tidy', 'src/app.ts:4: return helper(42); // TODO tidy', 'src/util.ts:2: return n * 2; // todo: overflow'].join('\n'));
      const exact = await call(tools(), 'search_text', { query: 'TODO' });
      assert.match(exact.content, /^2 matches in 2 files:/);
      assert.doesNotMatch(exact.content, /todo: overflow/);
    });

    it('supports regular expressions and a glob, and reports an invalid pattern', async () => {
      const run = await call(tools(), 'search_text', { query: 'helper\\(\\d+\\)', isRegex: true, glob: 'src/**' });
      assert.equal(run.content, '1 matches in 1 files:\nsrc/app.ts:4: return helper(42); // TODO tidy');
      assert.equal(run.argsSummary, '/helper\\(\\d+\\)/ in src/**');
      assertRefused(await call(tools(), 'search_text', { query: '(unclosed', isRegex: true }), /Invalid regular expression/);
    });

    describe('regular expressions cannot freeze the extension host (issue 17)', () => {
      /** Counts event-loop turns while `work` runs: a blocked loop counts none. */
      async function loopTurnsDuring<T>(work: Promise<T>): Promise<{ result: T; turns: number }> {
        let turns = 0;
        let running = true;
        const tick = () => {
          if (!running) return;
          turns++;
          setImmediate(tick);
        };
        setImmediate(tick);
        try {
          return { result: await work, turns };
        } finally {
          running = false;
        }
      }

      it("answers the issue's two catastrophic patterns, on inputs no backtracking engine would finish", async () => {
        // 26 a's and a '!' took 9 s with a backtracking engine; 60 would take centuries.
        writeFileSync(path.join(fixture.root, 'src', 'aaa.txt'), `${'a'.repeat(60)}!\n`);
        writeFileSync(path.join(fixture.root, 'src', 'words.ts'), `${'const value = computeSomething(argument) '.repeat(40)}!\n`);
        const nested = await call(tools(), 'search_text', { query: '(a+)+$', isRegex: true, glob: 'src/**' });
        assert.equal(nested.ok, true, nested.content);
        assert.match(nested.content, /^No matches/);
        const words = await call(tools(), 'search_text', { query: '^(\\w+\\s?)+$', isRegex: true, glob: 'src/**' });
        assert.equal(words.ok, true, words.content);
        assert.doesNotMatch(words.content, /words\.ts/);
        const found = await call(tools(), 'search_text', { query: '^(a+)+!$', isRegex: true, glob: 'src/**' });
        assert.match(found.content, /src\/aaa\.txt:1:/);
      });

      it('refuses what cannot run in linear time with a clear "pattern too slow or unsupported" result', async () => {
        for (const query of ['(a+)\\1', 'foo(?=bar)', '(?<!x)y', '(?<word>\\w+)\\k<word>']) {
          assertRefused(await call(tools(), 'search_text', { query, isRegex: true }), /Pattern too slow or unsupported/);
        }
        assert.equal((await call(tools(), 'search_text', { query: '(?<name>hel)per', isRegex: true })).ok, true, 'named groups are fine');
      });

      it('keeps the event loop turning while it scans a big file', async () => {
        const line = `${'a'.repeat(26)}!`;
        writeFileSync(path.join(fixture.root, 'src', 'big.log'), `${line}\n`.repeat(30_000));
        const { result, turns } = await loopTurnsDuring(call(tools(), 'search_text', { query: '^(\\w+\\s?)+$', isRegex: true, glob: 'src/big.log' }));
        assert.match(result.content, /^No matches/);
        // 840,000 characters at one yield per 64 KiB: at least a dozen turns; a blocking scan gives a handful (the file read).
        assert.ok(turns >= 12, `only ${turns} event-loop turns during the scan`);
      });
    });

    it('stops at maxResults and says so', async () => {
      const run = await call(tools(), 'search_text', { query: 'line', glob: 'big.txt', maxResults: 3 });
      assert.equal(run.content, '3 matches in 1 files:\nbig.txt:1: line 1\nbig.txt:2: line 2\nbig.txt:3: line 3\n[search stopped early: the limit of 3 results was reached]');
      assert.equal(run.resultSummary, '3 matches (stopped early)');
    });

    it('stops when the time budget runs out (injected clock)', async () => {
      let now = 0;
      const subject = tools({ now: () => (now += 600), limits: { searchTimeMs: 1000 } });
      const run = await call(subject, 'search_text', { query: 'e' });
      assert.match(run.content, /\[search stopped early: the 1000 ms time budget ran out\]$/);
    });

    it('skips files above the per-file size cap and stops at the byte budget', async () => {
      const skipped = await call(tools({ limits: { maxSearchFileBytes: 100 } }), 'search_text', { query: 'line 7', glob: 'big.txt' });
      assert.equal(skipped.content, 'No matches for "line 7".');
      const budget = await call(tools({ limits: { maxSearchBytes: 10 } }), 'search_text', { query: 'x' });
      assert.match(budget.content, /the 10-byte read budget ran out/);
    });
  });

  describe('get_diagnostics', () => {
    it('lists problems errors first, for one file or all, hiding excluded and outside files', async () => {
      const app = path.join(fixture.root, 'src', 'app.ts');
      diagnostics = [
        { path: app, line: 4, column: 3, severity: 'warning', message: 'unused', source: 'ts' },
        { path: path.join(fixture.root, 'src', 'util.ts'), line: 1, column: 1, severity: 'error', message: 'bad' },
        { path: app, line: 1, column: 9, severity: 'error', message: 'missing import', source: 'ts' },
        { path: path.join(fixture.root, '.env'), line: 1, column: 1, severity: 'error', message: 'API_TOKEN=leak' },
        { path: path.join(fixture.outside, 'passwd.txt'), line: 1, column: 1, severity: 'error', message: 'outside' },
      ];
      const all = await call(tools(), 'get_diagnostics', {});
      assert.equal(all.content, ['3 problems in the workspace:', 'src/app.ts:1:9 error: missing import [ts]', 'src/util.ts:1:1 error: bad', 'src/app.ts:4:3 warning: unused [ts]'].join('\n'));
      assert.equal(all.resultSummary, '3 problems (2 errors)');
      const one = await call(tools(), 'get_diagnostics', { path: 'src/app.ts' });
      assert.equal(one.content, ['2 problems in src/app.ts:', 'src/app.ts:1:9 error: missing import [ts]', 'src/app.ts:4:3 warning: unused [ts]'].join('\n'));
      assertRefused(await call(tools(), 'get_diagnostics', { path: '.env' }), /exclude/);
    });

    it('never carries excluded content by another route: masks quoted literals, drops problems related to an excluded file', async () => {
      const app = path.join(fixture.root, 'src', 'app.ts');
      const secrets = path.join(fixture.root, 'src', 'secrets.ts');
      const typeScript = `This comparison appears to be unintentional because the types '"sk-live-4242"' and '"x"' have no overlap.`;
      diagnostics = [
        { path: app, line: 2, column: 5, severity: 'error', message: typeScript, source: 'ts' },
        { path: app, line: 3, column: 1, severity: 'error', message: "Type '`sk-${string}`' is not assignable to type 'number'." },
        { path: app, line: 4, column: 1, severity: 'error', message: 'Type "Literal[\'sk-live-py\']" is not assignable to "int"', source: 'Pylance' },
        { path: app, line: 5, column: 1, severity: 'error', message: 'cannot use "sk-live-go\\"q" (untyped string constant) as int value' },
        { path: app, line: 6, column: 1, severity: 'error', message: "'token' is declared here.", relatedPaths: [path.join(fixture.root, '.env')] },
        { path: app, line: 6, column: 9, severity: 'error', message: "'apiKey' is declared here.", relatedPaths: [app, secrets] },
        { path: app, line: 7, column: 1, severity: 'error', message: 'Duplicate identifier.', relatedPaths: [path.join(fixture.root, 'src', 'util.ts')] },
      ];
      const run = await call(tools({ getExcludeGlobs: () => [...DEFAULT_EXCLUDE_GLOBS, 'src/secrets.ts'] }), 'get_diagnostics', { path: 'src/app.ts' });
      assert.doesNotMatch(run.content, /sk-live|sk-\$|token|apiKey/);
      assert.equal(
        run.content,
        [
          '5 problems in src/app.ts:',
          `src/app.ts:2:5 error: This comparison appears to be unintentional because the types '"***"' and '"***"' have no overlap. [ts]`,
          "src/app.ts:3:1 error: Type '\"***\"' is not assignable to type 'number'.",
          'src/app.ts:4:1 error: Type "***" is not assignable to "***" [Pylance]',
          'src/app.ts:5:1 error: cannot use "***" (untyped string constant) as int value',
          'src/app.ts:7:1 error: Duplicate identifier.',
        ].join('\n'),
      );
    });
  });

  describe('multi-root workspaces', () => {
    it('shows paths with the folder name, resolves them by it, and lists the roots for "."', async () => {
      const second = path.join(fixture.base, 'second');
      mkdirSync(second);
      writeFileSync(path.join(second, 'notes.txt'), 'second root\n');
      const subject = tools({}, [fixture.root, second]);
      const roots = await call(subject, 'list_directory', { path: '.' });
      assert.equal(roots.content, 'Workspace folders:\nworkspace/\nsecond/');
      const byName = await call(subject, 'read_file', { path: 'second/notes.txt' });
      assert.equal(byName.content, 'second/notes.txt (lines 1-1 of 1)\nsecond root');
      const unprefixed = await call(subject, 'read_file', { path: 'notes.txt' });
      assert.equal(unprefixed.content, 'second/notes.txt (lines 1-1 of 1)\nsecond root');
      const first = await call(subject, 'read_file', { path: 'workspace/src/util.ts', endLine: 1 });
      assert.equal(first.content, 'workspace/src/util.ts (lines 1-1 of 3)\nexport function helper(n: number) {');
      assertRefused(await call(subject, 'read_file', { path: 'second/../outside/passwd.txt' }), /outside the workspace/);
    });

    it('tells two folders with the same name apart (one/app, two/app): listed, shown and addressed distinctly', async () => {
      const one = path.join(fixture.base, 'one', 'app');
      const two = path.join(fixture.base, 'two', 'app');
      mkdirSync(one, { recursive: true });
      mkdirSync(two, { recursive: true });
      writeFileSync(path.join(one, 'main.ts'), 'export const from = "one";\n');
      writeFileSync(path.join(two, 'main.ts'), 'export const from = "two";\n');
      const subject = tools({}, [fixture.root, one, two]);
      assert.equal((await call(subject, 'list_directory', { path: '.' })).content, 'Workspace folders:\nworkspace/\none/app/\ntwo/app/');
      assert.equal((await call(subject, 'read_file', { path: 'two/app/main.ts' })).content, 'two/app/main.ts (lines 1-1 of 1)\nexport const from = "two";');
      assert.equal((await call(subject, 'read_file', { path: 'one/app/main.ts' })).content, 'one/app/main.ts (lines 1-1 of 1)\nexport const from = "one";');
      assert.equal((await call(subject, 'list_directory', { path: 'two/app' })).content, 'two/app/ (1 entries)\nmain.ts');
    });
  });
});

describe('rootNames', () => {
  it('uses the folder name alone when it is unique, and parent names as far as needed otherwise', () => {
    assert.deepEqual(rootNames(['/w/one/app', '/w/two/app', '/w/lib']), ['one/app', 'two/app', 'lib']);
    assert.deepEqual(rootNames(['/a/x/src', '/b/x/src', '/c/y/src']), ['a/x/src', 'b/x/src', 'y/src']);
    assert.deepEqual(rootNames(['/same', '/same']), ['same', 'same']);
  });
});
