/**
 * A stable name for the open workspace, so chat history kept in globalState (where Delete My Data
 * can reach every workspace's) still lists per workspace. The folder URIs are hashed: the key holds
 * no path, and the same folders give the same key whatever their order.
 */
import { createHash } from 'node:crypto';

export const NO_WORKSPACE = 'no-workspace';

export function workspaceKeyOf(folderUris: readonly string[] | undefined): string {
  if (!folderUris || folderUris.length === 0) return NO_WORKSPACE;
  const canonical = [...new Set(folderUris)].sort().join('\n');
  return createHash('sha256').update(canonical).digest('hex').slice(0, 32);
}
