/**
 * The general rule behind "Nothing is left on this machine": whatever holder wrote it, every
 * globalState key the extension owns (`grokCodeFast.*`: user id, analytics salt, rate-limit windows,
 * the status bar's counts, and any key a later version adds) and every file under its global storage
 * folder is deleted. What stays says nothing about the user: the data generation (a random id that
 * tells other windows to drop what they hold) and a fresh identity (a new random user id and salt,
 * written over the old ones, never left missing: every window counts what follows, consent given
 * right after above all, under the id the next session reads). Folders stay (empty), so stores that
 * write into them keep working.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { DATA_GENERATION_KEY, DataGeneration } from '../platform/dataGeneration';
import { ANALYTICS_SALT_KEY, renewIdentity, USER_ID_KEY } from '../platform/identity';

export const OWNED_KEY_PREFIX = 'grokCodeFast.';

/** The subset of vscode.Memento the eraser needs. */
export interface ErasableMemento {
  keys(): readonly string[];
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): PromiseLike<void>;
}

export interface ExtensionStorage {
  state: ErasableMemento;
  /** The global storage folder (context.globalStorageUri.fsPath). */
  dir: string;
}

async function deleteFilesUnder(dir: string): Promise<void> {
  const entries = await fs.readdir(dir, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  for (const entry of entries) {
    const target = path.join(dir, entry.name);
    if (entry.isDirectory()) await deleteFilesUnder(target);
    else await fs.rm(target, { force: true });
  }
}

/** Replaced rather than deleted: a window reading them in between would make an identity of its own. */
const RENEWED_KEYS = new Set([DATA_GENERATION_KEY, USER_ID_KEY, ANALYTICS_SALT_KEY]);

export async function eraseExtensionStorage(storage: ExtensionStorage): Promise<void> {
  for (const key of storage.state.keys()) {
    if (key.startsWith(OWNED_KEY_PREFIX) && !RENEWED_KEYS.has(key)) await storage.state.update(key, undefined);
  }
  await renewIdentity(storage.state);
  await deleteFilesUnder(storage.dir);
  // Every window's holders (chat, rate limiter) drop what they hold instead of writing it back.
  await new DataGeneration(storage.state).bump();
}
