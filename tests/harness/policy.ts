/**
 * Enterprise policy for the real Chromium under test, the way IT deploys it on Linux: a JSON file in
 * `/etc/chromium/policies/managed/` (Debian's Chromium path), with Safe Logout's configuration under
 * `3rdparty.extensions.<id>`.
 *
 * Other engineers' tests run the same Chromium on this machine at the same time, and Chromium watches that
 * directory: a policy file there would reach their browsers too. So, where the kernel allows it (root, mount
 * namespaces), each of our browsers gets a private mount of a directory of ours *at*
 * `/etc/chromium/policies/managed/` — Chromium reads exactly that path, nobody else sees the file. Otherwise
 * the file is written into the real directory under a unique name and removed by `dispose()`, on exit and on
 * a crash of the test run.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmdirSync, unlinkSync } from 'node:fs';
import { chmod, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import type { EffectiveSettings } from '../../utils/settings';
import {
  type ChromiumSession,
  chromiumPath,
  extensionId,
  type LaunchOptions,
  launchChromium,
} from './chromium';

export const CHROMIUM_POLICY_DIR = '/etc/chromium/policies/managed';
export const POLICY_FILE_NAME = 'safe-logout-test-policy.json';
/** The id of the development build (fixed by the manifest's `key`), loaded from the command line. */
export const CHROMIUM_EXTENSION_ID = 'ooifmdmmgociepcdfdnbjkpjenpbeigg';

/**
 * A Chromium policy file: browser policies, and Safe Logout's configuration as the 3rdparty policy of
 * extension `id` (default: the development build's; a force-installed package has its CRX's id).
 */
export function extensionPolicy(
  config: unknown,
  browserPolicies: Record<string, unknown> = {},
  id: string = CHROMIUM_EXTENSION_ID,
): object {
  return { ...browserPolicies, '3rdparty': { extensions: { [id]: config } } };
}

export interface ChromiumPolicy {
  /** Where Chromium reads the file. */
  readonly path: string;
  /** `private`: mounted for our browsers only; `shared`: the machine's directory (removed by dispose). */
  readonly mode: 'private' | 'shared';
  /**
   * Write the policy (an object as JSON, or raw text — for malformed files). Launch browsers after this.
   * `installedEarlier`: the file (and its directory) get a modification time a minute back, as on a computer
   * where IT put the policy before anyone started the browser. Chromium's loader takes a policy directory
   * modified in the last 5 s as still being written and waits until it has settled (measured here: the policy
   * reached a fresh extension ~5.4 s after launch with a just-written file); a file written while the browser
   * runs (a rollout) keeps its real time.
   */
  write(policy: object | string, o?: { installedEarlier?: boolean }): Promise<void>;
  /** Remove the policy file; later launches get the real Chromium again. Safe to call twice. */
  dispose(): Promise<void>;
}

function canMountPrivately(dir: string): boolean {
  const probe = spawnSync(
    'unshare',
    [
      '--mount',
      '--propagation',
      'private',
      '--',
      'sh',
      '-c',
      'mount --bind "$1" "$2"',
      'sh',
      dir,
      CHROMIUM_POLICY_DIR,
    ],
    { stdio: 'ignore', timeout: 10_000 },
  );
  return probe.status === 0;
}

/**
 * Sets up the policy for every Chromium this test file launches through the harness (`launchChromium`,
 * `restartBrowser`): until `dispose()`, `CHROMIUM_PATH` points at a wrapper that starts the real Chromium
 * with the policy directory mounted.
 */
