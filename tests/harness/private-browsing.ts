/**
 * Firefox private browsing for real-browser tests. An extension runs in private windows only when allowed: IT
 * allows it by policy (`ExtensionSettings` → `private_browsing: true`), a person in about:addons. Both end up as
 * the add-on's `internal:privateBrowsingAllowed` permission in the profile's extension-preferences.json, which
 * the harness writes before the browser starts (a policy would be machine-wide: other tests run beside).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import type { Sim } from '../sim/server';
import type { Tab } from './browser-session';
import { type FirefoxLab, firefoxTab, launchLab } from './firefox-lab';

const GECKO_ID = 'safe-logout@safe-logout.org';

/** A Firefox with Safe Logout allowed in private windows; `close()` also removes the profile. */
export async function launchLabAllowedInPrivate(sim: Pick<Sim, 'hosts'>): Promise<FirefoxLab> {
  const profileDir = mkdtempSync(join(tmpdir(), 'safe-logout-firefox-private-'));
  const remove = () => rmSync(profileDir, { recursive: true, force: true, maxRetries: 3, retryDelay: 200 });
  writeFileSync(
    join(profileDir, 'extension-preferences.json'),
    JSON.stringify({ [GECKO_ID]: { permissions: ['internal:privateBrowsingAllowed'], origins: [] } }),
  );
  let lab: FirefoxLab;
  try {
    lab = await launchLab(sim, {}, { profileDir });
  } catch (error) {
    remove();
    throw error;
  }
  const close = lab.close;
  lab.close = async () => {
    await close();
    remove();
  };
  return lab;
}

type WindowsApi = { windows: { create(d: { incognito: boolean; url: string[] }): Promise<unknown> } };

/** A new private window with one tab on each of `urls`, in that order. */
export async function privateWindow(lab: FirefoxLab, urls: readonly string[]): Promise<Tab<Page>[]> {
  const before = new Set(await lab.firefox.browser.pages());
  const control = await lab.firefox.openExtensionPage('popup.html');
  try {
    await control.evaluate(
      (url) =>
        (globalThis as unknown as { browser: WindowsApi }).browser.windows.create({ incognito: true, url }),
      [...urls],
    );
  } finally {
    await control.close();
  }
  const deadline = Date.now() + 20_000;
  for (;;) {
    const fresh = (await lab.firefox.browser.pages()).filter((p) => !before.has(p));
    const hrefs = await Promise.all(fresh.map((p) => p.evaluate(() => location.href).catch(() => '')));
    const found = urls.map((u) => fresh[hrefs.findIndex((h) => h.startsWith(u))]);
    if (found.every((p) => p !== undefined)) return found.map((p) => firefoxTab(p!));
    if (Date.now() > deadline) throw new Error(`the private window's tabs did not load: ${hrefs.join(', ')}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
