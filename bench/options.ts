/**
 * Command-line flags of `npm run bench`:
 *   --quick              tiny sizes (the smoke test); figures are not meaningful
 *   --only a,b           run only these sections (streaming, connections, inline, quality, cache, startup,
 *                        analytics, chatRender, soak, apply)
 *   --sources DIR        source files the inline, quality and cache sections use instead of the built-in set
 *   --runs N             measured runs per client in the streaming section (default 15)
 *   --out FILE           where results.json goes (default bench/results.json)
 *   --no-code-server     skip reading the activation time a real VS Code (code-server) reports
 *                        (skipped anyway with --quick)
 *   --code-server        the soak's day runs in a real VS Code (code-server) too, after the stub's
 */
import * as path from 'node:path';
import * as z from 'zod';

export const SECTION_NAMES = ['streaming', 'connections', 'inline', 'quality', 'cache', 'startup', 'analytics', 'chatRender', 'soak', 'apply'] as const;
export type SectionName = (typeof SECTION_NAMES)[number];

const SectionSchema = z.enum(SECTION_NAMES);

export const BenchOptionsSchema = z.object({
  quick: z.boolean(),
  only: z.array(SectionSchema),
  sources: z.string().optional(),
  runs: z.number().int().min(1).max(1000),
  out: z.string(),
  codeServer: z.boolean(),
  soakInCodeServer: z.boolean(),
});

export type BenchOptions = z.infer<typeof BenchOptionsSchema>;

/** Where the repository is: out/bench/ or bench/ both sit two levels below it at most. */
export function repoRoot(): string {
  const here = __dirname;
  return path.basename(path.dirname(here)) === 'out' ? path.resolve(here, '../..') : path.resolve(here, '..');
}

export function parseBenchArgs(argv: readonly string[]): BenchOptions {
  const options = {
    quick: false,
    only: [...SECTION_NAMES] as string[],
    sources: undefined as string | undefined,
    runs: undefined as number | undefined,
    out: path.join(repoRoot(), 'bench', 'results.json'),
    codeServer: true,
    soakInCodeServer: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const value = (): string => {
      const next = argv[++i];
      if (next === undefined) throw new Error(`${argv[i - 1]} needs a value.`);
      return next;
    };
    switch (argv[i]) {
      case '--quick':
        options.quick = true;
        break;
      case '--only':
        options.only = value()
          .split(',')
          .map((name) => name.trim())
          .filter(Boolean);
        break;
      case '--sources':
        options.sources = path.resolve(value());
        break;
      case '--runs':
        options.runs = Number(value());
        break;
      case '--out':
        options.out = path.resolve(value());
        break;
      case '--no-code-server':
        options.codeServer = false;
        break;
      case '--code-server':
        options.soakInCodeServer = true;
        break;
      default:
        throw new Error(`Unknown flag ${argv[i]}. Flags: --quick, --only ${SECTION_NAMES.join(',')}, --sources DIR, --runs N, --out FILE, --no-code-server, --code-server.`);
    }
  }
  const parsed = BenchOptionsSchema.safeParse({
    ...options,
    runs: options.runs ?? (options.quick ? 2 : 15),
    codeServer: options.codeServer && !options.quick,
  });
  if (!parsed.success) throw new Error(`Bad flags: ${parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`).join('; ')}`);
  return parsed.data;
}
