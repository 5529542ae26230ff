/**
 * The design document's API runs as written: every TypeScript sample of ../shared/documented-api.md, read from the
 * document itself, runs against dist/provider.js and the fake xAI server, and gives what the document says it gives (the
 * fields it reads are checked, not only that it ran). Only the endpoint and key are filled in (FILL_INS); createLogger is
 * the module's; the names the document uses without defining them mean what READER_NAMES says. A sample sees the names the
 * samples before it declared, as a reader who ran them would; each check runs the ones it needs, on its own fake server.
 */
import * as assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { startFakeXai, TEST_API_KEY, LATE_2026_SERVED_BY, scenarios, type FakeXai } from '../../fake-xai';
import type * as CoreApi from '../../../src/provider/index';
import { FakeClock } from '../../support/fakeClock';
import { exportedNames, fencedBlocks, runSample, type DocumentSample } from './documentSamples';

type Core = typeof CoreApi;
type Registry = InstanceType<Core['ModelRegistry']>;
type Provider = InstanceType<Core['GrokCodeFast1Provider']>;
type Consents = InstanceType<Core['ConsentManager']>;

/**
 * The design document: `shared/documented-api.md` beside the checkout, or beside a folder above it (a git worktree
 * under the checkout's parent). Missing, the samples are empty and the first check says where it looked.
 */
function documentPath(): string | undefined {
  for (let dir = dirname(process.cwd()); ; dir = dirname(dir)) {
    const path = join(dir, 'shared', 'documented-api.md');
    if (existsSync(path)) return path;
    if (dirname(dir) === dir) return undefined;
  }
}
const DOCUMENT = documentPath();
const USER = 'user-123';
const MODEL = 'grok-code-fast-1';
/** The fake's default answer (DEFAULT_SCENARIO), what every sample's request gets. */
const ANSWER = 'Hello from the fake Grok.';
/** The longest wait for a full minute window: the minute plus its one-second bucket (userWindows.ts). */
const MINUTE_WAIT_S = 61;

/** The only edits to the samples' text: the fake's endpoint and the test key where a sample names an endpoint, or none. */
const FILL_INS: { heading: string; find: string; replace: (url: string) => string }[] = [
  { heading: 'Basic Usage', find: 'new ModelRegistry(logger)', replace: (url) => `new ModelRegistry(logger, { endpoint: '${url}', apiKey: '${TEST_API_KEY}' })` },
  {
    heading: 'Model Configuration',
    find: "endpoint: 'https://custom-endpoint.x.ai/v1',",
    replace: (url) => `endpoint: '${url}', apiKey: '${TEST_API_KEY}',`,
  },
  // Its key is read from process.env.ROO_CODE_CLOUD_API_KEY, which READER_NAMES' `process` holds.
  { heading: 'Cloud Service Configuration', find: "endpoint: 'https://api.roocode.com/v1',", replace: (url) => `endpoint: '${url}',` },
];

const samples = DOCUMENT === undefined ? [] : fencedBlocks(DOCUMENT);
const tsSamples = samples.filter((sample) => sample.lang === 'typescript' || sample.lang === 'ts');

function sampleUnder(heading: string): DocumentSample {
  const found = tsSamples.filter((sample) => sample.heading === heading);
  assert.equal(found.length, 1, `one TypeScript sample under "${heading}"`);
  return found[0];
}

function filledIn(sample: DocumentSample, url: string): string {
  let code = sample.code;
  for (const fill of FILL_INS.filter((f) => f.heading === sample.heading)) {
    assert.equal(code.split(fill.find).length, 2, `"${fill.find}" once in "${sample.heading}"`);
    code = code.replace(fill.find, fill.replace(url));
  }
  return code;
}

interface Logged {
  level: 'log' | 'info' | 'warn' | 'error' | 'debug';
  args: unknown[];
}

