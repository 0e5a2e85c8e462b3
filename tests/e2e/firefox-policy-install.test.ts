/**
 * #13: Safe Logout installed in real Firefox ESR the way IT installs it: `policies.json` in Firefox's
 * distribution directory (private to this test's Firefox: tests/harness/firefox-policy.ts) with
 * `ExtensionSettings` force-installing the package from a file URL and Safe Logout's configuration under
 * `3rdparty.Extensions`; a fresh profile, nothing installed over WebDriver.
 *
 * - Firefox installs it from the policy (under its gecko id, as installed by the administrator);
 * - IT's policy is in force in the extension: the policy's domain and the locked settings on the options page;
 * - a login to the e-service only the policy protects is purged when its tab closes (the IdP's SSO too).
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EffectiveSettings } from '../../utils/settings';
import { EXTENSION_UUID, FIREFOX_BUILD_DIR } from '../harness/firefox';
import { type FirefoxLab, firefoxTab, launchLab } from '../harness/firefox-lab';
import { type FirefoxPolicy, firefoxPolicy } from '../harness/firefox-policy';
import { writeXpi } from '../harness/firefox-xpi';
import { CITY_DOMAIN, CITY_ESERVICE, policyLoginPurgedOnClose } from '../harness/policy-city';
import { type Sim, startSim } from '../sim';

const GECKO_ID = 'safe-logout@safe-logout.org';
/** An e-service no built-in rule knows: only the policy makes it protected. */

let city: Sim;
let policy: FirefoxPolicy;
let lab: FirefoxLab | undefined;

beforeAll(async () => {
  city = await startSim({ portInUrls: true, hosts: { kommun: CITY_ESERVICE } });
  policy = await firefoxPolicy();
  const xpi = join(policy.dir, 'safe-logout.xpi');
  writeXpi(FIREFOX_BUILD_DIR, xpi);
  await policy.write({
    policies: {
      ExtensionSettings: {
        [GECKO_ID]: { installation_mode: 'force_installed', install_url: pathToFileURL(xpi).href },
      },
      '3rdparty': {
        Extensions: {
          [GECKO_ID]: { protectedDomains: [CITY_DOMAIN], lockSettings: true, purgeOnTabCloseSeconds: 1 },
        },
      },
    },
  });
});

afterAll(async () => {
  await lab?.close();
  await policy?.dispose();
  await city?.close();
});

describe('force-installed by policies.json (ExtensionSettings, install_url file:)', () => {
  it('installs from the policy, has IT’s policy in force, and purges a protected login when its tab closes', async () => {
    lab = await launchLab(
      city,
      {
        // The unsigned test build (a signed one needs nothing here); its pages at a known origin.
        'xpinstall.signatures.required': false,
        'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }),
      },
      { withExtension: false },
    );
    const page = await lab.firefox.openExtensionPage('popup.html', 30_000);
    const self = await page.evaluate(async () =>
      (
        globalThis as unknown as {
          browser: { management: { getSelf(): Promise<{ id: string; installType: string }> } };
        }
      ).browser.management.getSelf(),
    );
    expect(self.id).toBe(GECKO_ID);
    expect(self.installType, 'installed by the administrator').toBe('admin');

    // IT's policy in force: the settings the extension works with, and its options page.
    const deadline = Date.now() + 30_000;
    let settings: EffectiveSettings | undefined;
    for (;;) {
      settings = await page.evaluate(
        async () =>
          (await (
            globalThis as unknown as { browser: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
          ).browser.runtime.sendMessage({ type: 'getSettings', data: {} })) as EffectiveSettings,
      );
      if (settings.policyDomains.includes(CITY_DOMAIN) || Date.now() > deadline) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(settings.policyDomains).toEqual([CITY_DOMAIN]);
    expect(settings.lockSettings).toBe(true);
    expect(settings.graceSeconds).toBe(1);
    await page.close();
    const options = firefoxTab(await lab.firefox.openExtensionPage('options.html'));
    await options.waitFor('[data-setting="clear-history"] .locked');
    expect(
      await options.evaluate(() => document.querySelector('main')?.textContent ?? '', undefined),
    ).toContain(CITY_DOMAIN);
    await options.close();

    // A login to the e-service only the policy protects, purged when its tab closes.
    await policyLoginPurgedOnClose(lab!, city);
  });
});
