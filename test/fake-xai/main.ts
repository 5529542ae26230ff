/**
 * Runs the fake xAI server on its own, for manual use and the VS Code integration tests:
 *   node out/test/fake-xai/main.js [--port N] [--host H] [--key K]... [--any-key]
 * Prints `FAKE_XAI_URL=<base url>` on one line once it listens; stops on SIGINT or SIGTERM.
 */
import { startFakeXai, TEST_API_KEY } from './server';

function parseArgs(argv: string[]): { port: number; host: string; keys: string[]; anyKey: boolean } {
  const args = { port: 0, host: '127.0.0.1', keys: [] as string[], anyKey: false };
  for (let i = 0; i < argv.length; i++) {
    const value = argv[i + 1];
    switch (argv[i]) {
      case '--port':
        args.port = Number(value);
        i++;
        break;
      case '--host':
        args.host = value;
        i++;
        break;
      case '--key':
        args.keys.push(value);
        i++;
        break;
      case '--any-key':
        args.anyKey = true;
        break;
      default:
        throw new Error(`Unknown argument ${argv[i]}. Use --port N, --host H, --key K, --any-key.`);
    }
  }
  if (!Number.isInteger(args.port) || args.port < 0 || args.port > 65535) throw new Error('--port needs a number from 0 to 65535.');
  return args;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const fake = await startFakeXai({
    port: args.port,
    host: args.host,
    apiKeys: args.keys.length > 0 ? args.keys : [TEST_API_KEY],
    acceptAnyKey: args.anyKey,
  });
  console.log(`FAKE_XAI_URL=${fake.url}`);
  const stop = () => void fake.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