/** A reader's session: a fake server, the names in reach, what the samples printed, and the reader's own helpers' calls. */
class Session {
  /** Names the samples declared so far. */
  readonly declared: Record<string, unknown> = {};
  readonly logged: Logged[] = [];
  readonly stdout: string[] = [];
  readonly clock = new FakeClock(0);
  readonly consentAsked: string[] = [];
  readonly queued: { request: unknown; retryAfter: unknown }[] = [];
  private readonly own: { dispose(): Promise<void> }[] = [];

  private constructor(
    readonly core: Core,
    readonly typeNames: ReadonlySet<string>,
    readonly fake: FakeXai,
    readonly consentManager: Consents,
  ) {}

  static async start(core: Core, typeNames: ReadonlySet<string>, consentManager?: Consents): Promise<Session> {
    const fake = await startFakeXai({ servedBy: LATE_2026_SERVED_BY });
    let manager = consentManager;
    let owner: Registry | undefined;
    if (!manager) {
      // The reader's consentManager is a registry's, for the endpoint the samples are filled in with.
      owner = new core.ModelRegistry(core.createLogger(), { endpoint: fake.url, apiKey: TEST_API_KEY });
      manager = owner.getConsentManager();
    }
    const session = new Session(core, typeNames, fake, manager);
    if (owner) session.own.push(owner);
    return session;
  }

  get origin(): string {
    return new URL(this.fake.url).origin;
  }

  get registry(): Registry {
    return this.declared.registry as Registry;
  }

  get provider(): Provider {
    return this.declared.provider as Provider;
  }

  /**
   * The names the document uses and never defines, and what it means by them (the document's own values where it has
   * them: user-123, grok-code-fast-1, the code of "With Code Context").
   */
  private readerNames(): Record<string, unknown> {
    const consentManager = this.consentManager;
    return {
      // Used without an import: the module's.
      createLogger: this.core.createLogger,
      GrokCodeFast1Provider: this.core.GrokCodeFast1Provider,
      RooCodeCloudService: this.core.RooCodeCloudService,
      consentManager,
      // "Pass the model registry": the one Basic Usage made.
      modelRegistry: this.declared.registry,
      // AI Builder CLI's collaborators (ChatInterface takes them for the call shape and does not use them).
      projectManager: undefined,
      deploymentEngine: undefined,
      userId: USER,
      modelId: MODEL,
      request: { prompt: 'Explain how async/await works in JavaScript', metadata: { userId: USER } },
      existingCode: 'function findUser(users, id) {\n  return users.find((user) => user.id === id) ?? null;\n}\n',
      // The reader's helper, written with the document's own consent calls (the user says yes).
      requestAndRecordConsent: async (userId: string) => {
        this.consentAsked.push(userId);
        await consentManager.requestConsent({ userId, modelId: MODEL });
        await consentManager.recordConsent({ userId, modelId: MODEL, consentGiven: true, dataUsageAcknowledged: true });
      },
      queueRequest: async (request: unknown, retryAfter: unknown) => {
        this.queued.push({ request, retryAfter });
      },
      requestData: { requestId: 'tracked-by-hand-1', userId: USER, feature: 'chat', model: MODEL },
      responseData: { requestId: 'tracked-by-hand-1', outcome: 'error', errorCode: 'api_error', latencyMs: 800 },
      // The five-minute monitor runs on a fake clock: the test moves time, nobody waits.
      setInterval: (callback: () => void, ms: number) => this.clock.every(callback, ms),
      process: {
        env: { ROO_CODE_CLOUD_API_KEY: TEST_API_KEY },
        stdout: { write: (chunk: string) => this.stdout.push(chunk) > 0 },
      },
    };
  }

  /** Runs the sample under `heading` as written (endpoint and key filled in); what it declares stays in reach. */
  async run(heading: string): Promise<Record<string, unknown>> {
    const code = filledIn(sampleUnder(heading), this.fake.url);
    const declared = await this.printing(() => runSample(code, { ...this.readerNames(), ...this.declared }, this.core as unknown as Record<string, unknown>, this.typeNames));
    for (const [name, value] of Object.entries(declared)) {
      this.declared[name] = value;
      if (isDisposable(value)) this.own.push(value);
    }
    return declared;
  }

