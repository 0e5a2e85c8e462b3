/**
 * The faces in real Firefox ESR (MV2 build, puppeteer-core over WebDriver BiDi): the guard appears on the
 * protected page only, the popup names the session and its button logs out with a verified receipt in the
 * popup and on the receipt page, the options page renders — and axe-core finds nothing on popup, receipt
 * and options. (faces.test.ts covers everything in Chromium, in Swedish and English.)
 *
 * Needs `npx wxt build -b firefox` first (or `$SAFE_LOGOUT_FIREFOX_BUILD`).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import en from '../../public/_locales/en/messages.json';
import { type FirefoxLab, firefoxTab, launchLab } from '../harness/firefox-lab';
import { loginAs, readNewspaper } from '../harness/person';
import { ANNA } from '../harness/scenario';
import { type Sim, startSim } from '../sim';
import { AXE_TAGS, GUARD } from './faces-support';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let sim: Sim;
let lab: FirefoxLab;
beforeAll(async () => {
  sim = await startSim({ portInUrls: true });
  lab = await launchLab(sim);
});
afterAll(async () => {
  await lab?.close();
  await sim?.close();
});

async function axe(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  return page.evaluate(async (tags) => {
    const a = (globalThis as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<unknown> } }).axe;
    const r = (await a.run(document, { runOnly: { type: 'tag', values: tags } })) as {
      violations: { id: string; nodes: unknown[] }[];
    };
    return r.violations.map((v) => `${v.id} (${v.nodes.length})`);
  }, AXE_TAGS);
}

async function poll<T>(fn: () => Promise<T>, ok: (v: T) => boolean, what: string, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn().catch(() => undefined as T);
    if (v !== undefined && ok(v)) return v;
    if (Date.now() > deadline) throw new Error(`${what}: still ${JSON.stringify(v)}`);
    await sleep(200);
  }
}

describe('the faces in Firefox', () => {
  it('guard on the protected page only; popup → verified receipt in the popup and on its page; options; axe clean', async () => {
    const browser = lab.firefox.browser;
    const page = await browser.newPage();
    await loginAs(page, sim.urls.kommun, ANNA);
    await firefoxTab(page).waitFor(`${GUARD}[data-place]:not([data-place="measure"])`, 'login');

    const paper = await browser.newPage();
    await readNewspaper(paper, sim);
    await sleep(500);
    expect(await paper.evaluate((tag) => document.querySelector(tag) === null, GUARD)).toBe(true);

    const popup = await lab.firefox.openExtensionPage('popup.html');
    const line = await poll(
      () => popup.evaluate(() => document.querySelector('.session-line')?.textContent ?? ''),
      (t) => t.length > 0,
      'session line',
    );
    expect(line).toBe(`Järfälla kommun — ${sim.hosts.kommun} + ${en.loginService.message}`);
    expect(await axe(popup)).toEqual([]);
    await popup.locator(`::-p-text(${en.logOutAndClear.message})`).click();
    await poll(
      () => popup.evaluate(() => document.querySelector('[role="status"]')?.getAttribute('data-verified')),
      (v) => v === 'true',
      'popup receipt',
    );
    expect(await axe(popup)).toEqual([]);

    // WebDriver BiDi reports extension pages as about:blank: ask each page where it is.
    const receiptPage = async () => {
      for (const p of await browser.pages())
        if ((await p.evaluate(() => location.pathname).catch(() => '')) === '/receipt.html') return p;
      return undefined;
    };
    const receipt = await poll(receiptPage, (p) => p !== undefined, 'receipt page');
    await poll(
      () => receipt!.evaluate(() => document.querySelector('[role="status"]')?.getAttribute('data-verified')),
      (v) => v === 'true',
      'receipt page verified',
    );
    expect(await receipt!.evaluate(() => document.body.textContent ?? '')).toContain(en.receiptTitle.message);
    expect(await axe(receipt!)).toEqual([]);

    const options = await lab.firefox.openExtensionPage('options.html');
    await poll(
      () => options.evaluate(() => document.querySelector('h1')?.textContent ?? ''),
      (t) => t === en.optionsTitle.message,
      'options title',
    );
    expect(await axe(options)).toEqual([]);
  });
});
