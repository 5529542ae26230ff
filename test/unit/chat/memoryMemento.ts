/** A Memento over a Map that stores JSON copies, as VS Code's globalState does. */
import { type Memento } from '../../../src/chat/historyStore';

export class MemoryMemento implements Memento {
  readonly data = new Map<string, unknown>();
  keys(): readonly string[] {
    return [...this.data.keys()];
  }
  get<T>(key: string): T | undefined {
    return this.data.get(key) as T | undefined;
  }
  async update(key: string, value: unknown): Promise<void> {
    if (value === undefined) this.data.delete(key);
    else this.data.set(key, JSON.parse(JSON.stringify(value)));
  }
}
