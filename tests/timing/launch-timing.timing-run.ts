/**
 * `npm run launch-timing` (never part of `npm test`): how soon Safe Logout runs, and how soon IT's policy is in
 * force in it, after a browser starts on a fresh profile — force-installed as IT deploys it (CRX from an update
 * server, ExtensionInstallForcelist; tests/harness/force-install.ts) and loaded from the command line (the
 * development build), LAUNCHES times each, one browser at a time. Prints every launch, then median and max.
 *
 * - worker: the extension's service worker global was created (`performance.timeOrigin` in the worker);
 * - policy: the extension holds the policy (its own cache of the managed policy, `managed-cache` in
 *   storage.local, which it writes as soon as the browser hands the policy over), from its storage event.
 * Both from the moment the test asked Playwright to launch the browser.
 */
import { afterAll, beforeAll, it } from 'vitest';
import { launchChromium } from '../harness/chromium';
import {
  forceInstallPolicy,
  type PackedExtension,
  packExtension,
  startUpdateServer,
  type UpdateServer,
} from '../harness/force-install';
import { CHROMIUM_EXTENSION_ID, type ChromiumPolicy, chromiumPolicy } from '../harness/policy';
import { type Sim, startSim } from '../sim';

const LAUNCHES = Number(process.env.LAUNCHES ?? 20);
const CONFIG = { protectedDomains: ['exempelstad.se'], sharedComputer: true };
const GIVE_UP_MS = 60_000;

let sim: Sim;
let ext: PackedExtension;
let updates: UpdateServer;
let policy: ChromiumPolicy;

beforeAll(async () => {
  sim = await startSim();
  ext = await packExtension();
  updates = await startUpdateServer(ext, sim);
  policy = await chromiumPolicy();
});

afterAll(async () => {
  await policy?.dispose();
  await updates?.close();
  await ext?.dispose();
  await sim?.close();
});

type Mode = 'force-installed' | 'command-line';
interface Launch {
  mode: Mode;
  workerMs: number;
  policyMs: number;
}

async function launchOnce(mode: Mode): Promise<Launch> {
  const force = mode === 'force-installed';
  await policy.write(
    force
      ? forceInstallPolicy(ext, updates, CONFIG)
      : { DeveloperToolsAvailability: 1, '3rdparty': { extensions: { [CHROMIUM_EXTENSION_ID]: CONFIG } } },
    { installedEarlier: process.env.FRESH_POLICY_FILE !== '1' },
  );
  const t0 = Date.now();
  const session = await launchChromium(force ? updates.browserSim : sim, {
    ...(force ? { policyInstalled: true } : { withExtension: true }),
    skipExtensionReady: true,
  });
  try {
    const prefix = `chrome-extension://${force ? ext.id : CHROMIUM_EXTENSION_ID}/`;
    const worker =
      session.context.serviceWorkers().find((w) => w.url().startsWith(prefix)) ??
      (await session.context.waitForEvent('serviceworker', {
        predicate: (w) => w.url().startsWith(prefix),
        timeout: GIVE_UP_MS,
      }));
    const workerMs = (await worker.evaluate(() => performance.timeOrigin)) - t0;
    // One question, answered by the extension's own storage event: polling the worker while the browser
    // starts would be load of our own making on the moment measured.
    const policyAt = await worker.evaluate(
      (giveUpMs) =>
        new Promise<number | null>((resolve) => {
          type Area = { get(k: string): Promise<Record<string, unknown>> };
          const c = (
            globalThis as unknown as {
              chrome: {
                storage: {
                  local: Area;
                  onChanged: {
                    addListener(f: (ch: Record<string, { newValue?: unknown }>, area: string) => void): void;
                  };
                };
              };
            }
          ).chrome;
          const holds = (v: unknown) =>
            ((v as { protectedDomains?: string[] } | undefined)?.protectedDomains?.length ?? 0) > 0;
          c.storage.onChanged.addListener((ch, area) => {
            if (area === 'local' && holds(ch['managed-cache']?.newValue)) resolve(Date.now());
          });
          void c.storage.local.get('managed-cache').then((r) => {
            if (holds(r['managed-cache'])) resolve(Date.now());
          });
          setTimeout(() => resolve(null), giveUpMs);
        }),
      GIVE_UP_MS,
    );
    return { mode, workerMs, policyMs: policyAt === null ? Number.NaN : policyAt - t0 };
  } finally {
    await session.close();
  }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const secs = (ms: number) => (Number.isNaN(ms) ? 'never' : `${(ms / 1000).toFixed(2)} s`);

it(`${LAUNCHES} fresh launches each: force-installed and command-line loaded`, async () => {
  const results: Launch[] = [];
  for (let i = 0; i < LAUNCHES; i++) {
    // Alternate, so that a busy moment of the machine falls on both kinds alike.
    for (const mode of ['force-installed', 'command-line'] as const) {
      const r = await launchOnce(mode);
      results.push(r);
      console.log(
        `${String(i + 1).padStart(2)} ${mode.padEnd(15)} worker ${secs(r.workerMs)}  policy ${secs(r.policyMs)}`,
      );
    }
  }
  const summary = (mode: Mode) => {
    const rs = results.filter((r) => r.mode === mode);
    const policies = rs.map((r) => r.policyMs).filter((x) => !Number.isNaN(x));
    return {
      worker: { median: median(rs.map((r) => r.workerMs)), max: Math.max(...rs.map((r) => r.workerMs)) },
      policy: { median: median(policies), max: Math.max(...policies), missing: rs.length - policies.length },
    };
  };
  const f = summary('force-installed');
  const c = summary('command-line');
  const line = (name: string, s: ReturnType<typeof summary>) =>
    `${name.padEnd(15)} worker median ${secs(s.worker.median)}, max ${secs(s.worker.max)}; ` +
    `policy median ${secs(s.policy.median)}, max ${secs(s.policy.max)}` +
    (s.policy.missing ? `; policy never arrived in ${s.policy.missing} launches` : '');
  console.log(
    [
      '',
      `Launch timing, ${LAUNCHES} fresh profiles each (${new Date().toISOString()}):`,
      line('force-installed', f),
      line('command-line', c),
      `ratio force-installed / command-line (medians): worker ${(f.worker.median / c.worker.median).toFixed(2)}, ` +
        `policy ${(f.policy.median / c.policy.median).toFixed(2)}`,
    ].join('\n'),
  );
}, 3_600_000);
