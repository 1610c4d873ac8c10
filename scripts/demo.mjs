#!/usr/bin/env node
// npm run demo: a fresh temporary data dir with the fictional demo network; prints the logins.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lotse-demo-'));
Object.assign(process.env, {
  DATA_DIR: dir,
  LOTSE_DEMO: '1',
  LOTSE_ADMIN_EMAIL: process.env.LOTSE_ADMIN_EMAIL || 'admin@ifk-saar.example',
  LOTSE_ADMIN_PASSWORD: process.env.LOTSE_ADMIN_PASSWORD || 'lotse-demo-2026',
  LOTSE_ORG_NAME: process.env.LOTSE_ORG_NAME || 'IFK Saar – Integration von Fachkräften (Demo)',
});
console.log(`Demo data directory: ${dir} (removed when Lotse stops)`);
console.log(`Password for every demo login: ${process.env.LOTSE_ADMIN_PASSWORD}`);
process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
await import('./start.mjs');
