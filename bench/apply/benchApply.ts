/**
 * Runs the apply corpus through Apply as it is (applyPlan.ts, the merge scripted with a good model's
 * answers) and through the old heuristic (heuristicApply.ts), and scores both: placed right (every
 * file equals the expected one), silently wrong (a wrong result proposed with no refusal) and refused.
 */
import { planApply } from '../../src/chat/apply/applyPlan';
import { withLineEnding } from '../../src/platform/lineEndings';
import { type ApplyPair, applyCorpus } from './corpus';
import { heuristicApply } from './heuristicApply';
import { goodMergeAnswer } from './scriptedMerge';

export type PairOutcome = 'right' | 'silentWrong' | 'refusedWrong' | 'refusedRight';

export interface PairResult {
  id: string;
  language: string;
  shape: string;
  outcome: PairOutcome;
  baseline: PairOutcome;
  mergeCalls: number;
  /** Why Apply refused, when it did. */
  reason?: string;
}

type Files = Map<string, string | undefined>;

function outcomeOf(pair: ApplyPair, files: Files, refused: boolean): PairOutcome {
  const names = new Set([...pair.files.map((file) => file.name), ...Object.keys(pair.expected)]);
  const original = new Map(pair.files.map((file) => [file.name, file.text]));
  const right = [...names].every((name) => files.get(name) === (pair.expected[name] ?? original.get(name)));
  if (refused) return right ? 'refusedRight' : 'refusedWrong';
  return right ? 'right' : 'silentWrong';
}

async function runNew(pair: ApplyPair): Promise<{ outcome: PairOutcome; mergeCalls: number; reason?: string }> {
  const files: Files = new Map(pair.files.map((file) => [file.name, file.text]));
  let mergeCalls = 0;
  let reason: string | undefined;
  for (const block of pair.blocks) {
    const open = pair.files.find((file) => file.name === block.file) ?? pair.files[0]!;
    const text = files.get(open.name) ?? '';
    const plan = await planApply({
      code: block.code,
      // Symbols as the outline gave them for the file as it was; none once an earlier block changed it.
      active: { name: open.name, text, symbols: text === open.text ? open.symbols : [] },
      readFile: async (path) => (path.split('/').includes('..') ? undefined : { name: path, text: files.get(path) }),
      merge: async (file) => {
        mergeCalls++;
        return goodMergeAnswer(file.text, pair.expected[file.name] ?? file.text, file.name);
      },
    });
    if (!plan.ok) {
      reason = plan.reason;
      continue;
    }
    // The user accepts every proposal.
    for (const file of plan.files) files.set(file.path ?? open.name, file.after);
  }
  return { outcome: outcomeOf(pair, files, reason !== undefined), mergeCalls, ...(reason !== undefined && { reason }) };
}

/** The old Apply: each block into the file it is for (the user opened it first), never refusing. */
function runBaseline(pair: ApplyPair): PairOutcome {
  const files: Files = new Map(pair.files.map((file) => [file.name, file.text]));
  for (const block of pair.blocks) {
    // A block for a file that does not exist yet went into the editor that was open.
    const open = pair.files.find((file) => file.name === block.file) ?? pair.files[0]!;
    const text = files.get(open.name) ?? '';
    const target = heuristicApply(text, block.code, text === open.text ? open.symbols : []);
    const eol = text.includes('\r\n') ? '\r\n' : '\n';
    files.set(open.name, text.slice(0, target.start) + withLineEnding(target.code, eol) + text.slice(target.end));
  }
  return outcomeOf(pair, files, false);
}

export async function benchApply(pairs: ApplyPair[] = applyCorpus()): Promise<PairResult[]> {
  const results: PairResult[] = [];
  for (const pair of pairs) {
    const fresh = await runNew(pair);
    results.push({ id: pair.id, language: pair.language, shape: pair.shape, ...fresh, baseline: runBaseline(pair) });
  }
  return results;
}
