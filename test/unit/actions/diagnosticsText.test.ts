import * as assert from 'node:assert/strict';
import { formatDiagnostics } from '../../../src/actions/diagnosticsText';

describe('formatDiagnostics', () => {
  it('lists severity, line, message and origin in line order', () => {
    const text = formatDiagnostics([
      { severity: 'warning', message: "'x' is declared but never used.", line: 7, source: 'ts', code: '6133' },
      { severity: 'error', message: "Cannot find name 'y'.\n  Did you mean 'z'?", line: 3, source: 'ts', code: '2304' },
      { severity: 'hint', message: 'Unnecessary', line: 9 },
    ]);
    assert.equal(
      text,
      [
        "- line 3 error: Cannot find name 'y'. Did you mean 'z'? (ts 2304)",
        "- line 7 warning: 'x' is declared but never used. (ts 6133)",
        '- line 9 hint: Unnecessary',
      ].join('\n'),
    );
  });

  it('masks quoted literals, which may come from an excluded file', () => {
    const text = formatDiagnostics([{ severity: 'error', message: `Types '"sk-live-1"' and '\`k-\${string}\`' have no overlap.`, line: 2 }]);
    assert.equal(text, `- line 2 error: Types '"***"' and '"***"' have no overlap.`);
  });

  it('is empty for no diagnostics', () => {
    assert.equal(formatDiagnostics([]), '');
  });
});
