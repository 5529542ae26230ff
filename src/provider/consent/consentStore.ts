/** Where consent records live: globalState in the extension, memory in tests and the stand-alone module. */
export interface ConsentStore {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  delete(key: string): Promise<void>;
  keys(): Promise<string[]>;
}

/** A ConsentStore in memory (tests, the stand-alone module): forgotten when the process ends. */
export class MemoryConsentStore implements ConsentStore {
  private readonly values = new Map<string, unknown>();

  async get(key: string): Promise<unknown> {
    return this.values.get(key);
  }

  async set(key: string, value: unknown): Promise<void> {
    this.values.set(key, value);
  }

  async delete(key: string): Promise<void> {
    this.values.delete(key);
  }

  async keys(): Promise<string[]> {
    return [...this.values.keys()];
  }
}

/**
 * The default store of every ConsentManager in this process: a program's registries and providers share one set of
 * answers, as the extension's share globalState (an answer is the user's, not one object's).
 */
export const processConsentStore: ConsentStore = new MemoryConsentStore();
