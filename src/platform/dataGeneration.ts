/**
 * The data generation: a random id in globalState that Delete My Data replaces. globalState is
 * shared by every window, so a window that loaded data under another generation knows it was
 * erased elsewhere and drops what it holds instead of writing it back. The id says nothing about
 * the user: it is the one key Delete My Data leaves.
 */
import { randomUUID } from 'node:crypto';

export const DATA_GENERATION_KEY = 'grokCodeFast.dataGeneration';

/** The subset of vscode.Memento the generation needs. */
export interface GenerationMemento {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): PromiseLike<void>;
}

/** One holder's view: the generation it loaded its data under. */
export class DataGeneration {
  private seen: unknown;

  constructor(private readonly memento: GenerationMemento) {
    this.seen = memento.get(DATA_GENERATION_KEY);
  }

  /** True while the data was erased (here or in another window) since this holder last acknowledged it. */
  isStale(): boolean {
    return this.memento.get(DATA_GENERATION_KEY) !== this.seen;
  }

  /** True once per erasure: the holder drops what it holds and is current again. */
  acknowledge(): boolean {
    if (!this.isStale()) return false;
    this.seen = this.memento.get(DATA_GENERATION_KEY);
    return true;
  }

  /**
   * Starts a new generation (Delete My Data). Every holder, this one included, is stale until it
   * acknowledges: the window that deleted drops what it holds like any other.
   */
  async bump(): Promise<void> {
    await this.memento.update(DATA_GENERATION_KEY, randomUUID());
  }
}
