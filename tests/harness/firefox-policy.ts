/**
 * Enterprise policy for the real Firefox ESR under test, the way IT deploys it on Linux: `policies.json` in
 * Firefox's distribution directory (`/usr/lib/firefox-esr/distribution/`, Debian's symlink to
 * /usr/share/firefox-esr/distribution). That file is machine-global and other engineers' Firefox tests run at
 * the same time, and release Firefox honours no per-process override (`browser.policies.alternatePath` only in
 * automation builds or Nightly). So each of our Firefox processes gets a private mount of a directory of ours at
 * the distribution directory (a mount namespace, as tests/harness/policy.ts does for Chromium): only it sees the
 * file. Where the kernel refuses that (no mount namespaces: a container CI runs in), the machine's own
 * `policies.json` is written — only when there is none (someone else's policy is never overwritten: then it
 * throws) — and removed by `dispose()`, on exit and on a crash of the test run, as tests/harness/policy.ts does.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, realpathSync, unlinkSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { firefoxPath } from './firefox';

export const FIREFOX_DISTRIBUTION_DIR = '/usr/lib/firefox-esr/distribution';

export interface FirefoxPolicy {
  /** Write `policies.json` (`{ policies: … }`). Launch Firefox after this: it reads the file at start. */
  write(policies: object): Promise<void>;
  /** Files for the policy to point at (an .xpi for `install_url`), kept until dispose. */
  readonly dir: string;
  dispose(): Promise<void>;
}

/**
 * Until `dispose()`, `FIREFOX_PATH` points at a wrapper that starts the real Firefox with our directory mounted
 * at the distribution directory (launchFirefox uses it).
 */
export async function firefoxPolicy(): Promise<FirefoxPolicy> {
  const realFirefox = realpathSync(firefoxPath());
  const target = realpathSync(FIREFOX_DISTRIBUTION_DIR);
  const root = await mkdtemp(join(tmpdir(), 'safe-logout-firefox-policy-'));
  const distribution = join(root, 'distribution');
  await mkdir(distribution);
  const mount = `mount --bind "$1" "$2"`;
  const probe = spawnSync(
    'unshare',
    ['--mount', '--propagation', 'private', '--', 'sh', '-c', mount, 'sh', distribution, target],
    { stdio: 'ignore', timeout: 10_000 },
  );
  if (probe.status !== 0) return sharedPolicy(root, target);
  const wrapper = join(root, 'firefox');
  await writeFile(
    wrapper,
    [
      '#!/bin/sh',
      `# Real Firefox with the test's distribution directory mounted at ${target} (this process only).`,
      `exec unshare --mount --propagation private -- sh -c '${mount} && shift 2 && exec "$@"' \\`,
      `  sh '${distribution}' '${target}' '${realFirefox}' "$@"`,
      '',
    ].join('\n'),
  );
  await chmod(wrapper, 0o755);
  const previousPath = process.env.FIREFOX_PATH;
  process.env.FIREFOX_PATH = wrapper;
  let disposed = false;
  return {
    dir: root,
    async write(policies) {
      await writeFile(join(distribution, 'policies.json'), JSON.stringify(policies, null, 2), {
        mode: 0o644,
      });
    },
    async dispose() {
      if (disposed) return;
      disposed = true;
      if (previousPath === undefined) delete process.env.FIREFOX_PATH;
      else process.env.FIREFOX_PATH = previousPath;
      await rm(root, { recursive: true, force: true });
    },
  };
}

/** The machine's distribution directory itself, for a machine without mount namespaces (see the file comment). */
async function sharedPolicy(root: string, target: string): Promise<FirefoxPolicy> {
  const file = join(target, 'policies.json');
  if (existsSync(file)) {
    await rm(root, { recursive: true, force: true });
    throw new Error(`${file} exists (another policy on this machine) and no private mount is possible`);
  }
  const remove = () => {
    try {
      unlinkSync(file);
    } catch {}
  };
  process.once('exit', remove);
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => {
      remove();
      process.exit(1);
    });
  let disposed = false;
  return {
    dir: root,
    async write(policies) {
      await writeFile(file, JSON.stringify(policies, null, 2), { mode: 0o644 });
    },
    async dispose() {
      if (disposed) return;
      disposed = true;
      remove();
      process.off('exit', remove);
      await rm(root, { recursive: true, force: true });
    },
  };
}
