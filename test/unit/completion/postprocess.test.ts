import * as assert from 'node:assert/strict';
import { postprocess } from '../../../src/completion/postprocess';
import { surroundingsOf } from './golden/cursorDoc';
import { POSTPROCESS_CASES } from './golden/postprocessCases';

describe('completion/postprocess (golden)', () => {
  for (const c of POSTPROCESS_CASES) {
    it(`${c.language}: ${c.name}`, () => {
      assert.deepEqual(postprocess(c.completion, surroundingsOf(c.doc)), c.expected);
    });
  }
});
