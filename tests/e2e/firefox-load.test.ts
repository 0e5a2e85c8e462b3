/**
 * The Firefox MV2 build loads in real Firefox ESR: its popup page renders.
 * Needs `npx wxt build -b firefox` first (`npm run test:e2e` does it).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FirefoxSession, launchFirefox } from '../harness/firefox';

describe('Firefox loads the extension', () => {
  let firefox: FirefoxSession;

  beforeAll(async () => {
    firefox = await launchFirefox({ withExtension: true });
  });

  afterAll(async () => {
    await firefox?.close();
  });

  it('installs under the gecko id and renders the popup', async () => {
    expect(firefox.extensionId).toBe('safe-logout@safe-logout.org');

    const page = await firefox.openExtensionPage('popup.html');
    await page.waitForFunction(() => document.querySelector('h1')?.textContent?.trim(), { timeout: 10_000 });
    const rendered = await page.evaluate(() => ({
      title: document.title,
      heading: document.querySelector('h1')?.textContent?.trim(),
      hasBrowserApi: typeof (globalThis as { browser?: { runtime?: unknown } }).browser?.runtime === 'object',
    }));

    expect(rendered.title).toBe('Safe Logout');
    expect(rendered.heading).toBe('Safe Logout');
    expect(rendered.hasBrowserApi).toBe(true);
  });
});
