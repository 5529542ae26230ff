import { strict as assert } from 'node:assert';
import { vsCodeActivationFigure } from '../../../bench/startup';

describe('startup: activation in VS Code against the empty extension of the same window', () => {
  it('compares pairs, so one slow window load does not decide the figure', () => {
    // The medians (59 vs 48) come from different loads; every pair but one is within 1.1× + 5 ms.
    const figure = vsCodeActivationFigure({ ms: [35, 268, 18, 59, 63], emptyMs: [33, 262, 18, 48, 62] });
    assert.equal(figure.value, 59);
    assert.equal(figure.baseline?.value, 48);
    assert.equal(figure.ratio, 1.02);
    assert.equal(figure.target?.pass, true);
  });

  it('fails when the extension costs more than the limit in most pairs', () => {
    const figure = vsCodeActivationFigure({ ms: [40, 300, 30], emptyMs: [20, 200, 20] });
    assert.equal(figure.target?.pass, false);
  });

  it('says why when VS Code could not be measured', () => {
    const figure = vsCodeActivationFigure({ skipped: 'not measured: no Chromium' });
    assert.equal(figure.value, null);
    assert.equal(figure.note, 'not measured: no Chromium');
  });
});
