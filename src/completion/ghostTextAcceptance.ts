/**
 * What happened to the suggestion last shown, from stable APIs only: 'shown' when returned,
 * 'accepted' from the item's command, 'partial' when the document gains a piece of the suggestion
 * in one edit (accept word / accept line) rather than by typing it character by character.
 */
export type InteractionAction = 'shown' | 'accepted' | 'partial';

export interface TextInsertion {
  documentKey: string;
  offset: number;
  removedLength: number;
  text: string;
}

/** Fewer inserted characters than this are typing, not a partial acceptance. */
const MIN_PARTIAL_CHARS = 2;

export class AcceptanceTracker {
  private last: { documentKey: string; offset: number; text: string } | undefined;

  constructor(private readonly track: (action: InteractionAction, chars: number) => void) {}

  shown(documentKey: string, offset: number, text: string): void {
    // The rest of a suggestion the user types through comes back on every keystroke: it is the same one.
    const last = this.last;
    if (last !== undefined && last.documentKey === documentKey && last.offset === offset && last.text === text) return;
    this.last = { documentKey, offset, text };
    this.track('shown', text.length);
  }

  /** The item's command ran: the whole suggestion went in. */
  accepted(): void {
    if (this.last === undefined) return;
    this.track('accepted', this.last.text.length);
    this.last = undefined;
  }

  changed(insertion: TextInsertion): void {
    const last = this.last;
    if (last === undefined || insertion.documentKey !== last.documentKey) return;
    if (insertion.offset !== last.offset || !last.text.startsWith(insertion.text) || insertion.text === '') {
      this.last = undefined;
      return;
    }
    // The whole suggestion: the command reports it.
    if (insertion.text.length === last.text.length) return;
    if (insertion.removedLength === 0 && insertion.text.length >= MIN_PARTIAL_CHARS) this.track('partial', insertion.text.length);
    this.last = { ...last, offset: last.offset + insertion.text.length, text: last.text.slice(insertion.text.length) };
  }
}