  /** Runs `action` with the console recorded (the samples' console.log and the module's logger, which writes to it). */
  async printing<T>(action: () => Promise<T>): Promise<T> {
    const original = { ...console };
    for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
      console[level] = (...args: unknown[]) => this.logged.push({ level, args });
    }
    try {
      return await action();
    } finally {
      Object.assign(console, original);
    }
  }

  /** Consent as the user gives it (the document's recordConsent), for user-123 and the registry's default user. */
  async consent(modelId = MODEL, users = [USER, 'default']): Promise<void> {
    for (const userId of users) await this.consentManager.recordConsent({ userId, modelId, consentGiven: true, dataUsageAcknowledged: true });
  }

  /** Uses up user-123's requests of the minute in the provider's limiter, as many requests would (no HTTP needed). */
  async useUpMinute(limiter = this.registry.getRateLimiter()): Promise<void> {
    for (let i = 0; i < 10_000 && limiter.check(USER).allowed; i++) (await limiter.acquire(USER, { estimatedTokens: 1 })).release(1);
    assert.equal(limiter.check(USER).allowed, false);
  }

  lines(level: Logged['level'] = 'log'): unknown[][] {
    return this.logged.filter((entry) => entry.level === level).map((entry) => entry.args);
  }

  /** The prompts the fake received on chat completions, as JSON text. */
  sentPrompts(): string[] {
    return this.fake.requests.filter((r) => r.path === '/v1/chat/completions').map((r) => JSON.stringify((r.body as { messages: unknown }).messages));
  }

  async close(): Promise<void> {
    for (const owned of this.own.reverse()) await owned.dispose();
    await this.consentManager.deleteAll();
    await this.fake.close();
  }
}

function isDisposable(value: unknown): value is { dispose(): Promise<void> } {
  return typeof value === 'object' && value !== null && typeof (value as { dispose?: unknown }).dispose === 'function';
}

