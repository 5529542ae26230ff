import { strict as assert } from 'node:assert';
import { FigureSchema } from '../../../bench/figure';
import { parseBenchArgs } from '../../../bench/options';
import { runBench } from '../../../bench/runBench';
import { SoakReportSchema } from '../../../bench/soak/soakProtocol';

describe('benchmark soak section (--quick: a short day through the real composition root)', function () {
  this.timeout(300_000);

  it('drives every feature against the fake server and reports each leak probe', async () => {
    const results = await runBench(parseBenchArgs(['--quick', '--only', 'soak']));
    assert.deepEqual(results.failures, []);
    for (const figure of results.figures) FigureSchema.parse(figure);
    const report = SoakReportSchema.parse(results.sections.soak);
    assert.ok(report.ok);
    const served = (results.sections.soak as { served: Record<string, number> }).served;
    // Every inline request not cancelled, every chat turn (tool rounds add more), action and VS Code chat request reached the server.
    assert.ok((served['/v1/chat/completions'] ?? 0) + (served['/v1/responses'] ?? 0) >= report.plan.chatTurns + report.plan.lmRequests + report.plan.actions);
    assert.equal(report.checkpoints.length, 10);
    assert.equal(report.outcomes['chat: answered'], report.plan.chatTurns);
    assert.equal(report.outcomes['lm: answered'], report.plan.lmRequests);
    const names = results.figures.map((figure) => figure.name);
    for (const probe of ['heap used', 'open sockets', 'active timers', 'listeners', 'closed documents', 'analytics on disk', 'CPU per inline request']) {
      assert.ok(names.some((name) => name.startsWith(probe)), `no figure for ${probe}`);
    }
  });
});
