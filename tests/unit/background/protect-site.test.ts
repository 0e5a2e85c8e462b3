/**
 * The popup's "Protect this site" (#12 item 1) through the real background over the fake browser, with the
 * real settings and recogniser in force: the open tab is taken on with the login it went through, the next
 * purge clears the site and its IdP, Undo gives everything back untouched, and what the popup cannot truthfully
 * protect is refused whatever it sends.
 */
import { describe, expect, it } from 'vitest';
import { loadEffectiveSettings, protectedDomains, recogniser } from '@/utils/background/protection-in-force';
import {
  closeTab,
  createWorld,
  freshBrowserEachTest,
  logInRoundTrip,
  startWorker,
} from '../helpers/background-world';

freshBrowserEachTest();

/** On no list: a service of a municipality the packs do not know, and an IdP on no list its login goes through. */
const SERVICE = 'https://minasidor.okandkommun.se';
const IDP = 'https://login.okand-idp.net';

async function start() {
  const w = createWorld();
  w.ctx.settings = loadEffectiveSettings;
  w.ctx.classify = async () => (await recogniser()).classify;
  w.ctx.protectedDomains = protectedDomains;
  const bg = await startWorker(w);
  return { w, bg };
}

async function loggedIn(
  w: Awaited<ReturnType<typeof start>>['w'],
  bg: Awaited<ReturnType<typeof start>>['bg'],
) {
  w.port.setCookie({ name: 'news', domain: 'www.tidning.example' });
  const tab = w.port.openTab({ url: `${SERVICE}/` });
  await logInRoundTrip(bg, tab, {
    service: SERVICE,
    idp: IDP,
    atIdp: () => w.port.setCookie({ name: 'idp_sso', domain: 'login.okand-idp.net', secure: true }),
    onService: () => w.port.setCookie({ name: 'SESSION', domain: 'minasidor.okandkommun.se' }),
  });
  return tab;
}

const cookieNames = (w: Awaited<ReturnType<typeof start>>['w']) =>
  w.port
    .snapshot()
    .cookies.map((c) => c.name)
    .sort();

describe('Protect this site', () => {
  it('an unknown site: the popup hears "not protected" and what would be added', async () => {
    const { w, bg } = await start();
    const tab = await loggedIn(w, bg);
    expect(await bg.send('siteStatus', { tabId: tab })).toEqual({
      kind: 'unprotected',
      host: 'minasidor.okandkommun.se',
      domain: 'okandkommun.se',
      locked: false,
    });
  });

  it('protects the registrable domain and takes on the open tab with its login trail; closing it purges both', async () => {
    const { w, bg } = await start();
    const tab = await loggedIn(w, bg);
    expect(Object.keys((await bg.storage.sessionState.getValue()).groups)).toEqual([]);

    const r = await bg.send('protectSite', { tabId: tab });
    expect(r).toMatchObject({
      ok: true,
      domain: 'okandkommun.se',
      undoable: true,
      status: { kind: 'protected', label: 'okandkommun.se' },
    });
    expect((await bg.storage.userSettings.getValue()).customDomains).toEqual(['okandkommun.se']);
    const groups = Object.values((await bg.storage.sessionState.getValue()).groups);
    expect(groups.flatMap((g) => g.hosts).sort()).toEqual([
      'login.okand-idp.net',
      'minasidor.okandkommun.se',
    ]);

    await closeTab(bg, w, tab);
    w.clock.advance(10_000);
    await bg.fireDueAlarms();
    expect(cookieNames(w)).toEqual(['news']);
  });

  it('Undo: the domain goes, the group it made is forgotten, and closing the tab leaves every cookie', async () => {
    const { w, bg } = await start();
    const tab = await loggedIn(w, bg);
    await bg.send('protectSite', { tabId: tab });
    expect(await bg.send('unprotectSite', { domain: 'okandkommun.se' })).toEqual({ ok: true });
    expect((await bg.storage.userSettings.getValue()).customDomains).toEqual([]);
    expect((await bg.storage.sessionState.getValue()).groups).toEqual({});
    expect(await bg.storage.ledger.getValue()).toEqual({});
    expect(await bg.send('siteStatus', { tabId: tab })).toMatchObject({ kind: 'unprotected' });

    await closeTab(bg, w, tab);
    w.clock.advance(10_000);
    await bg.fireDueAlarms();
    expect(cookieNames(w)).toEqual(['SESSION', 'idp_sso', 'news']);
  });

  it('a protected site is named by its rule', async () => {
    const { w, bg } = await start();
    const tab = w.port.openTab({ url: 'https://e-tjanster.jarfalla.se/' });
    expect(await bg.send('siteStatus', { tabId: tab })).toEqual({
      kind: 'protected',
      host: 'e-tjanster.jarfalla.se',
      label: 'Järfälla kommun',
      loginService: false,
    });
  });

  it('refuses what it cannot truthfully protect: an opt-in login, an address of no site, a browser page', async () => {
    const { w, bg } = await start();
    const google = w.port.openTab({ url: 'https://mail.google.com/mail/u/0/' });
    const ip = w.port.openTab({ url: 'http://192.168.1.20/' });
    const local = w.port.openTab({ url: 'http://intranet/' });
    const page = w.port.openTab({ url: 'chrome://settings/' });
    expect(await bg.send('siteStatus', { tabId: google })).toEqual({
      kind: 'opt-in-off',
      host: 'mail.google.com',
      packId: 'login-google',
    });
    expect(await bg.send('siteStatus', { tabId: ip })).toMatchObject({ kind: 'unprotected', domain: null });
    expect(await bg.send('siteStatus', { tabId: local })).toMatchObject({
      kind: 'unprotected',
      domain: null,
    });
    expect(await bg.send('siteStatus', { tabId: page })).toEqual({ kind: 'not-web' });
    expect(await bg.send('siteStatus', { tabId: 999 })).toEqual({ kind: 'not-web' });
    for (const tabId of [google, ip, local, page, 999])
      expect(await bg.send('protectSite', { tabId })).toMatchObject({ ok: false });
    expect((await bg.storage.userSettings.getValue()).customDomains).toEqual([]);
  });

  it('takes no domain from the page: a tab id that is not a number, or an undo of a domain in no valid form, is refused', async () => {
    const { bg } = await start();
    expect(await bg.send('protectSite', { tabId: 'okandkommun.se' as never })).toMatchObject({
      refused: expect.stringMatching(/tab id/),
    });
    expect(await bg.send('unprotectSite', { domain: 'https://Okandkommun.se/' })).toMatchObject({
      refused: expect.stringMatching(/refused/),
    });
  });
});
