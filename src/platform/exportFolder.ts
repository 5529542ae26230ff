/**
 * Where a save dialog for an export opens: the user's Downloads folder when there is one, else the
 * home folder. Never the workspace: a file of personal data or analytics must not land in a
 * repository by default.
 */
import { statSync } from 'node:fs';
import { homedir } from 'node:os';
import * as path from 'node:path';

function isDirectory(folder: string): boolean {
  try {
    return statSync(folder).isDirectory();
  } catch {
    return false;
  }
}

export function defaultExportFolder(home: string = homedir()): string {
  const downloads = path.join(home, 'Downloads'); // not UI text: the folder's name on disk
  return isDirectory(downloads) ? downloads : home;
}
