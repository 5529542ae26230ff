/**
 * `--code-server`: the soak's day in a real VS Code. Starts code-server 4.139.1 (the one the
 * integration tests use, installed by `npm run test:integration`) with the development extension
 * and the in-host driver (soak/host) as its tests, and reads back the report the driver writes.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as z from 'zod';
import { codeServerDir, codeServerEntry } from '../../test/support/codeServerProcess';
import { runSuiteInCodeServer } from '../../test/integration/runner/codeServer';
import { type SoakPlan, type SoakReport, SoakReportSchema } from './soakProtocol';

const HostResultSchema = z.object({ report: SoakReportSchema, served: z.record(z.string(), z.number()) });
const DAY_TIMEOUT_MS = 40 * 60_000;

/** Runs `plan` in code-server against a fake server the driver starts; errors say what is missing. */
export async function soakInCodeServer(root: string, plan: SoakPlan): Promise<{ report: SoakReport; served: Record<string, number> }> {
  const installed = codeServerDir();
  if (!fs.existsSync(codeServerEntry(installed))) throw new Error(`soak --code-server: code-server is not installed at ${installed} (npm run test:integration installs it)`);
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'grok-soak-code-server-'));
  const reportPath = path.join(scratch, 'report.json');
  try {
    const code = await runSuiteInCodeServer({
      codeServerDir: installed,
      extensionDevelopmentPath: root,
      extensionTestsPath: path.join(root, 'out/bench/soak/host'),
      env: { GROK_SOAK_PLAN: JSON.stringify(plan), GROK_SOAK_REPORT: reportPath },
      timeoutMs: DAY_TIMEOUT_MS,
    });
    if (!fs.existsSync(reportPath)) throw new Error(`soak --code-server: the day wrote no report (code-server exited ${code})`);
    return HostResultSchema.parse(JSON.parse(fs.readFileSync(reportPath, 'utf8')));
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}
