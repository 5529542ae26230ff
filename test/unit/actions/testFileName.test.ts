import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { testFilePath } from '../../../src/actions/testFileName';

const at = (name: string) => path.join('/src/app', name);

describe('testFilePath', () => {
  it('names test files the way each language expects', () => {
    assert.equal(testFilePath(at('foo.ts')), at('foo.test.ts'));
    assert.equal(testFilePath(at('Button.tsx')), at('Button.test.tsx'));
    assert.equal(testFilePath(at('foo.js')), at('foo.test.js'));
    assert.equal(testFilePath(at('foo.py')), at('test_foo.py'));
    assert.equal(testFilePath(at('server.go')), at('server_test.go'));
    assert.equal(testFilePath(at('lib.rs')), at('lib_test.rs'));
    assert.equal(testFilePath(at('Parser.java')), at('ParserTest.java'));
    assert.equal(testFilePath(at('vec.cpp')), at('vec_test.cpp'));
    assert.equal(testFilePath(at('vec.hpp')), at('vec_test.cpp'));
  });

  it('falls back to .test before the extension for other languages', () => {
    assert.equal(testFilePath(at('x.rb')), at('x.test.rb'));
  });

  it('numbers later attempts when the first name is taken', () => {
    assert.equal(testFilePath(at('foo.ts'), 2), at('foo.test2.ts'));
    assert.equal(testFilePath(at('foo.py'), 3), at('test_foo3.py'));
  });
});
