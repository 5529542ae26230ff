/**
 * Issue 17, item 2 at the socket level in a real VS Code: with a key stored and no consent, the
 * health check (the extension's background traffic) opens no connection to the endpoint however many
 * intervals pass, and none after a revocation. Time moves on a fake clock: the controller is built
 * from the very dependencies the extension's composition root handed to registerAnalyticsFeatures
 * (its `testing` seam), with only the scheduler and clock replaced.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { HealthController } from '../../src/health/healthController';
import { type AnalyticsFeatures } from '../../src/report/registerAnalyticsFeatures';
import { TEST_API_KEY, type FakeXai } from '../fake-xai';
import { FakeClock } from '../unit/health/fakeClock';
import { connectToFakeXai, disconnectFromFakeXai, grokApi, waitFor, type GrokTestApi } from './support/extensionApi';

const INTERVAL_MS = 5 * 60_000;
const modelListRequests = (fake: FakeXai) => fake.requests.filter((r) => r.method === 'GET' && r.path === '/v1/models').length;

describe('no background traffic without consent (socket level)', () => {
  let api: GrokTestApi;
  let fake: FakeXai;
  let features: AnalyticsFeatures;
  let controller: HealthController | undefined;

  before(async () => {
    ({ api, fake } = await connectToFakeXai());
    features = ((await grokApi()) as unknown as { analyticsFeatures: AnalyticsFeatures }).analyticsFeatures;
    assert.ok(features.testing, 'the extension exposes its analytics dependencies in test mode');
  });

  after(async () => {
    controller?.dispose();
    await disconnectFromFakeXai(api, fake);
  });

  function healthOnFakeClock(clock: FakeClock): HealthController {
    const deps = features.testing!.deps;
    const health = new HealthController({
      getProvider: deps.getProvider,
      backgroundAllowed: deps.backgroundAllowed,
      onHealthChange: () => undefined,
      showReport: () => undefined,
      logger: deps.logger,
      now: clock.now,
      scheduler: clock,
    });
    health.applySettings(deps.getSettings());
    return health;
  }

  it('sends nothing with a key stored and no consent, then nothing after a revocation', async () => {
    await vscode.commands.executeCommand('grokCodeFast.revokeConsent');
    await vscode.commands.executeCommand('grokCodeFast.setApiKey', TEST_API_KEY);
    // The key is applied asynchronously; the health probe target exists once it is.
    await waitFor(() => features.testing!.deps.getProvider() !== undefined, 'the key to be applied');
    const clock = new FakeClock();
    controller = healthOnFakeClock(clock);

    // The key check above was the user's own request; from here on nothing may connect.
    const connectionsBefore = fake.connections;
    const listsBefore = modelListRequests(fake);
    await clock.advance(6 * INTERVAL_MS);
    assert.equal(fake.connections, connectionsBefore, 'a background check connected without consent');
    assert.equal(modelListRequests(fake), listsBefore);

    // With consent the same controller does check (so the counts above could have moved).
    api.setConsentPrompt(async () => true);
    await vscode.commands.executeCommand('grokCodeFast.showConsent');
    await clock.advance(INTERVAL_MS);
    await waitFor(() => modelListRequests(fake) > listsBefore, 'a health check after consent');

    await vscode.commands.executeCommand('grokCodeFast.revokeConsent');
    const connectionsAfterRevoke = fake.connections;
    const listsAfterRevoke = modelListRequests(fake);
    await clock.advance(6 * INTERVAL_MS);
    assert.equal(fake.connections, connectionsAfterRevoke, 'a background check connected after revocation');
    assert.equal(modelListRequests(fake), listsAfterRevoke, 'a background check was sent after revocation');
  });
});
