/**
 * Where the features keep personal data, so Export My Data and Delete My Data reach every holder
 * without importing the features: each feature that stores personal data adds itself here.
 */
export interface PersonalDataHolder {
  /** The key in the personal-data export (e.g. `chatHistory`) and, in words, what Delete erases. */
  key: string;
  what: string;
  /** The holder's data as JSON-ready values. */
  exportAll(): Promise<unknown>;
  deleteAll(): Promise<void>;
}

export class PersonalDataHolders {
  private readonly holders = new Map<string, PersonalDataHolder>();
  private readonly deletedListeners = new Set<() => void>();

  add(holder: PersonalDataHolder): { dispose(): void } {
    this.holders.set(holder.key, holder);
    return { dispose: () => this.holders.delete(holder.key) };
  }

  list(): PersonalDataHolder[] {
    return [...this.holders.values()];
  }

  /** Calls `listener` after Delete My Data ran: surfaces that show stored figures redraw from the emptied stores. */
  onDidDeleteAll(listener: () => void): { dispose(): void } {
    this.deletedListeners.add(listener);
    return { dispose: () => this.deletedListeners.delete(listener) };
  }

  /** Delete My Data calls this once it finished (also after a partial failure). */
  deletedAll(): void {
    for (const listener of [...this.deletedListeners]) listener();
  }
}