describe('the design document runs as written (documented-api.md against dist/provider.js)', function () {
  this.timeout(60_000);
  let core: Core;
  let typeNames: Set<string>;
  let session: Session;

  before(() => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the built bundle, as a user of the core loads it
    core = require(join(process.cwd(), 'dist', 'provider.js')) as Core;
    typeNames = exportedNames(join(process.cwd(), 'src', 'provider', 'index.ts'));
  });

  async function start(consentManager?: Consents): Promise<Session> {
    session = await Session.start(core, typeNames, consentManager);
    return session;
  }

  /** A session where the user consented and Basic Usage ran (logger, registry, provider in reach). */
  async function afterBasicUsage(): Promise<Session> {
    const s = await start();
    await s.consent();
    await s.run('Basic Usage');
    return s;
  }

  afterEach(async () => {
    await session?.close();
  });

  const checks = new Map<string, () => Promise<void>>();
  const check = (heading: string, body: () => Promise<void>) => checks.set(heading, body);

  check('Consent Management', async () => {
    const s = await start();
    const { consentResponse, hasConsent } = (await s.run('Consent Management')) as { consentResponse: { required: boolean; message: string }; hasConsent: boolean };
    assert.equal(consentResponse.required, true);
    assert.match(consentResponse.message, new RegExp(`Your requests go to ${s.origin.replace(/[.]/g, '\\.')}`));
    assert.doesNotMatch(consentResponse.message, /undefined/);
    assert.equal(hasConsent, true, 'consent counted after recordConsent');
    assert.equal(await s.consentManager.hasConsent(USER, MODEL), false, 'revoked at the end of the sample');
    const record = await s.consentManager.getConsent(USER, MODEL);
    assert.deepEqual([record?.consentGiven, record?.dataUsageAcknowledged, record?.endpoint], [false, false, s.origin]);
  });

  check('Basic Usage', async () => {
    const s = await start();
    await s.consent();
    const { response } = (await s.run('Basic Usage')) as { response: { content: string } };
    assert.equal(response.content, ANSWER);
    assert.deepEqual(s.lines(), [[ANSWER]]);
    assert.equal(s.provider.model, MODEL);
    const [prompt] = s.sentPrompts();
    for (const part of ['Create a TypeScript function to validate email addresses', 'typescript', 'Framework: Node.js']) assert.ok(prompt.includes(part), part);
  });

  check('With Code Context', async () => {
    const s = await afterBasicUsage();
    const { response } = (await s.run('With Code Context')) as { response: { content: string } };
    assert.equal(response.content, ANSWER);
    const prompt = s.sentPrompts()[1];
    for (const part of ['Refactor this function to improve performance', 'File: src/users.ts', 'function findUser(users, id)']) assert.ok(prompt.includes(part), part);
  });

  check('Streaming Responses', async () => {
    const s = await afterBasicUsage();
    await s.run('Streaming Responses');
    assert.ok(s.stdout.length > 1, 'written a chunk at a time');
    assert.equal(s.stdout.join(''), ANSWER);
  });

  check('Performance Metrics', async () => {
    const s = await start();
    await s.consent();
    const { response } = (await s.run('Basic Usage')) as { response: { usage: { totalTokens: number } } };
    await s.run('Performance Metrics');
    const [[printed]] = s.lines().slice(1) as [[Record<string, number>]];
    assert.equal(printed.totalRequests, 1);
    assert.equal(printed.successRate, 100);
    for (const field of ['averageLatency', 'p95Latency']) assert.ok(Number.isFinite(printed[field]) && printed[field] >= 0, field);
    assert.ok(response.usage.totalTokens > 0);
    assert.equal(printed.totalTokens, response.usage.totalTokens);
  });

  check('Analytics Tracking', async () => {
    const s = await afterBasicUsage();
    const { exportData } = (await s.run('Analytics Tracking')) as { exportData: string };
    const [[printed]] = s.lines().slice(1) as [[{ totalRequests: number; successRate: number; latency: { average: number; p95: number } }]];
    assert.equal(printed.totalRequests, 1);
    assert.equal(printed.successRate, 100, 'in percent');
    for (const value of [printed.latency.average, printed.latency.p95]) assert.ok(Number.isFinite(value) && value >= 0, 'latency in ms');
    const exported = JSON.parse(exportData) as { period: { start: string; end: string }; events: unknown[] };
    assert.deepEqual(exported.period, { start: '2024-01-01T00:00:00.000Z', end: '2024-01-31T00:00:00.000Z' });
    assert.deepEqual(exported.events, [], 'nothing happened in January 2024');
  });

  check('Integration with Chat', async () => {
    const s = await afterBasicUsage();
    const { chat } = (await s.run('Integration with Chat')) as { chat: { sendMessage(message: string): Promise<string> } };
    const sentBefore = s.sentPrompts().length;
    const documentedPrompt = samples.find((sample) => sample.heading === 'Integration with Chat' && sample.lang === '');
    assert.ok(documentedPrompt, 'the document shows the consent prompt');
    const lastLine = documentedPrompt.code.trim().split('\n').at(-1) ?? '';
    // Its logger is Basic Usage's createLogger(), which writes to the console.
    const send = (message: string) => s.printing(() => chat.sendMessage(message));
    const asked = await send('How do I read a file in Node.js?');
    assert.ok(asked.endsWith(lastLine), asked);
    assert.match(asked, /we need your consent/);
    assert.ok(asked.includes(s.origin), 'the notice names the endpoint');
    assert.equal(s.sentPrompts().length, sentBefore, 'nothing sent before consent');
    assert.match(await send('I consent'), /consent is recorded/);
    assert.equal(await send('How do I read a file in Node.js?'), ANSWER);
    assert.equal(s.sentPrompts().length, sentBefore + 1);
  });

  check('Rate Limiting', async () => {
    const s = await afterBasicUsage();
    await s.run('Rate Limiting');
    assert.deepEqual(s.lines().at(-1), [`Remaining requests: ${core.DEFAULT_RATE_LIMITS.requestsPerMinute - 1}`]);
    await s.useUpMinute();
    await s.run('Rate Limiting');
    const [line] = s.lines().at(-1) as [string];
    const seconds = Number(/^Rate limit exceeded\. Retry after (\d+) seconds$/.exec(line)?.[1]);
    assert.ok(seconds >= 1 && seconds <= MINUTE_WAIT_S, line);
  });

  check('Error Handling', async () => {
    const s = await afterBasicUsage();
    await s.consentManager.revokeConsent(USER, MODEL);
    await s.run('Error Handling');
    assert.deepEqual(s.lines('error').at(-1), ['User consent required']);
    await s.consent();
    s.fake.enqueue(scenarios.status(400));
    await s.run('Error Handling');
    const [label, error] = s.lines('error').at(-1) as [string, Error];
    assert.equal(label, 'Request failed:');
    assert.equal(error.name, 'ApiError');
    await s.useUpMinute();
    await s.run('Error Handling');
    assert.deepEqual(s.lines('error').at(-1), ['Rate limit exceeded']);
  });

  check('1. Always Check Consent', async () => {
    const s = await start();
    await s.run('1. Always Check Consent');
    assert.deepEqual(s.consentAsked, [USER]);
    assert.equal(await s.consentManager.hasConsent(USER, MODEL), true);
    await s.run('1. Always Check Consent');
    assert.deepEqual(s.consentAsked, [USER], 'not asked again');
  });

  check('2. Handle Rate Limits Gracefully', async () => {
    const s = await afterBasicUsage();
    await s.run('2. Handle Rate Limits Gracefully');
    assert.deepEqual(s.queued, []);
    await s.useUpMinute();
    await s.run('2. Handle Rate Limits Gracefully');
    assert.equal(s.queued.length, 1);
    const { retryAfter } = s.queued[0];
    assert.ok(typeof retryAfter === 'number' && retryAfter >= 1 && retryAfter <= MINUTE_WAIT_S, `retryAfter in seconds: ${String(retryAfter)}`);
  });

  check('3. Provide Context for Better Results', async () => {
    const s = await afterBasicUsage();
    const { response } = (await s.run('3. Provide Context for Better Results')) as { response: { content: string } };
    assert.equal(response.content, ANSWER);
    const prompt = s.sentPrompts()[1];
    for (const part of ['Add error handling to this function', 'Project: my-api', 'Technologies: Node.js, TypeScript, PostgreSQL', 'Framework: Express.js', 'function findUser']) {
      assert.ok(prompt.includes(part), part);
    }
  });

  check('4. Track Analytics', async () => {
    const s = await afterBasicUsage();
    await s.run('Analytics Tracking');
    await s.run('4. Track Analytics');
    const report = await s.registry.getAnalyticsTracker().generatePerformanceReport(MODEL);
    assert.equal(report.totalRequests, 2);
    assert.equal(report.successRate, 50);
    assert.deepEqual(report.errors, { api_error: 1 });
  });

  check('5. Monitor Performance', async () => {
    const s = await afterBasicUsage();
    await s.run('Analytics Tracking');
    await s.run('5. Monitor Performance');
    const warnings = () => s.lines('warn').filter(([line]) => String(line).includes('Success rate below threshold'));
    await s.printing(() => s.clock.advance(300_000));
    assert.equal(warnings().length, 0, '100 % succeeded');
    await s.run('4. Track Analytics');
    await s.printing(() => s.clock.advance(299_999));
    assert.equal(warnings().length, 0, 'not before five minutes');
    await s.printing(() => s.clock.advance(1));
    assert.equal(warnings().length, 1, '50 % is below 95');
  });

  check('Model Configuration', async () => {
    const s = await afterBasicUsage();
    const { provider } = (await s.run('Model Configuration')) as { provider: Provider };
    assert.notEqual(provider, s.registry.getProvider(MODEL));
    assert.equal(provider.checkRateLimit(USER).remaining, 30, 'its requestsPerMinute');
    assert.equal((await provider.generateResponse({ prompt: 'Hi', metadata: { userId: USER } })).content, ANSWER);
    assert.equal(provider.checkRateLimit(USER).remaining, 29);
    assert.equal(s.sentPrompts().length, 2, 'sent to the filled-in endpoint');
  });

  check('Cloud Service Configuration', async () => {
    const s = await afterBasicUsage();
    const { cloudService } = (await s.run('Cloud Service Configuration')) as { cloudService: InstanceType<Core['EndpointService']> };
    assert.ok(cloudService instanceof core.EndpointService);
    const health = await cloudService.getHealthStatus();
    assert.equal(health.success, true);
    assert.equal(health.data?.status, 'healthy');
    assert.ok(Number.isFinite(health.data?.latencyMs) && (health.data?.latencyMs ?? -1) >= 0);
    const probe = s.fake.requests.find((r) => r.path === '/v1/models');
    assert.equal(probe?.headers.authorization, `Bearer ${TEST_API_KEY}`, 'the key from ROO_CODE_CLOUD_API_KEY');
  });

  check('1. Consent Not Recorded', async () => {
    const s = await start();
    await s.consent();
    await s.run('1. Consent Not Recorded');
    const [[record]] = s.lines() as [[Record<string, unknown>]];
    assert.deepEqual(
      [record.userId, record.modelId, record.endpoint, record.consentGiven, record.dataUsageAcknowledged],
      [USER, MODEL, s.origin, true, true],
    );
  });

  check('2. Rate Limit Issues', async () => {
    const s = await afterBasicUsage();
    await s.run('2. Rate Limit Issues');
    const [line] = s.lines().at(-1) as [string];
    const match = /^Remaining: (\d+), Reset: (.+)$/.exec(line);
    assert.ok(match, line);
    assert.equal(Number(match[1]), core.DEFAULT_RATE_LIMITS.requestsPerMinute - 1);
    assert.ok(!Number.isNaN(new Date(match[2]).getTime()), `a date: ${match[2]}`);
  });

  check('3. Connection Issues', async () => {
    const s = await afterBasicUsage();
    await s.run('Cloud Service Configuration');
    await s.run('3. Connection Issues');
    assert.deepEqual(s.lines().at(-1), ['Status: healthy']);
    s.fake.enqueue({ kind: 'error', status: 503, path: '/v1/models' });
    await s.run('3. Connection Issues');
    assert.deepEqual(s.lines().at(-1), ['Status: unavailable']);
  });

  check('4. Performance Issues', async () => {
    const s = await afterBasicUsage();
    await s.run('4. Performance Issues');
    const [line] = s.lines().at(-1) as [string];
    assert.match(line, /^Operational: true, Latency: \d+ms$/);
  });

  it('finds the TypeScript samples in the document, and a check for each of them', () => {
    assert.ok(DOCUMENT, `no shared/documented-api.md beside ${process.cwd()} or a folder above it`);
    assert.ok(tsSamples.length >= 20, `${tsSamples.length} samples`);
    assert.deepEqual(
      samples.filter((sample) => !tsSamples.includes(sample)).map((sample) => sample.lang),
      [''],
      'every other fence is plain text (a `ts`/`js` one would need a check)',
    );
    assert.deepEqual([...checks.keys()].sort(), tsSamples.map((sample) => sample.heading).sort());
  });

  for (const [heading, body] of checks) it(`"${heading}" runs as written and gives the documented fields`, body);

  it('the consent samples on a ConsentManager made on its own throw InvalidConfigError naming the endpoint, and store nothing', async () => {
    const standalone = new core.ConsentManager();
    const s = await start(standalone);
    await assert.rejects(s.run('Consent Management'), (error: Error) => error.name === 'InvalidConfigError' && /endpoint/.test(error.message));
    await assert.rejects(s.run('1. Consent Not Recorded'), { name: 'InvalidConfigError' });
    assert.deepEqual(await standalone.listConsents(), []);
  });
});