export async function chromiumPolicy(): Promise<ChromiumPolicy> {
  const realChromium = chromiumPath();
  // The mount point (root only). Directories made here are removed again by dispose(), deepest first.
  const created = [dirname(CHROMIUM_POLICY_DIR), CHROMIUM_POLICY_DIR].filter((d) => !existsSync(d)).reverse();
  mkdirSync(CHROMIUM_POLICY_DIR, { recursive: true, mode: 0o755 });
  const root = await mkdtemp(join(tmpdir(), 'safe-logout-policy-'));
  const privateDir = join(root, 'managed');
  mkdirSync(privateDir);
  const mode = canMountPrivately(privateDir) ? 'private' : 'shared';
  const file =
    mode === 'private'
      ? join(privateDir, POLICY_FILE_NAME)
      : join(CHROMIUM_POLICY_DIR, POLICY_FILE_NAME.replace('.json', `-${process.pid}.json`));
  const previousPath = process.env.CHROMIUM_PATH;
  const removeShared = () => {
    try {
      if (mode === 'shared') unlinkSync(file);
    } catch {
      // already gone
    }
  };
  process.on('exit', removeShared);

  if (mode === 'private') {
    const wrapper = join(root, 'chromium');
    await writeFile(
      wrapper,
      [
        '#!/bin/sh',
        '# Real Chromium with the test policy directory mounted at /etc/chromium/policies/managed (this process only).',
        `exec unshare --mount --propagation private -- sh -c 'mount --bind "$1" "$2" && shift 2 && exec "$@"' \\`,
        `  sh '${privateDir}' '${CHROMIUM_POLICY_DIR}' '${realChromium}' "$@"`,
        '',
      ].join('\n'),
    );
    await chmod(wrapper, 0o755);
    process.env.CHROMIUM_PATH = wrapper;
  }

  let disposed = false;
  return {
    path: mode === 'private' ? join(CHROMIUM_POLICY_DIR, POLICY_FILE_NAME) : file,
    mode,
    async write(policy, o = {}) {
      await writeFile(file, typeof policy === 'string' ? policy : JSON.stringify(policy, null, 2), {
        mode: 0o644,
      });
      if (o.installedEarlier) {
        const earlier = new Date(Date.now() - 60_000);
        for (const p of [file, dirname(file)]) await utimes(p, earlier, earlier);
      }
    },
    async dispose() {
      if (disposed) return;
      disposed = true;
      removeShared();
      process.off('exit', removeShared);
      if (previousPath === undefined) delete process.env.CHROMIUM_PATH;
      else process.env.CHROMIUM_PATH = previousPath;
      await rm(root, { recursive: true, force: true });
      for (const dir of created) {
        try {
          rmdirSync(dir); // only if still empty
        } catch {
          break; // someone else put a policy there meanwhile: theirs
        }
      }
    },
  };
}

/** Runs `fn` in an extension page (the test's window into the extension's APIs), then closes the page. */
export async function inExtensionPage<T>(
  context: BrowserContext,
  fn: (arg: unknown) => Promise<T>,
  arg?: unknown,
): Promise<T> {
  const id = await extensionId(context);
  const page = await context.newPage();
  try {
    await page.goto(`chrome-extension://${id}/popup.html`);
    return await page.evaluate(fn, arg);
  } finally {
    await page.close();
  }
}

/** The settings in force, as the options page gets them (`getSettings` from an extension page). */
export const effectiveSettingsOf = (context: BrowserContext) =>
  inExtensionPage(
    context,
    async () =>
      (await (
        globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
      ).chrome.runtime.sendMessage({ type: 'getSettings', data: {} })) as EffectiveSettings,
  );

/**
 * Waits until the settings in force satisfy `ready`; throws after `timeoutMs`. Returns them. Asks from one
 * extension page for the whole wait: opening a page per question while the browser starts kept Chromium's
 * policy from ever reaching the extension in about one run in three on a loaded machine (measured; with one
 * page, or none in the first seconds, it always came).
 */
export async function waitForSettings(
  context: BrowserContext,
  ready: (s: EffectiveSettings) => boolean,
  timeoutMs = 30_000,
): Promise<EffectiveSettings> {
  const id = await extensionId(context);
  const page = await context.newPage();
  try {
    await page.goto(`chrome-extension://${id}/popup.html`);
    const deadline = Date.now() + timeoutMs;
    let last: EffectiveSettings | undefined;
    while (Date.now() < deadline) {
      last = (await page.evaluate(() =>
        (
          globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
        ).chrome.runtime.sendMessage({ type: 'getSettings', data: {} }),
      )) as EffectiveSettings;
      if (ready(last)) return last;
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error(
      `the policy did not reach the extension in time; settings in force: ${JSON.stringify(last)}`,
    );
  } finally {
    await page.close();
  }
}

/**
 * Launches Chromium with the extension and waits until the settings in force satisfy `ready`. One browser,
 * one chance: a policy that reaches the extension late is the product's to cope with (utils/background/
 * managed-policy.ts), never a reason for the test to start another browser.
 */
export async function launchWithPolicy(
  sim: Parameters<typeof launchChromium>[0],
  ready: (s: EffectiveSettings) => boolean,
  { timeoutMs = 20_000, ...launch }: LaunchOptions & { timeoutMs?: number } = {},
): Promise<{ session: ChromiumSession; settings: EffectiveSettings }> {
  const session = await launchChromium(sim, { withExtension: !launch.policyInstalled, ...launch });
  try {
    return { session, settings: await waitForSettings(session.context, ready, timeoutMs) };
  } catch (e) {
    await session.close();
    throw e;
  }
}
