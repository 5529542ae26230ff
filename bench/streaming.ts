/**
 * Section 1, streaming client: the same long answer (word-sized content chunks, no added latency)
 * read from the fake server, which runs in its own process so only the client's CPU is counted.
 * The provider is measured on both wire formats, each against raw undici reading the same stream
 * (Chat Completions, and the Responses API's framing of the same answer).
 * Runs are interleaved after warm-up rounds, in an order that changes every round (runOrder) so no
 * client always runs right after the same other one and pays for its garbage; the figures are
 * medians of time to first content token and of client CPU time per 10,000 chunks, compared with
 * raw undici.
 */
import { closeClients, createClients, createResponsesClients, type StreamingClient } from './clients';
import { atMost, type Figure, type SectionResult } from './figure';
import { startFakeServerProcess } from './fakeServerProcess';
import { runOrder } from './runOrder';
import { median, round } from './stats';

export interface StreamingBenchOptions {
  /** Content chunks in the answer (default 10,000). */
  chunks: number;
  /** Measured runs per client. */
  runs: number;
  /** Unmeasured rounds first (JIT, connections, caches). */
  warmup: number;
}

export interface StreamingRun {
  ttftMs: number;
  totalMs: number;
  cpuMs: number;
  chunks: number;
}

export interface ClientSummary {
  client: string;
  runs: StreamingRun[];
  medianTtftMs: number;
  medianCpuMsPer10k: number;
  medianTotalMs: number;
}

const PROMPT = 'Write a long answer.';
const CHUNKS_UNIT = 10_000;
const TTFT_BUDGET_MS = 1;
const CPU_RATIO_BUDGET = 1.1;

async function measureRun(client: StreamingClient): Promise<StreamingRun> {
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  let firstAt: number | undefined;
  let chunks = 0;
  for await (const _text of client.stream(PROMPT)) {
    firstAt ??= performance.now();
    chunks++;
  }
  const totalMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  if (firstAt === undefined) throw new Error(`${client.name} received no content.`);
  return { ttftMs: firstAt - started, totalMs, cpuMs: (cpu.user + cpu.system) / 1000, chunks };
}

function summarize(client: string, runs: StreamingRun[]): ClientSummary {
  return {
    client,
    runs,
    medianTtftMs: median(runs.map((run) => run.ttftMs)),
    medianCpuMsPer10k: median(runs.map((run) => (run.cpuMs / run.chunks) * CHUNKS_UNIT)),
    medianTotalMs: median(runs.map((run) => run.totalMs)),
  };
}

export async function benchStreaming(options: StreamingBenchOptions): Promise<SectionResult & { raw: { chunks: number; clients: ClientSummary[] } }> {
  const server = await startFakeServerProcess(options.chunks);
  const clients = await createClients(server);
  const responsesClients = await createResponsesClients(server);
  try {
    const order = [clients.provider, clients.raw, clients.sdk, responsesClients.provider, responsesClients.raw];
    const runs = new Map<StreamingClient, StreamingRun[]>(order.map((client) => [client, []]));
    for (let iteration = 0; iteration < options.warmup + options.runs; iteration++) {
      // Measured rounds start the cycle, so any whole number of cycles of them is balanced.
      for (const client of runOrder(order, iteration - options.warmup)) {
        const run = await measureRun(client);
        if (run.chunks !== options.chunks) throw new Error(`${client.name} read ${run.chunks} of ${options.chunks} chunks.`);
        if (iteration >= options.warmup) runs.get(client)!.push(run);
      }
    }
    const [provider, raw, sdk, responsesProvider, responsesRaw] = order.map((client) => summarize(client.name, runs.get(client)!));
    return {
      figures: [
        ...streamingFigures(provider, raw, sdk, options.runs),
        ...providerFigures(responsesProvider, responsesRaw, options.runs, 'provider (Responses API)'),
      ],
      raw: { chunks: options.chunks, clients: [provider, raw, sdk, responsesProvider, responsesRaw] },
    };
  } finally {
    await closeClients(clients);
    await closeClients(responsesClients);
    await server.close();
  }
}

/** The provider's two budgeted figures against the raw client reading the same stream. */
function providerFigures(provider: ClientSummary, raw: ClientSummary, runs: number, label: string): Figure[] {
  const section = 'streaming';
  const baseline = (value: number) => ({ name: raw.client, value: round(value) });
  const cpuRatio = provider.medianCpuMsPer10k / raw.medianCpuMsPer10k;
  const ttftExtra = provider.medianTtftMs - raw.medianTtftMs;
  return [
    {
      section,
      name: `${label}: CPU per 10k chunks`,
      value: round(provider.medianCpuMsPer10k),
      unit: 'ms',
      baseline: baseline(raw.medianCpuMsPer10k),
      ratio: round(cpuRatio),
      target: atMost(cpuRatio, CPU_RATIO_BUDGET, `≤ ${CPU_RATIO_BUDGET}× raw undici`),
      runs,
    },
    {
      section,
      name: `${label}: time to first token`,
      value: round(provider.medianTtftMs),
      unit: 'ms',
      baseline: baseline(raw.medianTtftMs),
      ratio: round(provider.medianTtftMs / raw.medianTtftMs),
      target: atMost(ttftExtra, TTFT_BUDGET_MS, `≤ raw + ${TTFT_BUDGET_MS} ms`),
      runs,
    },
  ];
}

function streamingFigures(provider: ClientSummary, raw: ClientSummary, sdk: ClientSummary, runs: number): Figure[] {
  const section = 'streaming';
  const baseline = (value: number) => ({ name: raw.client, value: round(value) });
  const [cpu, ttft] = providerFigures(provider, raw, runs, 'provider');
  return [
    cpu,
    {
      section,
      name: 'openai SDK: CPU per 10k chunks',
      value: round(sdk.medianCpuMsPer10k),
      unit: 'ms',
      baseline: baseline(raw.medianCpuMsPer10k),
      ratio: round(sdk.medianCpuMsPer10k / raw.medianCpuMsPer10k),
      runs,
    },
    ttft,
    {
      section,
      name: 'openai SDK: time to first token',
      value: round(sdk.medianTtftMs),
      unit: 'ms',
      baseline: baseline(raw.medianTtftMs),
      ratio: round(sdk.medianTtftMs / raw.medianTtftMs),
      runs,
    },
    {
      section,
      name: 'raw undici: time to read whole answer',
      value: round(raw.medianTotalMs),
      unit: 'ms',
      runs,
      note: `provider ${round(provider.medianTotalMs)} ms, openai SDK ${round(sdk.medianTotalMs)} ms`,
    },
  ];
}
