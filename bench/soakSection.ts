/**
 * Section `soak`: a day of work in one extension host (soak/soakChild.ts) against the fake xAI
 * server (soak/soakServerMain.ts), each in its own process. Figures after a forced GC at fixed
 * points: heap after the first tenth against the end, sockets, timers, listeners and documents at
 * the end against just after activation, analytics bytes on disk, and CPU per inline request in
 * the first tenth against the last. A soak whose features did not all do their work fails instead
 * of passing on idle figures. With `--code-server` a shorter day also runs in a real VS Code
 * (soak/codeServerSoak.ts), in real time; its figures are named `code-server: …`.
 */
import { fork, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { atMost, type Figure, type SectionResult } from './figure';
import { soakInCodeServer } from './soak/codeServerSoak';
import { type SoakPlan, type SoakReport, SoakReportSchema, type SoakServerReply, SoakServerReplySchema, type SoakServerRequest } from './soak/soakProtocol';
import { round } from './stats';

export const FULL_DAY: SoakPlan = { inlineRequests: 10_000, documents: 300, cancelEvery: 10, chatTurns: 500, conversations: 50, actions: 200, lmRequests: 2_000, hours: 24 };
export const QUICK_DAY: SoakPlan = { inlineRequests: 200, documents: 10, cancelEvery: 10, chatTurns: 20, conversations: 4, actions: 6, lmRequests: 40, hours: 4 };
/** The real VS Code's day (`--code-server`) runs in real time: a tenth of the stub's, in the same proportions. */
export const CODE_SERVER_DAY: SoakPlan = { inlineRequests: 1_000, documents: 30, cancelEvery: 10, chatTurns: 50, conversations: 5, actions: 20, lmRequests: 200, hours: 4 };

const HEAP_GROWTH_LIMIT_MB = 10;
const COUNT_SLACK = 5;
const CPU_RATIO_LIMIT = 1.2;
const CHILD_TIMEOUT_MS = 40 * 60_000;

function reply<T extends SoakServerReply['type']>(child: ChildProcess, type: T): Promise<Extract<SoakServerReply, { type: T }>> {
  return new Promise((resolve, reject) => {
    const onMessage = (raw: unknown) => {
      const message = SoakServerReplySchema.parse(raw);
      if (message.type !== type) return;
      child.off('message', onMessage);
      resolve(message as Extract<SoakServerReply, { type: T }>);
    };
    child.on('message', onMessage);
    child.once('exit', (code) => reject(new Error(`the soak's fake server exited (${code})`)));
  });
}

function runChild(plan: SoakPlan, root: string, url: string, apiKey: string): Promise<SoakReport> {
  return new Promise((resolve) => {
    const child = fork(path.join(__dirname, 'soak/soakChild.js'), [JSON.stringify(plan), root, url, apiKey], {
      execArgv: ['--expose-gc'],
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    let stderr = '';
    let report: SoakReport | undefined;
    const timer = setTimeout(() => child.kill(), CHILD_TIMEOUT_MS);
    child.stderr?.on('data', (data: Buffer) => (stderr = (stderr + data.toString()).slice(-2_000)));
    child.on('message', (message: unknown) => {
      const parsed = SoakReportSchema.safeParse(message);
      report = parsed.success ? parsed.data : { ok: false, error: `unexpected report: ${parsed.error.message}` };
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve(report ?? { ok: false, error: `the soak's extension host exited (${signal ?? code}) without a report. ${stderr}` });
    });
  });
}

/** The outcomes each feature must show, so a soak that silently did nothing fails. */
export function missingWork(report: Extract<SoakReport, { ok: true }>, host: SoakHost): string[] {
  const inline = host === 'stub' ? ['inline: shown', 'inline: accepted', 'inline: cancelled'] : ['inline: asked', 'inline: accepted', 'inline: typed on'];
  const needed = [...inline, 'chat: answered', 'chat: stopped', 'chat: regenerated', 'chat: history switch', 'action: accepted', 'lm: answered', 'catalogue refresh', 'consent revoked', 'Delete My Data'];
  return needed.filter((outcome) => !(report.outcomes[outcome] > 0));
}

/** Where the day ran: the bench's VS Code stub on a fake clock, or a real VS Code in real time. */
export type SoakHost = 'stub' | 'code-server';

function checkedFigures(report: SoakReport, served: Record<string, number>, host: SoakHost): Figure[] {
  if (!report.ok) throw new Error(`soak (${host}) failed: ${report.error}`);
  const missing = missingWork(report, host);
  if (missing.length > 0) throw new Error(`soak (${host}): no ${missing.join(', ')} happened (outcomes: ${JSON.stringify(report.outcomes)})`);
  return soakFigures(report, served, host);
}

async function stubDay(options: { root: string; quick: boolean }): Promise<{ report: SoakReport; served: Record<string, number> }> {
  const plan = options.quick ? QUICK_DAY : FULL_DAY;
  const server = fork(path.join(__dirname, 'soak/soakServerMain.js'), [], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  const send = (message: SoakServerRequest) => server.send(message);
  try {
    const ready = reply(server, 'ready');
    send({ type: 'start' });
    const { url, apiKey } = await ready;
    const report = await runChild(plan, options.root, url, apiKey);
    const counts = reply(server, 'counts');
    send({ type: 'counts' });
    return { report, served: (await counts).byPath };
  } finally {
    server.disconnect();
  }
}

export async function benchSoakSection(options: { root: string; quick: boolean; inCodeServer: boolean }): Promise<SectionResult> {
  const stub = await stubDay(options);
  const figures = checkedFigures(stub.report, stub.served, 'stub');
  const raw: Record<string, unknown> = { ...stub.report, served: stub.served };
  if (options.inCodeServer) {
    const real = await soakInCodeServer(options.root, options.quick ? QUICK_DAY : CODE_SERVER_DAY);
    figures.push(...checkedFigures(real.report, real.served, 'code-server'));
    raw.codeServer = { ...real.report, served: real.served };
  }
  return { figures, raw };
}

function soakFigures(report: Extract<SoakReport, { ok: true }>, served: Record<string, number>, host: SoakHost): Figure[] {
  const section = 'soak';
  // The stub's figures keep their names; the real VS Code's say where they come from.
  const named = (name: string) => (host === 'stub' ? name : `code-server: ${name}`);
  const start = report.afterActivation;
  const first = report.checkpoints[0];
  const end = report.checkpoints[report.checkpoints.length - 1];
  const growthMb = (end.heapUsedBytes - first.heapUsedBytes) / 1024 / 1024;
  const cpuFirst = report.inlineCpuMsPerRequest[0];
  const cpuLast = report.inlineCpuMsPerRequest[report.inlineCpuMsPerRequest.length - 1];
  const modelRequests = (served['/v1/chat/completions'] ?? 0) + (served['/v1/responses'] ?? 0);
  const plan = report.plan;
  const time = host === 'stub' ? `${plan.hours} simulated hours` : `real time, ${plan.hours} catalogue reads`;
  const day = `${plan.inlineRequests} inline requests over ${plan.documents} documents, ${plan.chatTurns} chat turns in ${plan.conversations} conversations, ${plan.actions} actions, ${plan.lmRequests} VS Code chat requests, ${time}`;
  const figures: Figure[] = [
    {
      section,
      name: named('heap used: growth from the first tenth of the day to its end'),
      value: round(growthMb),
      unit: 'MB',
      baseline: { name: 'heap after the first tenth', value: round(first.heapUsedBytes / 1024 / 1024) },
      target: atMost(growthMb, HEAP_GROWTH_LIMIT_MB, `≤ ${HEAP_GROWTH_LIMIT_MB} MB`),
      note: `${day}; ${modelRequests} model requests served${host === 'stub' ? '' : '; the whole extension host, VS Code\'s own part included'}`,
    },
    { section, name: named('open sockets at the end'), value: end.sockets, unit: 'sockets', target: atMost(end.sockets, report.socketPoolSize, `≤ the pool size (${report.socketPoolSize})`) },
    {
      section,
      name: named('active timers at the end'),
      value: end.timers,
      unit: 'timers',
      baseline: { name: 'after activation', value: start.timers },
      target: atMost(Math.abs(end.timers - start.timers), COUNT_SLACK, `within ±${COUNT_SLACK} of after activation`),
      ...(host === 'code-server' && { note: "every timer in the extension host, VS Code's own included" }),
    },
  ];
  if (end.listeners && start.listeners) {
    const before = start.listeners;
    const after = end.listeners;
    const drift = Math.max(0, ...Object.keys(after).map((name) => Math.abs(after[name] - (before[name] ?? 0))));
    const changed = Object.keys(after).filter((name) => after[name] !== before[name]);
    figures.push({
      section,
      name: named('listeners on the shared VS Code emitters: largest drift'),
      value: drift,
      unit: 'listeners',
      target: atMost(drift, COUNT_SLACK, `within ±${COUNT_SLACK} of after activation, per emitter`),
      note: changed.map((name) => `${name} ${before[name]}→${after[name]}`).join(', ') || 'every emitter back to its count after activation',
    });
  }
  if (end.closedDocumentsHeld !== undefined) {
    figures.push({
      section,
      name: named('closed documents still held by the extension'),
      value: end.closedDocumentsHeld,
      unit: 'documents',
      target: atMost(end.closedDocumentsHeld, COUNT_SLACK, `≤ ${COUNT_SLACK}`),
      note: `of ${plan.documents} opened and closed; ${end.openDocuments} open at the end`,
    });
  }
  figures.push(
    {
      section,
      name: named('analytics on disk at the end'),
      value: round(end.analyticsBytes / 1024),
      unit: 'KB',
      target: atMost(end.analyticsDays, report.retentionDays, `within the retention rule (≤ ${report.retentionDays} days of files)`),
      note: `${end.analyticsDays} day(s) of files after Delete My Data at 70 % of the day`,
    },
    {
      section,
      name: named('analytics on disk per 1,000 requests'),
      value: round(end.analyticsBytes / 1024 / (report.requestsSinceDeletion / 1000)),
      unit: 'KB',
      note: `${report.requestsSinceDeletion} requests since Delete My Data emptied the store`,
    },
    {
      section,
      name: named('CPU per inline request: last tenth of the day'),
      value: round(cpuLast),
      unit: 'ms',
      baseline: { name: 'first tenth', value: round(cpuFirst) },
      ...(cpuFirst > 0 && { ratio: round(cpuLast / cpuFirst) }),
      target: atMost(cpuFirst > 0 ? cpuLast / cpuFirst : null, CPU_RATIO_LIMIT, `≤ ${CPU_RATIO_LIMIT}× the first tenth`),
    },
  );
  return figures;
}
