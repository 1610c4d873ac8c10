/** The files of a ZIP the app sent (stored entries, as lib/zip writes them), for tests that open one. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { storedEntry, zipEntries } from '../lib/zip';

export async function zipFiles(data: Buffer): Promise<Map<string, Buffer>> {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'lotse-zip-')), 'x.zip');
  fs.writeFileSync(file, data);
  try {
    const files = new Map<string, Buffer>();
    for (const entry of (await zipEntries(file)) ?? []) {
      const content = await storedEntry(file, entry, 100 * 1024 * 1024);
      if (content) files.set(entry.name, content);
    }
    return files;
  } finally {
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  }
}
