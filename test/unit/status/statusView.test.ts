import * as assert from 'node:assert/strict';
import { formatCountdown, renderStatus, type StatusSnapshot } from '../../../src/status/statusView';

const base: StatusSnapshot = {
  model: 'grok-code-fast-1',
  state: 'ready',
  inline: { kind: 'on' },
  today: { requests: 12, tokens: 34_567 },
  quota: { requestsPerDay: 10_000, tokensPerDay: 1_000_000 },
};

describe('renderStatus', () => {
  it('names the model that answered in the tooltip when another one did', () => {
    const redirected = renderStatus({ ...base, servedModel: 'grok-4.3' }, 0);
    assert.equal(redirected.text, '$(check) grok-code-fast-1');
    assert.match(redirected.tooltip, /^\*\*Grok Code Fast\*\* · `grok-code-fast-1` · answered by `grok-4\.3`$/m);
    assert.doesNotMatch(renderStatus(base, 0).tooltip, /answered by/);
  });

  it('shows the model, ready, usage against the quota and no latency yet', () => {
    const view = renderStatus(base, 0);
    assert.equal(view.text, '$(check) grok-code-fast-1');
    assert.equal(view.attention, false);
    assert.match(view.tooltip, /Last 24 h: 12 \/ 10k requests, 35k \/ 1M tokens/);
    assert.match(view.tooltip, /Last latency: —/);
    assert.match(view.tooltip, /Inline completions: on/);
  });

  it('groups counts below ten thousand with commas', () => {
    const view = renderStatus({ ...base, today: { requests: 1234, tokens: 9876 }, quota: { requestsPerDay: 5000, tokensPerDay: 999 } }, 0);
    assert.match(view.tooltip, /Last 24 h: 1,234 \/ 5,000 requests, 9,876 \/ 999 tokens/);
  });

  it('shows the last latency', () => {
    assert.match(renderStatus({ ...base, lastLatencyMs: 812.4 }, 0).tooltip, /Last latency: 812 ms/);
  });

  it('counts down while rate-limited and asks for attention', () => {
    const view = renderStatus({ ...base, rateLimitedUntilMs: 95_000 }, 10_000);
    assert.equal(view.text, '$(watch) grok-code-fast-1 1:25');
    assert.equal(view.attention, true);
    assert.match(view.tooltip, /Rate-limited: retry in 1:25/);
  });

  it('drops the countdown once the wait is over', () => {
    const view = renderStatus({ ...base, rateLimitedUntilMs: 5_000 }, 5_000);
    assert.equal(view.text, '$(check) grok-code-fast-1');
    assert.equal(view.attention, false);
  });

  it('names the missing key or consent', () => {
    assert.match(renderStatus({ ...base, state: 'needsKey' }, 0).tooltip, /Needs an API key/);
    assert.equal(renderStatus({ ...base, state: 'needsConsent' }, 0).text, '$(shield) grok-code-fast-1');
    assert.equal(renderStatus({ ...base, state: 'offline' }, 0).attention, true);
  });

  it('marks snoozed and disabled completions', () => {
    const snoozed = renderStatus({ ...base, inline: { kind: 'snoozed', untilMs: 60_000 } }, 0);
    assert.equal(snoozed.text, '$(circle-slash) grok-code-fast-1');
    assert.match(snoozed.tooltip, /snoozed for 1:00/);
    assert.match(renderStatus({ ...base, inline: { kind: 'snoozed', untilMs: 'restart' } }, 0).tooltip, /until restart/);
    assert.match(renderStatus({ ...base, inline: { kind: 'off' } }, 0).tooltip, /Inline completions: off/);
  });
});

describe('formatCountdown', () => {
  it('rounds up to whole seconds', () => {
    assert.equal(formatCountdown(1), '1s');
    assert.equal(formatCountdown(59_000), '59s');
    assert.equal(formatCountdown(60_000), '1:00');
    assert.equal(formatCountdown(-5), '0s');
  });
});

describe('renderStatus and the spend budget', () => {
  it("shows today's and the month's spend against the caps, and no cap as such", () => {
    const view = renderStatus({ ...base, spend: { dayUsd: 0.0123, dailyUsd: 1, monthUsd: 2.5, monthlyUsd: 0 } }, 0);
    assert.match(view.tooltip, /Spend today: \$0\.0123 \/ \$1\.00 · this month: \$2\.50 \/ no cap/);
    assert.doesNotMatch(renderStatus(base, 0).tooltip, /Spend today/);
  });

  it('says inline completions are paused by the budget, which one and until when, and asks for attention', () => {
    const until = new Date(2026, 5, 11, 0, 0).getTime();
    const view = renderStatus({ ...base, inline: { kind: 'budget', period: 'day', untilMs: until } }, 0);
    assert.equal(view.text, '$(circle-slash) grok-code-fast-1 · budget spent');
    assert.equal(view.attention, true);
    assert.match(view.tooltip, /Inline completions: paused: your daily budget is spent, until 2026-06-11 00:00/);
    const month = renderStatus({ ...base, inline: { kind: 'budget', period: 'month', untilMs: new Date(2026, 6, 1).getTime() } }, 0);
    assert.match(month.tooltip, /monthly budget is spent, until 2026-07-01 00:00/);
  });
});
