/**
 * Mocha reporter: the usual spec output, then the closing line CI reads (`N passed, N failed`).
 * A run that executed no test fails: an empty layer is a broken layer, not a green one.
 */
import Mocha from 'mocha';

const { EVENT_RUN_END } = Mocha.Runner.constants;

class SummaryReporter extends Mocha.reporters.Spec {
  constructor(runner: Mocha.Runner, options?: Mocha.MochaOptions) {
    super(runner, options);
    runner.once(EVENT_RUN_END, () => {
      const stats = runner.stats;
      const passed = stats?.passes ?? 0;
      const failed = stats?.failures ?? 0;
      const skipped = stats?.pending ?? 0;
      console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
      if (passed + failed === 0) {
        console.error('No test ran: this layer is broken.');
        process.exitCode = 1;
      }
    });
  }
}

export = SummaryReporter;
