import * as assert from 'node:assert/strict';
import { withLineEnding } from '../../../src/platform/lineEndings';

describe('withLineEnding', () => {
  it('writes every break with the file’s line ending, never mixed', () => {
    assert.equal(withLineEnding('a\nb\r\nc\rd', '\r\n'), 'a\r\nb\r\nc\r\nd');
    assert.equal(withLineEnding('a\r\nb\r\n', '\n'), 'a\nb\n');
  });

  it('makes LF code equal to the same code in a CRLF file', () => {
    const inFile = 'if (x) {\r\n  y();\r\n}\r\n';
    assert.equal(withLineEnding('if (x) {\n  y();\n}\n', '\r\n'), inFile);
  });
});
