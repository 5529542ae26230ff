/**
 * The one door to globalState: writes go to VS Code one at a time, reads see them at once.
 *
 * Why: the extension host's Memento sends its whole object to the main side on each (batched)
 * write, and the main side echoes every stored object back, which replaces the host's copy. A
 * write made while another holder's write is on its way (the model catalogue saving while the chat
 * panel records consent, a counter while Delete My Data erases) is overwritten by that echo and
 * then flushed without itself: it is lost although its promise resolved. Source: VS Code's
 * ExtensionMemento (src/vs/workbench/api/common/extHostMemento.ts: `setValue(..., this._value)` and
 * `onDidChangeStorage(e => this._value = e.value)`) and MainThreadStorage, which forwards every
 * change of a watched key, the host's own included. Starting a write only once the previous one
 * came back (its echo arrives before its reply) leaves no echo that can overtake a write.
 */
import type * as vscode from 'vscode';

/** The subset of vscode.Memento the holders use. */
export interface StateMemento {
  keys(): readonly string[];
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): PromiseLike<void>;
}

export class SerialMemento implements vscode.Memento {
  /** The last write handed on (settled, never rejected): the next one starts after it. */
  private tail: Promise<void> = Promise.resolve();
  /** Values written but not yet stored by VS Code: reads answer with them. */
  private readonly pending = new Map<string, { value: unknown }>();

  constructor(private readonly inner: StateMemento) {}

  keys(): readonly string[] {
    const keys = new Set(this.inner.keys());
    for (const [key, { value }] of this.pending) {
      if (value === undefined) keys.delete(key);
      else keys.add(key);
    }
    return [...keys];
  }

  get<T>(key: string): T | undefined;
  get<T>(key: string, defaultValue: T): T;
  get<T>(key: string, defaultValue?: T): T | undefined {
    const pending = this.pending.get(key);
    const value = pending === undefined ? this.inner.get<T>(key) : (pending.value as T | undefined);
    return value ?? defaultValue;
  }

  /** Resolves once VS Code stored this write (and every earlier one); rejects with VS Code's error. */
  update(key: string, value: unknown): Promise<void> {
    const entry = { value };
    this.pending.set(key, entry);
    const write = this.tail
      .then(() => this.inner.update(key, value))
      .finally(() => {
        if (this.pending.get(key) === entry) this.pending.delete(key);
      });
    this.tail = write.catch(() => undefined);
    return write;
  }
}
