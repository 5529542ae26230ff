import { strict as assert } from 'node:assert';
import { AbortError, ApiError } from '../../../src/provider/errors';
import { createLogger } from '../../../src/provider/logger';
import { OutcomeRecorder } from '../../../src/provider/outcomeRecorder';
import { type GenerateResult } from '../../../src/provider/types';
import { recordingAnalytics } from './doubles';

const usage = { promptTokens: 10, completionTokens: 5, reasoningTokens: 5, cachedTokens: 0, totalTokens: 20, costUsd: 0.001 };
const result: GenerateResult = {
  content: 'x',
  reasoning: '',
  toolCalls: [],
  finishReason: 'stop',
  model: 'grok-code-fast-1',
  usage,
  metadata: { requestId: 'r1', latencyMs: 120, timeToFirstTokenMs: 40 },
};

function setup() {
  const analytics = recordingAnalytics();
  const lines: string[] = [];
  const recorder = new OutcomeRecorder(createLogger({ level: 'debug', sink: (_l, line) => lines.push(line) }), analytics.analyticsTracker, () => 1000);
  return { recorder, analytics, lines };
}

describe('OutcomeRecorder', () => {
  it('records a success in metrics and analytics with its timings and usage', () => {
    const { recorder, analytics } = setup();
    recorder.finished({ requestId: 'r1', result, sentAt: 880, firstTokenAt: 920, usage });
    assert.deepEqual(analytics.responses, [{ requestId: 'r1', outcome: 'success', servedModel: 'grok-code-fast-1', usage, timeToFirstTokenMs: 40, latencyMs: 120 }]);
    const metrics = recorder.snapshot();
    assert.equal(metrics.successfulRequests, 1);
    assert.equal(metrics.totalTokensProcessed, 20);
  });

  it('records a failure with its error code and counts it only when it was sent (a refused one has no latency)', () => {
    const { recorder, analytics } = setup();
    recorder.finished({ requestId: 'r2', failure: new ApiError('boom', 500), sentAt: 900, firstTokenAt: null });
    recorder.finished({ requestId: 'r3', failure: new ApiError('refused'), firstTokenAt: null });
    assert.deepEqual(
      analytics.responses.map((r) => [r.outcome, r.errorCode, r.latencyMs]),
      [
        ['error', 'api_error', 100],
        ['error', 'api_error', null],
      ],
    );
    assert.equal(recorder.snapshot().failedRequests, 1);
  });

  it('records a cancellation as aborted, neither success nor failure', () => {
    const { recorder, analytics, lines } = setup();
    recorder.finished({ requestId: 'r4', failure: new AbortError(), sentAt: 900, firstTokenAt: null });
    assert.equal(analytics.responses[0].outcome, 'aborted');
    assert.equal(recorder.snapshot().totalRequests, 0);
    assert.match(lines[0], /\[debug\]/);
  });
});
