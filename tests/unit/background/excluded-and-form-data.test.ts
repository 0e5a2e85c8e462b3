/**
 * #11 items 6 and 7 through the real background over the fake browser: IT's excluded host under a protected
 * domain keeps its tab and data when the group above it is purged; form suggestions go only with the
 * `clearFormData` setting on. State read afterwards from the fake browser.
 */
import { describe, expect, it } from 'vitest';
import { PACKS } from '@/utils/rules/generated/packs';
import { createMatcher } from '@/utils/rules/match';
import { DEFAULT_SETTINGS, effectiveSettings, type Settings } from '@/utils/settings';
import {
  createWorld,
  freshBrowserEachTest,
  navigate,
  startWorker,
  type World,
} from '../helpers/background-world';

const ESERVICE = 'https://e-tjanster.jarfalla.se';
const LIBRARY = 'https://bibliotek.jarfalla.se';
const IDP = 'https://login.eidbrygga.net';
const POLICY = { excludedDomains: ['bibliotek.jarfalla.se'] };

/** The world with IT's policy in force: the settings and the recogniser built from it, as in production. */
function worldWithPolicy(user: Partial<Settings> = {}, managed: object = POLICY): World {
  const w = createWorld(user);
  const settings = effectiveSettings({ ...DEFAULT_SETTINGS, ...user }, managed);
  const matcher = createMatcher({ packs: PACKS, excluded: settings.excludedDomains });
  w.ctx.settings = async () => settings;
  w.ctx.classify = async () => (host) => matcher.match(host);
  return w;
}

async function logIn(bg: Awaited<ReturnType<typeof startWorker>>, w: World, tab: number) {
  await navigate(bg, tab, { url: `${ESERVICE}/`, transitionType: 'typed' });
  w.port.setCookie({ name: 'JSESSIONID', domain: 'e-tjanster.jarfalla.se', httpOnly: true });
  await navigate(bg, tab, { url: `${ESERVICE}/login`, redirects: [`${IDP}/sso?SAMLRequest=x`] });
  w.port.setCookie({ name: 'idp_sso', domain: 'login.eidbrygga.net' });
  w.port.fillForm('personnummer', '19850312-2384');
  w.clock.advance(30_000);
  await navigate(bg, tab, {
    url: `${ESERVICE}/saml/acs`,
    redirects: [`${ESERVICE}/mina-sidor`],
    transitionType: 'form_submit',
  });
  w.port.setSiteData({ origin: ESERVICE, kind: 'localStorage' });
}

freshBrowserEachTest();

describe('excluded means excluded (IT policy excludedDomains)', () => {
  it('“Log out and clear” purges Järfälla; the library under jarfalla.se keeps its tab, cookies, storage and history', async () => {
    const w = worldWithPolicy();
    const bg = await startWorker(w);
    const jarfalla = w.port.openTab({ url: `${ESERVICE}/` });
    await logIn(bg, w, jarfalla);
    // The person also uses the library's loans page, reached from Mina sidor and typed in.
    const library = w.port.openTab({ url: `${LIBRARY}/` });
    await navigate(bg, library, { url: `${LIBRARY}/lan`, transitionType: 'typed' });
    w.port.setCookie({ name: 'loan_sid', domain: 'bibliotek.jarfalla.se' });
    w.port.setSiteData({ origin: LIBRARY, kind: 'localStorage' });
    w.port.setTabStorage(library, LIBRARY, 'search', 'Astrid Lindgren');
    w.port.addHistory({ url: `${LIBRARY}/lan`, title: 'Mina lån' });

    const report = (await bg.logOutAll())!;

    const after = w.port.snapshot();
    expect(after.cookies.map((c) => `${c.domain} ${c.name}`)).toEqual(['bibliotek.jarfalla.se loan_sid']);
    expect(after.siteData.map((d) => `${d.origin} ${d.kind}`)).toEqual([`${LIBRARY} localStorage`]);
    expect(after.tabs.map((t) => t.id)).toContain(library);
    expect(after.tabs.map((t) => t.id)).not.toContain(jarfalla);
    expect(after.sessionStorage).toContainEqual({
      tabId: library,
      origin: LIBRARY,
      key: 'search',
      value: 'Astrid Lindgren',
    });
    expect(after.history.map((h) => h.url)).toContain(`${LIBRARY}/lan`);
    expect(report).toMatchObject({ verified: true, failures: [] });
  });
});

describe('form suggestions (clearFormData)', () => {
  it('off by default: the purge leaves every form suggestion, and the report says none went', async () => {
    const w = worldWithPolicy({}, {});
    const bg = await startWorker(w);
    await logIn(bg, w, w.port.openTab({ url: `${ESERVICE}/` }));
    const report = (await bg.logOutAll())!;
    expect(w.port.snapshot().formData).toEqual(['personnummer=19850312-2384']);
    expect(report.formDataCleared).toBe(false);
  });

  it('shared-computer mode from IT: what forms saved since the login goes, and the report says since when', async () => {
    const w = worldWithPolicy({}, { sharedComputer: true });
    const bg = await startWorker(w);
    const loginAt = w.clock.now();
    await logIn(bg, w, w.port.openTab({ url: `${ESERVICE}/` }));
    const report = (await bg.logOutAll())!;
    expect(w.port.snapshot().formData).toEqual([]);
    expect(report.formDataCleared).toBe(true);
    expect(report.formDataSince).toBe(loginAt);
  });
});
