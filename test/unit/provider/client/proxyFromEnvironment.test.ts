import { strict as assert } from 'node:assert';
import { proxyFromEnvironment } from '../../../../src/provider/client/proxyFromEnvironment';

describe('proxyFromEnvironment', () => {
  it('takes HTTPS_PROXY for https endpoints, falling back to HTTP_PROXY, in either case', () => {
    assert.equal(proxyFromEnvironment('https://api.x.ai/v1', { HTTPS_PROXY: 'http://a:1', HTTP_PROXY: 'http://b:2' }), 'http://a:1');
    assert.equal(proxyFromEnvironment('https://api.x.ai/v1', { http_proxy: 'http://b:2' }), 'http://b:2');
    assert.equal(proxyFromEnvironment('http://127.0.0.1:8080/v1', { HTTPS_PROXY: 'http://a:1' }), undefined);
    assert.equal(proxyFromEnvironment('http://10.0.0.5/v1', { HTTP_PROXY: 'proxy.corp:3128' }), 'http://proxy.corp:3128');
    assert.equal(proxyFromEnvironment('https://api.x.ai/v1', {}), undefined);
  });

  it('honours NO_PROXY: *, exact hosts, domain suffixes and ports', () => {
    const env = { HTTPS_PROXY: 'http://a:1' };
    assert.equal(proxyFromEnvironment('https://api.x.ai/v1', { ...env, NO_PROXY: '*' }), undefined);
    assert.equal(proxyFromEnvironment('https://api.x.ai/v1', { ...env, no_proxy: 'localhost, x.ai' }), undefined);
    assert.equal(proxyFromEnvironment('https://api.x.ai/v1', { ...env, NO_PROXY: '.x.ai' }), undefined);
    assert.equal(proxyFromEnvironment('https://api.x.ai/v1', { ...env, NO_PROXY: 'api.x.ai:443' }), undefined);
    assert.equal(proxyFromEnvironment('https://api.x.ai/v1', { ...env, NO_PROXY: 'api.x.ai:8443' }), 'http://a:1');
    assert.equal(proxyFromEnvironment('https://notx.ai/v1', { ...env, NO_PROXY: 'x.ai' }), 'http://a:1');
  });
});
