/** Instances of issue 17's key-redaction kind that the issue did not show, invented by a review. */
import * as assert from 'node:assert/strict';
import { redactSecrets, registerSecret } from '../../../src/provider/redact';

const KEY = 'xai-abQ9mT2vL7pR4sW8yz';

describe('issue 17, invented instances: a key is never shown', () => {
  before(() => registerSecret(KEY));

  it('a key echoed with its middle masked by an ellipsis: xai-ab…yz', () => {
    assert.equal(redactSecrets('Incorrect API key provided: xai-ab…yz.'), 'Incorrect API key provided: [REDACTED].');
  });

  it('a key echoed with its middle masked by bullets or asterisks', () => {
    assert.equal(redactSecrets('invalid key xai-ab••••••yz'), 'invalid key [REDACTED]');
    assert.equal(redactSecrets('invalid key "xai-ab************yz"'), 'invalid key "[REDACTED]"');
  });

  it('the key inside a URL query, percent-encoded upper-case', () => {
    assert.equal(redactSecrets(`GET /v1/models?key=${KEY}`), 'GET /v1/models?key=[REDACTED]');
  });
});
