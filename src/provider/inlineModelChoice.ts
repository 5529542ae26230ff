/**
 * What `inlineCompletions.model: "auto"` means: the catalogue's fastest suitable model for ghost
 * text. xAI has no fill-in-the-middle endpoint and reasoning costs latency before the first token,
 * so a non-reasoning model wins where the catalogue lists one (xAI names them `…-non-reasoning`);
 * else the model that accepts the lowest reasoning effort (inline sends its lowest effort, see
 * `effortToSend`). Only models the endpoint lists (`GET /v1/language-models`) are candidates: no
 * table of model names lives in code.
 */
import { sortEfforts, type ModelFacts } from './models';

/** The setting value that lets the catalogue choose the ghost-text model. */
export const AUTO_MODEL = 'auto';

/** xAI's name for a model that does not reason (`grok-4.20-0309-non-reasoning`, alias `grok-4.20-non-reasoning`). */
const NON_REASONING_NAME = /(?:^|[-_.])non-reasoning(?:$|[-_.])/i;

/**
 * The model `auto` picked and why: `non-reasoning` (the catalogue lists a model that does not
 * reason) or `lowest-effort` (none is listed; this model accepts the lowest effort, `effort`).
 */
export type AutoModelChoice = { model: string; reason: 'non-reasoning' } | { model: string; reason: 'lowest-effort'; effort: string };

/** Whether the catalogue names this model as one that does not reason (its id or an alias). */
export function isNonReasoning(facts: ModelFacts): boolean {
  return [facts.id, ...facts.aliases].some((name) => NON_REASONING_NAME.test(name));
}

/**
 * The model `auto` stands for in this catalogue (listing order breaks ties, then the cheaper input
 * price); undefined when no listed model reads text or says how it reasons.
 */
export function chooseAutoInlineModel(models: readonly ModelFacts[]): AutoModelChoice | undefined {
  const readsText = models.filter((facts) => !facts.inferred && facts.inputModalities.includes('text'));
  const [fastest] = readsText.filter(isNonReasoning).sort(cheaperFirst);
  if (fastest) return { model: fastest.id, reason: 'non-reasoning' };
  const withEfforts = readsText
    .filter((facts) => facts.reasoningEfforts.length > 0)
    .map((facts) => ({ facts, effort: sortEfforts(facts.reasoningEfforts)[0] }));
  const lowerFirst = (a: string, b: string) => (a === b ? 0 : sortEfforts([a, b])[0] === a ? -1 : 1);
  const [lowest] = withEfforts.sort((a, b) => lowerFirst(a.effort, b.effort) || cheaperFirst(a.facts, b.facts));
  return lowest && { model: lowest.facts.id, reason: 'lowest-effort', effort: lowest.effort };
}

/** A model without prices sorts after priced ones; equal prices keep the listing order (a stable sort). */
function cheaperFirst(a: ModelFacts, b: ModelFacts): number {
  const [x, y] = [a.pricing?.inputPerMillion, b.pricing?.inputPerMillion];
  if (x === y) return 0;
  if (x === undefined) return 1;
  if (y === undefined) return -1;
  return x - y;
}
