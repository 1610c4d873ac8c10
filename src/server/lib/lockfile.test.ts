import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataDirLockedError, lockDataDir } from './lockfile';

describe('data directory lock', () => {
  it('refuses a second process and takes over a stale lock', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lotse-lock-'));
    // A live other process holds the lock.
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    fs.writeFileSync(path.join(dir, 'lotse.lock'), String(holder.pid));
    expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
    expect(() => lockDataDir(dir)).toThrow(/in use by another Lotse process/);
    holder.kill();
    await new Promise((r) => holder.once('exit', r));
    // The holder is gone: its lock is stale and is taken over.
    const unlock = lockDataDir(dir);
    expect(fs.readFileSync(path.join(dir, 'lotse.lock'), 'utf8')).toBe(String(process.pid));
    unlock();
    expect(fs.existsSync(path.join(dir, 'lotse.lock'))).toBe(false);
    fs.rmSync(dir, { recursive: true });
  });
});
