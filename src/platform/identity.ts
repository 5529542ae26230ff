/**
 * Who the extension counts consent, rate limits and analytics under: a random user id (a UUID, so
 * nothing identifying such as the machine id ever leaves in clear) and the salt analytics hashes it
 * with (so hashes stay comparable across sessions while the id is never stored in clear). Both live
 * in globalState, which every window shares.
 *
 * Delete My Data starts a fresh identity (`renewIdentity`) instead of leaving none: a window that
 * kept the old id would record consent given right after under an id no later session reads, and
 * the consent would be gone after Reload Window. Every window reads the stored identity each time it
 * asks (`LiveIdentity`), so the one that deleted and the others follow at once.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import * as z from 'zod';

export const USER_ID_KEY = 'grokCodeFast.userId';
export const ANALYTICS_SALT_KEY = 'grokCodeFast.analyticsSalt';

/** The subset of vscode.Memento the identity needs. */
export interface IdentityMemento {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): PromiseLike<void>;
}

const userIdSchema = z.uuid();
const saltSchema = z.string().regex(/^[0-9a-f]{32}$/);
const newSalt = () => randomBytes(16).toString('hex');

/** The stored value of `key`, or a new one made, stored and returned when there is none (or it is not valid). */
function storedOrNew(state: IdentityMemento, key: string, schema: z.ZodType<string>, make: () => string): string {
  const stored = schema.safeParse(state.get(key));
  if (stored.success) return stored.data;
  const value = make();
  void state.update(key, value);
  return value;
}

export class LiveIdentity {
  private known: string;
  private readonly listeners = new Set<(userId: string) => void>();

  constructor(
    private readonly state: IdentityMemento,
    private readonly makeId: () => string = randomUUID,
  ) {
    this.known = storedOrNew(state, USER_ID_KEY, userIdSchema, makeId);
  }

  /** The stored user id (made when there is none); a change since the last call is announced first. */
  userId(): string {
    const id = storedOrNew(this.state, USER_ID_KEY, userIdSchema, this.makeId);
    if (id !== this.known) {
      this.known = id;
      for (const listener of this.listeners) listener(id);
    }
    return id;
  }

  /** The stored analytics salt (made when there is none). */
  salt(): string {
    return storedOrNew(this.state, ANALYTICS_SALT_KEY, saltSchema, newSalt);
  }

  /** Calls `listener` with the new user id once this window notices the identity was renewed (here or in another window). */
  onDidChange(listener: (userId: string) => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }
}

/** Replaces the user id and the salt by new random ones (Delete My Data): nothing links what follows to what was deleted. */
export async function renewIdentity(state: IdentityMemento): Promise<void> {
  await state.update(USER_ID_KEY, randomUUID());
  await state.update(ANALYTICS_SALT_KEY, newSalt());
}
