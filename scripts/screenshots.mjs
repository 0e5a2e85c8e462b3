#!/usr/bin/env node
// `npm run screenshots`: renders the popup, the receipt, the options and the in-page guard in headless
// Chromium, in Swedish and English, against the simulated municipality, into docs/screenshots/.
// The sim and the harness are TypeScript; Vite's module runner loads them (as scripts/start.mjs does).
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';

const load = async (path) =>
  (
    await runnerImport(fileURLToPath(new URL(path, import.meta.url)), {
      configFile: false,
      logLevel: 'error',
    })
  ).module;
const [{ startSim }, { openExtensionPage }, { loginAs }, { ANNA }, faces] = await Promise.all([
  load('../tests/sim/index.ts'),
  load('../tests/harness/chromium.ts'),
  load('../tests/harness/person.ts'),
  load('../tests/harness/scenario.ts'),
  load('../tests/e2e/faces-support.ts'),
]);

const out = fileURLToPath(new URL('../docs/screenshots/', import.meta.url));
mkdirSync(out, { recursive: true });
const shot = async (page, name, options = {}) => {
  await page.screenshot({ path: `${out}${name}.png`, animations: 'disabled', caret: 'hide', ...options });
  console.log(`docs/screenshots/${name}.png`);
};
/** The extension page's own content, without the empty rest of a large viewport. */
const shotMain = async (page, name) => {
  const box = await page.locator('main').boundingBox();
  await shot(page, name, {
    clip: { x: 0, y: 0, width: Math.ceil(box.x * 2 + box.width), height: Math.ceil(box.y + box.height) },
  });
};

const sim = await startSim();
try {
  for (const lang of ['sv', 'en']) {
    const session = await faces.launchInLanguage(sim, lang);
    try {
      const page = await session.context.newPage();
      await page.setViewportSize({ width: 1100, height: 760 });
      await loginAs(page, sim.urls.kommun, ANNA);

      const options = await openExtensionPage(session.context, 'options.html');
      await options.setViewportSize({ width: 900, height: 800 });
      await options.locator('main h1').waitFor();
      await shot(options, `options-${lang}`, { fullPage: true });
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
      await shot(page, `guard-${lang}`);

      const popup = await openExtensionPage(session.context, 'popup.html');
      await popup.setViewportSize({ width: 380, height: 600 });
      await popup.locator('.sessions li').waitFor();
      await shotMain(popup, `popup-${lang}`);
      await popup.locator('button.primary').click();
      await popup.locator('[role="status"][data-verified="true"]').waitFor({ timeout: 30_000 });

      const receipt = session.context.pages().find((p) => p.url().includes('/receipt.html'));
      await receipt.bringToFront();
      await receipt.setViewportSize({ width: 900, height: 700 });
      await receipt.locator('[role="status"][data-verified="true"]').waitFor({ timeout: 30_000 });
      await shotMain(receipt, `receipt-${lang}`);
    } finally {
      await session.close();
    }
  }
} finally {
  await sim.close();
}
