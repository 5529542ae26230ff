/**
 * The user id the provider counts limits and analytics under: a random UUID made once and kept in
 * globalState, so nothing identifying (such as the machine id) ever leaves in clear.
 */
import { randomUUID } from 'node:crypto';
import * as z from 'zod';
import type * as vscode from 'vscode';

const USER_ID_KEY = 'grokCodeFast.userId';

export function getOrCreateUserId(state: vscode.Memento, makeId: () => string = randomUUID): string {
  const stored = z.uuid().safeParse(state.get(USER_ID_KEY));
  if (stored.success) return stored.data;
  const id = makeId();
  void state.update(USER_ID_KEY, id);
  return id;
}
