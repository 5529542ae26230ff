/** Sizes of the shipped artefacts; a missing one is reported as not built, never rebuilt here. */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import * as z from 'zod';

export interface ArtefactSize {
  name: string;
  file: string;
  /** null when the file is not there. */
  bytes: number | null;
  modifiedMs: number | null;
}

const ManifestSchema = z.object({ name: z.string(), version: z.string() });

async function statOf(file: string): Promise<{ bytes: number | null; modifiedMs: number | null }> {
  try {
    const stat = await fs.stat(file);
    return { bytes: stat.size, modifiedMs: stat.mtimeMs };
  } catch {
    return { bytes: null, modifiedMs: null };
  }
}

export async function artefactSizes(root: string): Promise<ArtefactSize[]> {
  const manifest = ManifestSchema.parse(JSON.parse(await fs.readFile(path.join(root, 'package.json'), 'utf8')));
  const files = [
    { name: 'dist/extension.js', file: 'dist/extension.js' },
    { name: 'dist/main.js (loaded right after activation)', file: 'dist/main.js' },
    { name: 'dist/undici.js (loaded at the first request)', file: 'dist/undici.js' },
    { name: 'dist/webview/chat.js', file: 'dist/webview/chat.js' },
    { name: 'dist/webview/report.js', file: 'dist/webview/report.js' },
    { name: '.vsix', file: `${manifest.name}-${manifest.version}.vsix` },
  ];
  return Promise.all(files.map(async ({ name, file }) => ({ name, file, ...(await statOf(path.join(root, file))) })));
}
