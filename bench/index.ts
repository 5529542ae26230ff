/**
 * `npm run bench [-- flags]`: the performance ledger. Prints a table (each section as it finishes)
 * and writes bench/results.json. Flags: see options.ts and bench/README.md.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { mergeResults } from './mergeResults';
import { parseBenchArgs } from './options';
import { runBench } from './runBench';
import { renderTable } from './table';

async function main(): Promise<void> {
  const options = parseBenchArgs(process.argv.slice(2));
  console.log(`Benchmark: ${options.only.join(', ')}${options.quick ? ' (quick: tiny sizes, figures not meaningful)' : ''}\n`);
  const results = await runBench(options, (_name, figures) => console.log(`${renderTable(figures)}\n`));
  const passed = results.figures.filter((figure) => figure.target?.pass === true).length;
  const failed = results.figures.filter((figure) => figure.target?.pass === false).length;
  const env = results.environment;
  console.log(`Targets: ${passed} pass, ${failed} fail. ${env.node} on ${env.cpuModel} (${env.cpus} CPUs), ${env.date}`);
  await fs.mkdir(path.dirname(options.out), { recursive: true });
  // Sections this run did not measure keep their figures (see mergeResults.ts).
  const previous: unknown = await fs
    .readFile(options.out, 'utf8')
    .then((text) => JSON.parse(text) as unknown)
    .catch(() => undefined);
  await fs.writeFile(options.out, `${JSON.stringify(mergeResults(previous, results), null, 2)}\n`);
  console.log(`Wrote ${path.relative(process.cwd(), options.out) || options.out}`);
  if (results.failures.length > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
