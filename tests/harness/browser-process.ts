import { readdir, readFile } from 'node:fs/promises';

/** Chromium processes whose command line carries `--user-data-dir=<profileDir>` (browser + children). */
export async function profileProcesses(profileDir: string): Promise<{ pid: number; isBrowser: boolean }[]> {
  const flag = `--user-data-dir=${profileDir}`;
  const out: { pid: number; isBrowser: boolean }[] = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let args: string[];
    try {
      args = (await readFile(`/proc/${entry}/cmdline`, 'utf8')).split('\0');
    } catch {
      continue; // exited meanwhile
    }
    if (!args.includes(flag)) continue;
    out.push({ pid: Number(entry), isBrowser: !args.some((a) => a.startsWith('--type=')) });
  }
  return out;
}

/** The browser (main) process of the Chromium running on this profile. */
export async function browserPid(profileDir: string): Promise<number> {
  const main = (await profileProcesses(profileDir)).filter((p) => p.isBrowser);
  if (main.length !== 1)
    throw new Error(`expected one Chromium browser process for ${profileDir}, found ${main.length}`);
  return main[0]!.pid;
}

/** Waits until no process of this profile is left; SIGKILLs stragglers after `timeoutMs`. */
export async function waitForProfileProcessesGone(profileDir: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if ((await profileProcesses(profileDir)).length === 0) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  for (const p of await profileProcesses(profileDir)) {
    try {
      process.kill(p.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}
