/**
 * #13: Safe Logout installed in real Chromium the way IT installs it — not loaded from the command line. A CRX
 * packed by Chromium's own packer, an update manifest on the organisation's HTTPS server, and the enterprise
 * policy (tests/harness/policy.ts: a private /etc/chromium/policies/managed) with `ExtensionInstallForcelist`
 * and Safe Logout's configuration as the 3rdparty policy of the CRX's id; a fresh profile.
 *
 * - Chromium fetches and installs it (as "admin"), under the CRX's id, not the development id;
 * - IT's policy is in force in the extension: the policy's domain and the locked settings on the options page;
 * - a login to the e-service only the policy protects is purged when its tab closes (the IdP's SSO too).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ChromiumSession,
  extensionId,
  isWelcomePage,
  launchChromium,
  openExtensionPage,
} from '../harness/chromium';
import {
  forceInstallPolicy,
  type PackedExtension,
  packExtension,
  startUpdateServer,
  type UpdateServer,
} from '../harness/force-install';
import {
  CHROMIUM_EXTENSION_ID,
  type ChromiumPolicy,
  chromiumPolicy,
  inExtensionPage,
  waitForSettings,
} from '../harness/policy';
import { CITY_DOMAIN, CITY_ESERVICE, policyLoginPurgedOnClose } from '../harness/policy-city';
import { type Sim, startSim } from '../sim';

/** An e-service no built-in rule knows: only the policy makes it protected. */

let city: Sim;
let ext: PackedExtension;
let updates: UpdateServer;
let policy: ChromiumPolicy;
let session: ChromiumSession | undefined;

beforeAll(async () => {
  city = await startSim({ hosts: { kommun: CITY_ESERVICE } });
  ext = await packExtension(); // the real Chromium packs, before the policy wrapper is in place
  updates = await startUpdateServer(ext, city);
  policy = await chromiumPolicy();
  await policy.write(
    forceInstallPolicy(ext, updates, {
      protectedDomains: [CITY_DOMAIN],
      lockSettings: true,
      purgeOnTabCloseSeconds: 1,
    }),
    { installedEarlier: true }, // IT put it there before anyone started the browser
  );
});

afterAll(async () => {
  await session?.close();
  await policy?.dispose();
  await updates?.close();
  await ext?.dispose();
  await city?.close();
});

describe('force-installed by enterprise policy (ExtensionInstallForcelist, CRX from an update server)', () => {
  it('installs under the CRX’s id, has IT’s policy in force, and purges a protected login when its tab closes', async () => {
    expect(ext.id, 'the package has its own id').not.toBe(CHROMIUM_EXTENSION_ID);
    session = await launchChromium(updates.browserSim, { policyInstalled: true });

    // Installed by the policy, from the update server, under the CRX's id.
    expect(await extensionId(session.context)).toBe(ext.id);
    expect(updates.requests.some((r) => r.startsWith('/update.xml'))).toBe(true);
    expect(updates.requests).toContain('/safe-logout.crx');
    const self = await inExtensionPage(session.context, async () =>
      (
        globalThis as unknown as { chrome: { management: { getSelf(): Promise<{ installType: string }> } } }
      ).chrome.management.getSelf(),
    );
    expect(self.installType, 'installed by the administrator').toBe('admin');

    // IT's policy in force: the settings the extension works with, and its options page.
    const settings = await waitForSettings(session.context, (s) => s.policyDomains.includes(CITY_DOMAIN));
    expect(settings.lockSettings).toBe(true);
    expect(settings.graceSeconds).toBe(1);
    // IT installed it, not a person: no welcome page (by now the worker has long handled onInstalled).
    expect(session.context.pages().filter((p) => isWelcomePage(p.url()))).toEqual([]);
    const options = await openExtensionPage(session.context, 'options.html');
    await options.locator('main h1').waitFor();
    expect(await options.locator('main').textContent()).toContain(CITY_DOMAIN);
    expect(await options.locator('[data-setting="clear-history"] .locked').textContent()).toMatch(
      /Managed by your organisation|Hanteras av din organisation/,
    );
    await options.close();

    // A login to the e-service only the policy protects, purged when its tab closes.
    await policyLoginPurgedOnClose(session!, city);
  });
});
