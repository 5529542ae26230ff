/** Recording stand-ins for the shared collaborators, to observe what the provider asks of them. */
import { type AnalyticsTracker, type TrackedResponse } from '../../../src/provider/analytics';
import { type ConsentManager, type ConsentSubject } from '../../../src/provider/consent';
import { type RateLimiter } from '../../../src/provider/limits';
import { type Feature, type RateLimitStatus } from '../../../src/provider/types';

export function recordingLimiter(log: string[] = []) {
  const released: number[] = [];
  const acquired: { userId: string; estimatedTokens: number }[] = [];
  const limiter = {
    acquire: async (userId: string, opts: { estimatedTokens: number }) => {
      log.push('acquire');
      acquired.push({ userId, estimatedTokens: opts.estimatedTokens });
      return { release: (tokens: number) => void released.push(tokens) };
    },
    check: (): RateLimitStatus => ({ allowed: true, remaining: 42, resetTime: new Date(0) }),
  };
  return { limiter: limiter as unknown as RateLimiter, released, acquired, log };
}

export function recordingConsent(granted: boolean, log: string[] = []) {
  const asked: ConsentSubject[] = [];
  const consent = {
    hasConsent: async (subject: ConsentSubject) => {
      log.push('consent');
      asked.push(subject);
      return granted;
    },
    onDidChange: () => ({ dispose: () => undefined }),
  };
  return { consentManager: consent as unknown as ConsentManager, asked, log };
}

export function recordingAnalytics() {
  const requests: { requestId: string; userId: string; feature: Feature; model: string }[] = [];
  const responses: TrackedResponse[] = [];
  const tracker = {
    trackRequest: (e: (typeof requests)[number]) => void requests.push(e),
    trackResponse: async (e: TrackedResponse) => void responses.push(e),
  };
  return { analyticsTracker: tracker as unknown as AnalyticsTracker, requests, responses };
}
