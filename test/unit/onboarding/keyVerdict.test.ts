import * as assert from 'node:assert/strict';
import { NetworkError } from '../../../src/provider/errors';
import { apiKeyPrompt, keyVerdict } from '../../../src/onboarding/keyVerdict';

const endpoint = 'https://api.x.ai/v1';

describe('keyVerdict', () => {
  it('says valid with the redacted key', () => {
    const verdict = keyVerdict({ result: { valid: true, message: 'The API key is valid.', redactedKey: 'xai-...b14o' } }, endpoint);
    assert.equal(verdict.kind, 'valid');
    assert.match(verdict.text, /accepted by https:\/\/api\.x\.ai\/v1 \(xai-\.\.\.b14o\)/);
  });

  it("says rejected with the server's message", () => {
    const verdict = keyVerdict({ result: { valid: false, message: 'Incorrect API key provided: ba***na' } }, endpoint);
    assert.equal(verdict.kind, 'rejected');
    assert.match(verdict.text, /rejected it: Incorrect API key provided: ba\*\*\*na/);
  });

  it('says could not reach when the check threw, with the error code', () => {
    const verdict = keyVerdict({ error: new NetworkError('connect ECONNREFUSED 127.0.0.1:9') }, endpoint);
    assert.equal(verdict.kind, 'unreachable');
    assert.match(verdict.text, /could not be reached/);
    assert.match(verdict.text, /ECONNREFUSED.*\[network_error\]/);
  });
});

describe('apiKeyPrompt', () => {
  it('says what the check sends, and to which endpoint, before the user types the key', () => {
    assert.match(apiKeyPrompt('https://api.x.ai/v1'), /checks the key with a GET to https:\/\/api\.x\.ai\/v1\/api-key; no code is sent/);
    assert.match(apiKeyPrompt('http://127.0.0.1:8080/v1'), /GET to http:\/\/127\.0\.0\.1:8080\/v1\/api-key/);
    assert.match(apiKeyPrompt(undefined), /not checked/);
    assert.doesNotMatch(apiKeyPrompt(undefined), /GET/);
  });
});
