/**
 * Step 3a: an LRU of finished suggestions keyed by (prefix tail, suffix head). It also answers when
 * the user has typed the first characters of a cached suggestion ("typing through"): it returns the
 * remainder, so ghost text keeps up with typing without a request. It also remembers where the
 * model had nothing to offer (an empty suggestion), so the same position is not asked twice.
 */
import type { Suggestion } from './types';

/** Enough of the text before the cursor to tell positions apart, short enough to hash per keystroke. */
const PREFIX_KEY_CHARS = 200;
const SUFFIX_KEY_CHARS = 100;
/** How many typed characters a lookup walks back to find the suggestion they type through. */
const MAX_TYPED_THROUGH = 160;

export class CompletionCache {
  /** Two levels so a lookup slices the prefix only, never concatenates keys. Map order is the LRU order. */
  private readonly bySuffix = new Map<string, Map<string, Suggestion>>();
  private size = 0;
  private readonly order = new Map<string, { suffixKey: string; prefixKey: string }>();

  constructor(private readonly capacity = 200) {}

  get(prefix: string, suffix: string): Suggestion | undefined {
    const suffixKey = suffix.slice(0, SUFFIX_KEY_CHARS);
    const entries = this.bySuffix.get(suffixKey);
    if (entries === undefined) return undefined;
    const limit = Math.min(MAX_TYPED_THROUGH, prefix.length);
    for (let typed = 0; typed <= limit; typed++) {
      const end = prefix.length - typed;
      const prefixKey = prefix.slice(Math.max(0, end - PREFIX_KEY_CHARS), end);
      const hit = entries.get(prefixKey);
      if (hit === undefined) continue;
      if (hit.text.length <= typed || !hit.text.startsWith(prefix.slice(end))) continue;
      this.touch(suffixKey, prefixKey);
      return { text: hit.text.slice(typed), replaceLength: hit.replaceLength };
    }
    return undefined;
  }

  /** The model was asked at exactly this position and had nothing. */
  knownEmpty(prefix: string, suffix: string): boolean {
    return this.bySuffix.get(suffix.slice(0, SUFFIX_KEY_CHARS))?.get(prefix.slice(-PREFIX_KEY_CHARS))?.text === '';
  }

  /** Stores a suggestion, or `{ text: '' }` for "nothing here". */
  set(prefix: string, suffix: string, suggestion: Suggestion): void {
    const suffixKey = suffix.slice(0, SUFFIX_KEY_CHARS);
    const prefixKey = prefix.slice(-PREFIX_KEY_CHARS);
    let entries = this.bySuffix.get(suffixKey);
    if (entries === undefined) {
      entries = new Map();
      this.bySuffix.set(suffixKey, entries);
    }
    if (!entries.has(prefixKey)) this.size++;
    entries.set(prefixKey, suggestion);
    this.touch(suffixKey, prefixKey);
    while (this.size > this.capacity) this.evictOldest();
  }

  clear(): void {
    this.bySuffix.clear();
    this.order.clear();
    this.size = 0;
  }

  private touch(suffixKey: string, prefixKey: string): void {
    const id = `${suffixKey}\u0000${prefixKey}`;
    this.order.delete(id);
    this.order.set(id, { suffixKey, prefixKey });
  }

  private evictOldest(): void {
    const oldest = this.order.entries().next().value;
    if (oldest === undefined) return;
    const [id, { suffixKey, prefixKey }] = oldest;
    this.order.delete(id);
    const entries = this.bySuffix.get(suffixKey);
    if (entries?.delete(prefixKey) === true) this.size--;
    if (entries?.size === 0) this.bySuffix.delete(suffixKey);
  }
}
