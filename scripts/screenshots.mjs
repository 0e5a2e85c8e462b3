#!/usr/bin/env node
// `npm run screenshots`: renders the popup, the receipt, the options, the in-page guard, the logout health
// report and the popup with a private window's session in headless Chromium, in Swedish and English, against the simulated municipality, into docs/screenshots/ (README) and
// store/images/ (the store images: 1280×800 screenshots and the 440×280 promo tile, store/README.md).
// The sim and the harness are TypeScript; Vite's module runner loads them (as scripts/start.mjs does).
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';
import { promoTile, SCREEN, screen } from './store-images.mjs';

const load = async (path) =>
  (
    await runnerImport(fileURLToPath(new URL(path, import.meta.url)), {
      configFile: false,
      logLevel: 'error',
    })
  ).module;
const [{ startSim }, { openExtensionPage }, { loginAs }, { ANNA, BERIT, purgeDone }, faces, incognito] =
  await Promise.all([
    load('../tests/sim/index.ts'),
    load('../tests/harness/chromium.ts'),
    load('../tests/harness/person.ts'),
    load('../tests/harness/scenario.ts'),
    load('../tests/e2e/faces-support.ts'),
    load('../tests/harness/incognito.ts'),
  ]);

const out = fileURLToPath(new URL('../docs/screenshots/', import.meta.url));
const storeOut = fileURLToPath(new URL('../store/images/', import.meta.url));
mkdirSync(out, { recursive: true });
mkdirSync(storeOut, { recursive: true });
/** Writes docs/screenshots/<name>.png (none when `name` is null) and returns the PNG. */
const shot = async (page, name, options = {}) => {
  const png = await page.screenshot({
    ...(name ? { path: `${out}${name}.png` } : {}),
    animations: 'disabled',
    caret: 'hide',
    ...options,
  });
  if (name) console.log(`docs/screenshots/${name}.png`);
  return png;
};
/** The extension page's own content, without the empty rest of a large viewport. */
const shotMain = async (page, name) => {
  const box = await page.locator('main').boundingBox();
  return shot(page, name, {
    clip: { x: 0, y: 0, width: Math.ceil(box.x * 2 + box.width), height: Math.ceil(box.y + box.height) },
  });
};
/** store/images/<name>.png: `png` framed at 1280×800 (over `over`, as the popup opens over a page). */
const storeShot = async (context, png, name, options) => {
  await screen(context, png, `${storeOut}${name}.png`, options);
  console.log(`store/images/${name}.png`);
};

/** Anna signs in and leaves with the site's own "Logga ut" (tests/e2e/health-report.test.ts); the purge follows. */
const logInAndOutBySite = async (session, page, service) => {
  await loginAs(page, service, ANNA);
  const since = Date.now();
  await page.click('header a[href$="/logout"]');
  await page.waitForSelector('body[data-page="logged-out"]');
  await purgeDone(session, 'site-logout', since);
};

// Vklass's logout is fixed (it ends the login service's session too), the kommun's is broken: the health report.
const sim = await startSim({ fixedLogout: ['vklass'] });
try {
  for (const lang of ['sv', 'en']) {
    const session = await faces.launchInLanguage(sim, lang);
    try {
      const page = await session.context.newPage();
      // The store's screenshot size: the guard's picture is used as it is, and under the popup's.
      await page.setViewportSize(SCREEN);
      await logInAndOutBySite(session, page, sim.urls.vklass);
      await logInAndOutBySite(session, page, sim.urls.kommun);
      const health = await openExtensionPage(session.context, 'health.html');
      await health.setViewportSize({ width: 900, height: 700 });
      await health.locator('.health-lines li[data-service="Vklass"]').waitFor();
      await shotMain(health, `health-${lang}`);
      await health.close();

      await page.bringToFront();
      await loginAs(page, sim.urls.kommun, ANNA);

      const options = await openExtensionPage(session.context, 'options.html');
      await options.setViewportSize({ width: 900, height: 800 });
      await options.locator('main h1').waitFor();
      await shot(options, `options-${lang}`, { fullPage: true });
      // The store shows its first screen, at a width where the page looks as it does in a browser window.
      await options.setViewportSize({ width: 1100, height: 740 });
      await storeShot(session.context, await shot(options, null), `options-${lang}`);
      // Shared-computer mode on, for the guard's banner.
      await options.locator('#shared-computer').check();
      await options.locator('.saved:not(:empty)').waitFor();
      await options.close();

      await page.bringToFront();
      await page.waitForSelector(`${faces.GUARD}[data-place]:not([data-place="measure"])`, {
        state: 'attached',
      });
      await faces.openGuardForInspection(page);
      await page.waitForFunction(
        (tag) => document.querySelector(tag)?.shadowRoot?.querySelector('[data-part="shared-banner"]'),
        faces.GUARD,
      );
      const guardPng = await shot(page, `guard-${lang}`);
      writeFileSync(`${storeOut}guard-${lang}.png`, guardPng); // already 1280×800: a browser window's view
      console.log(`store/images/guard-${lang}.png`);

      const popup = await openExtensionPage(session.context, 'popup.html');
      await popup.setViewportSize({ width: 380, height: 600 });
      await popup.locator('.sessions li').waitFor();
      await storeShot(session.context, await shotMain(popup, `popup-${lang}`), `popup-${lang}`, {
        over: guardPng,
      });
      await popup.locator('button.primary').click();
      await popup.locator('[role="status"][data-verified="true"]').waitFor({ timeout: 30_000 });

      const receipt = session.context.pages().find((p) => p.url().includes('/receipt.html'));
      await receipt.bringToFront();
      await receipt.setViewportSize({ width: 900, height: 700 });
      await receipt.locator('[role="status"][data-verified="true"]').waitFor({ timeout: 30_000 });
      await storeShot(session.context, await shotMain(receipt, `receipt-${lang}`), `receipt-${lang}`);

      await promoTile(session.context, lang, `${storeOut}promo-tile-${lang}.png`);
      console.log(`store/images/promo-tile-${lang}.png`);
    } finally {
      await session.close();
    }

    // The same e-service in a normal window and in an incognito one: two sessions, the second tagged. A browser
    // of its own, without shared-computer mode (tests/e2e/private-windows.test.ts does the same steps).
    const both = await faces.launchInLanguage(sim, lang);
    try {
      await incognito.allowInIncognito(both);
      const normal = await both.context.newPage();
      await normal.setViewportSize(SCREEN);
      await loginAs(normal, sim.urls.kommun, ANNA);
      const [berit] = await incognito.incognitoWindow(both, [sim.urls.kommun.start]);
      await loginAs(berit, sim.urls.kommun, BERIT);
      const popup = await openExtensionPage(both.context, 'popup.html');
      // Taller than a popup opens, so both sessions are in the picture.
      await popup.setViewportSize({ width: 380, height: 800 });
      await popup.locator('.sessions li .session-store').waitFor();
      await shotMain(popup, `private-${lang}`);
    } finally {
      await both.close();
    }
  }
} finally {
  await sim.close();
}
