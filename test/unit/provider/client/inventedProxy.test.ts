/** Instances of issue 11's proxy kind that the issue did not show, invented by a review. */
import { strict as assert } from 'node:assert';
import { proxyFromEnvironment } from '../../../../src/provider/client/proxyFromEnvironment';

describe('issue 11, invented instances: the environment’s proxy and NO_PROXY', () => {
  const env = { HTTPS_PROXY: 'http://a:1', HTTP_PROXY: 'http://a:1' };

  it('NO_PROXY in upper case and with a *. wildcard matches', () => {
    assert.equal(proxyFromEnvironment('https://api.x.ai/v1', { ...env, NO_PROXY: 'API.X.AI' }), undefined);
    assert.equal(proxyFromEnvironment('https://api.x.ai/v1', { ...env, NO_PROXY: 'localhost,*.x.ai' }), undefined);
  });

  it('an IPv6 loopback endpoint is bypassed by NO_PROXY=::1 or [::1]:port, and not by another port', () => {
    assert.equal(proxyFromEnvironment('http://[::1]:8080/v1', { ...env, NO_PROXY: '::1' }), undefined);
    assert.equal(proxyFromEnvironment('http://[::1]:8080/v1', { ...env, NO_PROXY: '[::1]:8080' }), undefined);
    assert.equal(proxyFromEnvironment('http://[::1]:8080/v1', { ...env, NO_PROXY: '[::1]:9090' }), 'http://a:1');
    assert.equal(proxyFromEnvironment('http://127.0.0.1:8080/v1', { ...env, NO_PROXY: '127.0.0.1:8080' }), undefined);
  });
});
