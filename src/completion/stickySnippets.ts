/**
 * The snippets a document's prompts carry, kept from request to request while they are still among
 * the best picks: the prompt puts them before the file, and xAI's prompt cache serves a prompt's
 * start only up to its first change, so snippets that changed with every line typed would make the
 * whole file behind them uncached. A new set replaces the kept one only when none of the kept
 * snippets is picked any more (the user moved on to other code).
 */
import type { ContextSnippet } from './context';

/** Documents remembered; the least recently used is forgotten first. */
const MAX_DOCUMENTS = 32;

export class StickySnippets {
  private readonly kept = new Map<string, ContextSnippet[]>();

  /** The snippets to send for document `uri`, given this request's picks (best first). */
  choose(uri: string, picked: readonly ContextSnippet[]): ContextSnippet[] {
    const previous = this.kept.get(uri);
    this.kept.delete(uri);
    const stillPicked = previous !== undefined && previous.some((old) => picked.some((now) => now.relativePath === old.relativePath && now.text === old.text));
    const chosen = previous !== undefined && (stillPicked || picked.length === 0) ? previous : [...picked];
    this.kept.set(uri, chosen);
    if (this.kept.size > MAX_DOCUMENTS) this.kept.delete(this.kept.keys().next().value as string);
    return chosen;
  }

  clear(): void {
    this.kept.clear();
  }
}
