import { strict as assert } from 'node:assert';
import * as z from 'zod';
import { MinimalSseReader } from '../../../bench/clients/minimalSse';
import { FigureSchema } from '../../../bench/figure';
import { parseBenchArgs } from '../../../bench/options';
import { runBench } from '../../../bench/runBench';
import { median, percentile } from '../../../bench/stats';
import { renderTable } from '../../../bench/table';

const ClientSummarySchema = z.object({
  client: z.string(),
  runs: z.array(z.object({ ttftMs: z.number().positive(), totalMs: z.number().positive(), cpuMs: z.number().nonnegative(), chunks: z.number().int() })),
  medianTtftMs: z.number().positive(),
  medianCpuMsPer10k: z.number().positive(),
  medianTotalMs: z.number().positive(),
});
const StreamingRawSchema = z.object({ chunks: z.number().int(), clients: z.array(ClientSummarySchema).length(5) });
const ConnectionsRawSchema = z.object({ counts: z.array(z.object({ client: z.string(), requests: z.number().int(), sockets: z.number().int() })).length(3) });

describe('benchmark smoke run (--quick, streaming and connections)', function () {
  this.timeout(120_000);

  it('measures every client (the provider on both wire formats) against the fake server and returns the ledger structure', async () => {
    const options = parseBenchArgs(['--quick', '--only', 'streaming,connections']);
    const results = await runBench(options);

    assert.deepEqual(results.failures, []);
    assert.match(results.environment.node, /^v\d+/);
    assert.ok(results.environment.cpus > 0);
    for (const figure of results.figures) FigureSchema.parse(figure);
    assert.deepEqual([...new Set(results.figures.map((figure) => figure.section))], ['streaming', 'connections']);

    const streaming = StreamingRawSchema.parse(results.sections.streaming);
    assert.deepEqual(
      streaming.clients.map((client) => client.client),
      ['provider', 'raw undici', 'openai SDK', 'provider (responses)', 'raw undici (responses)'],
    );
    for (const client of streaming.clients) {
      assert.equal(client.runs.length, options.runs);
      for (const run of client.runs) assert.equal(run.chunks, streaming.chunks, `${client.client} read every chunk`);
    }
    const cpu = results.figures.find((figure) => figure.name === 'provider: CPU per 10k chunks');
    assert.equal(cpu?.baseline?.name, 'raw undici');
    assert.equal(typeof cpu?.ratio, 'number');
    assert.equal(typeof cpu?.target?.pass, 'boolean');
    const responsesCpu = results.figures.find((figure) => figure.name === 'provider (Responses API): CPU per 10k chunks');
    assert.equal(responsesCpu?.baseline?.name, 'raw undici (responses)');
    assert.equal(typeof responsesCpu?.target?.pass, 'boolean');

    const connections = ConnectionsRawSchema.parse(results.sections.connections);
    for (const count of connections.counts) {
      assert.equal(count.requests, 10);
      assert.ok(count.sockets >= 1 && count.sockets <= count.requests, `${count.client}: ${count.sockets} sockets`);
    }
    const table = renderTable(results.figures);
    assert.match(table, /== streaming ==/);
    assert.match(table, /== connections ==/);
  });
});

describe('benchmark flags', () => {
  it('reads --quick, --only, --sources and --runs', () => {
    const options = parseBenchArgs(['--quick', '--only', 'startup, analytics', '--sources', '/tmp/src', '--runs', '4']);
    assert.equal(options.quick, true);
    assert.deepEqual(options.only, ['startup', 'analytics']);
    assert.equal(options.sources, '/tmp/src');
    assert.equal(options.runs, 4);
  });

  it('defaults to every section and 15 runs', () => {
    const options = parseBenchArgs([]);
    assert.deepEqual(options.only, ['streaming', 'connections', 'inline', 'quality', 'cache', 'startup', 'analytics', 'chatRender', 'soak', 'apply']);
    assert.equal(options.runs, 15);
    assert.match(options.out, /bench[/\\]results\.json$/);
    assert.equal(options.soakInCodeServer, false, 'the real-VS Code soak runs only when asked');
  });

  it('--code-server runs the soak in a real VS Code too; --no-code-server only skips the activation reading', () => {
    assert.equal(parseBenchArgs(['--only', 'soak', '--code-server']).soakInCodeServer, true);
    const without = parseBenchArgs(['--no-code-server']);
    assert.deepEqual([without.codeServer, without.soakInCodeServer], [false, false]);
  });

  it('rejects unknown flags and sections', () => {
    assert.throws(() => parseBenchArgs(['--fast']), /Unknown flag --fast/);
    assert.throws(() => parseBenchArgs(['--only', 'streaming,speed']), /only/);
    assert.throws(() => parseBenchArgs(['--runs']), /needs a value/);
  });
});

describe('benchmark helpers', () => {
  it('takes medians and nearest-rank percentiles', () => {
    assert.equal(median([5, 1, 3]), 3);
    assert.equal(median([4, 1, 3, 2]), 2.5);
    assert.ok(Number.isNaN(median([])));
    const hundred = Array.from({ length: 100 }, (_, i) => 100 - i);
    assert.equal(percentile(hundred, 90), 90);
    assert.equal(percentile(hundred, 99), 99);
    assert.equal(percentile([7], 50), 7);
  });

  it('reads content deltas from an event stream split anywhere', () => {
    const text = 'data: {"choices":[{"delta":{"content":"Hé"}}]}\n\ndata: {"choices":[{"delta":{}}]}\n\ndata: {"choices":[{"delta":{"content":"llo"}}]}\n\ndata: [DONE]\n\n';
    const bytes = Buffer.from(text);
    const reader = new MinimalSseReader();
    const contents: string[] = [];
    let done = false;
    // One byte at a time: cuts inside lines and inside the two-byte é.
    for (let i = 0; i < bytes.length; i++) {
      const result = reader.push(bytes.subarray(i, i + 1));
      contents.push(...result.contents);
      done ||= result.done;
    }
    assert.deepEqual(contents, ['Hé', 'llo']);
    assert.equal(done, true);
  });

  it('marks failed targets and missing values in the table', () => {
    const table = renderTable([
      { section: 's', name: 'fast thing', value: 3, unit: 'ms', target: { text: '≤ 2 ms', pass: false }, runs: 5 },
      { section: 's', name: 'missing thing', value: null, unit: 'ms', note: 'not built' },
    ]);
    assert.match(table, /fast thing\s+3 ms\s+≤ 2 ms\s+FAIL\s+5/);
    assert.match(table, /missing thing\s+—/);
    assert.match(table, /\n    not built/);
  });
});
