/** The analytics store's footprint on disk, as the soak measures it in either extension host. */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';

/** The analytics files under `dir`: their bytes and the UTC days they cover. */
export async function analyticsFiles(dir: string, days = new Set<string>()): Promise<{ bytes: number; days: Set<string> }> {
  const entries = await fs.readdir(dir, { withFileTypes: true }).catch(() => []);
  let bytes = 0;
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    const day = /^(?:events|aggregate)-(\d{4}-\d{2}-\d{2})/.exec(entry.name)?.[1];
    if (entry.isDirectory()) bytes += (await analyticsFiles(full, days)).bytes;
    else if (day) {
      // An atomic write's temp file may be renamed away between the listing and the stat.
      const stat = await fs.stat(full).catch(() => undefined);
      if (!stat) continue;
      bytes += stat.size;
      days.add(day);
    }
  }
  return { bytes, days };
}
