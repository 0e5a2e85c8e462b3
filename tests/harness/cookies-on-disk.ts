import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Chromium commits its cookie store to `Default/Cookies` (SQLite) about every 30 s; a crash loses what
 * was not committed. Cookie names are stored in plain text, so poll the file's bytes until every name
 * appears. Resolves with the milliseconds waited.
 */
export async function waitForCookiesOnDisk(
  profileDir: string,
  cookieNames: string | readonly string[],
  timeoutMs = 60_000,
): Promise<number> {
  const names = typeof cookieNames === 'string' ? [cookieNames] : cookieNames;
  const file = join(profileDir, 'Default', 'Cookies');
  const started = Date.now();
  for (;;) {
    const bytes = await readFile(file).catch(() => Buffer.alloc(0));
    if (names.every((n) => bytes.includes(n))) return Date.now() - started;
    if (Date.now() - started > timeoutMs) {
      throw new Error(`cookies ${names.join(', ')} not on disk in ${file} after ${timeoutMs} ms`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}
