/**
 * #14 in real browsers: the simulated municipality's logout leaves its IdP signed in (the 2019 bug), and a
 * service whose logout is fixed (a front-channel logout through the IdP: `fixedLogout` in tests/sim) ends the
 * IdP's session too. Anna logs out of each with the site's own "Logga ut"; IT then opens the health page
 * (health.html) and reads, as a person does, that the kommun's logout left her signed in at the login service
 * and Vklass's ended it. axe-core finds nothing on the page.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import da from '../../public/_locales/da/messages.json';
import en from '../../public/_locales/en/messages.json';
import fi from '../../public/_locales/fi/messages.json';
import nb from '../../public/_locales/nb/messages.json';
import sv from '../../public/_locales/sv/messages.json';
import type { BrowserSession, Tab } from '../harness/browser-session';
import { BROWSERS } from '../harness/browsers';
import { loginAs } from '../harness/person';
import { ANNA, purgeDone } from '../harness/scenario';
import { type Sim, type SimUrls, startSim } from '../sim';
import { AXE_TAGS } from './faces-support';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const CATALOGUES: Record<string, Record<string, { message: string }>> = { en, sv, da, fi, nb };

/** A message as the page words it: `$SERVICE$`, `$COUNT$`, `$TOTAL$` filled in. */
const words = (lang: string, key: string, values: Record<string, string | number>) =>
  (CATALOGUES[lang] ?? (en as Record<string, { message: string }>))[key]!.message.replace(
    /\$([A-Z]+)\$/g,
    (_, n: string) => String(values[n.toLowerCase()]),
  );

/** Anna presses the site's own "Logga ut" link and its logged-out page comes; the purge follows. */
async function logOutBySite(session: BrowserSession, tab: Tab, service: SimUrls['kommun']) {
  const since = Date.now();
  await tab.click('header a[href$="/logout"]');
  await tab.waitFor('body[data-page="logged-out"]');
  expect(tab.url().startsWith(service.origin)).toBe(true);
  expect(await purgeDone(session, 'site-logout', since)).toMatchObject({ verified: true, failures: [] });
}

describe.each(BROWSERS)('the logout health report in $name', (browser) => {
  let sim: Sim;
  let session: BrowserSession;

  beforeAll(async () => {
    sim = await startSim({ ...browser.simOptions, fixedLogout: ['vklass'] });
    session = await browser.launch(sim);
  });
  afterAll(async () => {
    await session?.close();
    await sim?.close();
  });

  it('the kommun’s broken logout is reported as leaving the login service signed in, Vklass’s fixed one as ending it', async () => {
    const tab = await session.newTab();
    await loginAs(tab, sim.urls.kommun, ANNA);
    await logOutBySite(session, tab, sim.urls.kommun);
    // The kommun's logout told the IdP nothing; Vklass's sends the person through the IdP's logout.
    expect(sim.stats.events.filter((e) => e.type === 'idp-logout')).toEqual([]);

    // The purge took the IdP's SSO with the kommun's group: Vklass's login is a new one.
    await loginAs(tab, sim.urls.vklass, ANNA);
    await logOutBySite(session, tab, sim.urls.vklass);
    expect(sim.stats.events.filter((e) => e.type === 'idp-logout')).toHaveLength(1);

    const page = await session.openExtensionPage('health.html');
    await page.waitFor('.health-lines li[data-service="Vklass"]');
    const lang = await page.evaluate(() => document.documentElement.lang, null);
    const lines = await page.evaluate(
      () => [...document.querySelectorAll('.health-lines li')].map((li) => li.textContent ?? ''),
      null,
    );
    expect(lines).toEqual([
      words(lang, 'healthLeft_one', { service: 'Järfälla kommun', count: 1, total: 1 }),
      words(lang, 'healthEnded_one', { service: 'Vklass', count: 1, total: 1 }),
    ]);
    const said = await page.evaluate(() => document.querySelector('main')?.textContent ?? '', null);
    expect(said).toContain(words(lang, 'healthLocal', {}));
    expect(said).toContain(words(lang, 'healthCriterion', {}));

    // The driver's own evaluate of the source (DevTools, not the page's eval, which its CSP forbids).
    await (page.page as { evaluate(source: string): Promise<unknown> }).evaluate(AXE);
    const violations = await page.evaluate(async (tags) => {
      const a = (globalThis as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<unknown> } }).axe;
      const r = (await a.run(document, { runOnly: { type: 'tag', values: tags } })) as {
        violations: { id: string }[];
      };
      return r.violations.map((v) => v.id);
    }, AXE_TAGS);
    expect(violations).toEqual([]);
  });
});
