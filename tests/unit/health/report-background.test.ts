/**
 * The logout health report, as the real background sees site logouts: events fired at the real handlers,
 * cookies in the in-memory browser (the fake port), the report read from storage afterwards.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { healthReport, loginsSeen } from '@/utils/health/storage';
import { DEFAULT_SETTINGS, effectiveSettings } from '@/utils/settings';
import {
  createWorld,
  freshBrowserEachTest,
  logInRoundTrip,
  navigate,
  startWorker,
  T0,
  type Worker,
  type World,
} from '../helpers/background-world';

const ESERVICE = 'https://e-tjanster.jarfalla.se';
const IDP = 'https://login.eidbrygga.net'; // on no list
const VKLASS = 'https://www.vklass.se';
const CGI = 'https://idp.funktionstjanster.se'; // a listed login service: "Inloggningstjänst (CGI)"
const IN_A_YEAR = Math.floor(T0 / 1000) + 365 * 86_400;
const GONE = 1; // an expiry in the past deletes a cookie, as in browsers

let w: World;
let bg: Worker;

freshBrowserEachTest();

async function start(managed: Record<string, unknown> = {}) {
  w = createWorld();
  w.ctx.settings = async () => effectiveSettings(DEFAULT_SETTINGS, managed);
  bg = await startWorker(w);
}

/** The IdP's session cookie, as a real one: HttpOnly, its value a token. */
const ssoCookie = (domain: string, value = 'sso-7f3a Anna Andersson') => ({
  name: 'idp_sso',
  domain,
  value,
  httpOnly: true,
  secure: true,
  expirationDate: IN_A_YEAR,
});

/** Anna logs in to Järfälla through the IdP; the IdP sets its session cookie when she is identified. */
async function logIn(tab: number, o: { before?: () => void; during?: () => void } = {}) {
  await logInRoundTrip(bg, tab, {
    onService: o.before,
    atIdp: () => {
      w.port.setCookie(ssoCookie('login.eidbrygga.net'));
      o.during?.();
    },
  });
}

/** The site's logout link: the service's logout, through `via` (server redirects), to its logged-out page. */
async function logOut(tab: number, o: { service?: string; via?: string[]; atIdp?: () => void } = {}) {
  const service = o.service ?? ESERVICE;
  await bg.onBeforeNavigate({ tabId: tab, frameId: 0, url: `${service}/logout` });
  for (const url of [`${service}/logout`, ...(o.via ?? [])])
    await bg.onRequest({ tabId: tab, url, type: 'main_frame' });
  o.atIdp?.();
  await bg.onRequest({ tabId: tab, url: `${service}/utloggad`, type: 'main_frame' });
  await bg.onCommitted({
    tabId: tab,
    frameId: 0,
    url: `${service}/utloggad`,
    transitionType: 'link',
    transitionQualifiers: ['server_redirect'],
  });
  await bg.onCompleted({ tabId: tab, frameId: 0 });
}

const idpCookies = () =>
  w.port
    .snapshot()
    .cookies.filter((c) => c.domain.endsWith('eidbrygga.net'))
    .map((c) => c.name)
    .sort();

describe('the logout health report', () => {
  beforeEach(() => start());

  it('a broken logout (the IdP session cookie still there) counts as left signed in; the purge still clears it', async () => {
    const tab = w.port.openTab({ url: `${ESERVICE}/` });
    await logIn(tab);
    await logOut(tab);

    // The whole stored object: a rule label and two counts, nothing else (no URL, host, time or person).
    expect(await healthReport.getValue()).toEqual({
      services: { 'Järfälla kommun': { leftSignedIn: 1, ended: 0, loginServices: [] } },
    });
    expect(idpCookies()).toEqual([]);
    expect(await bg.storage.lastReport.getValue()).toMatchObject({ trigger: 'site-logout', verified: true });
    // What was kept of the login goes with the count; the trip went when the tab came back to the service.
    expect(await loginsSeen.getValue()).toEqual({ trips: {}, signedIn: {} });
  });

  it('a fixed logout (its front-channel logout ends the IdP session) counts as ended', async () => {
    const tab = w.port.openTab({ url: `${ESERVICE}/` });
    await logIn(tab);
    await logOut(tab, {
      via: [`${IDP}/saml/logout`],
      atIdp: () => w.port.setCookie({ ...ssoCookie('login.eidbrygga.net', ''), expirationDate: GONE }),
    });

    expect(await healthReport.getValue()).toEqual({
      services: { 'Järfälla kommun': { leftSignedIn: 0, ended: 1, loginServices: [] } },
    });
  });

  it('language and consent cookies of the login service alone do not count as signed in', async () => {
    const tab = w.port.openTab({ url: `${ESERVICE}/` });
    await logIn(tab, {
      // The IdP's first page sets its language (HttpOnly, set by the server) before anyone logs in …
      before: () => w.port.setCookie({ name: 'lang', domain: '.eidbrygga.net', value: 'sv', httpOnly: true }),
      // … and its consent banner, clicked during the login, a cookie scripts write and read.
      during: () => w.port.setCookie({ name: 'cookie_consent', domain: 'login.eidbrygga.net', value: 'yes' }),
    });
    await logOut(tab, {
      via: [`${IDP}/saml/logout`],
      atIdp: () => w.port.setCookie({ ...ssoCookie('login.eidbrygga.net', ''), expirationDate: GONE }),
    });

    expect(await healthReport.getValue()).toEqual({
      services: { 'Järfälla kommun': { leftSignedIn: 0, ended: 1, loginServices: [] } },
    });
  });

  it('the same tab, from the kommun’s logged-out page, logs in to Vklass through the same IdP: Vklass’s logout is Vklass’s count', async () => {
    const tab = w.port.openTab({ url: `${ESERVICE}/` });
    await logIn(tab);
    await logOut(tab);
    // The purge took the IdP's session with the kommun's group; the tab stays on the kommun's logged-out page.
    await navigate(bg, tab, {
      url: `${VKLASS}/login`,
      redirects: [`${IDP}/sso?SAMLRequest=y`],
      transitionType: 'typed',
    });
    w.port.setCookie(ssoCookie('login.eidbrygga.net', 'sso-second'));
    await navigate(bg, tab, {
      url: `${VKLASS}/Saml/SignIn`,
      redirects: [`${VKLASS}/Guardian/Overview`],
      transitionType: 'form_submit',
    });
    await logOut(tab, {
      service: VKLASS,
      via: [`${IDP}/saml/logout`],
      atIdp: () => w.port.setCookie({ ...ssoCookie('login.eidbrygga.net'), expirationDate: GONE }),
    });
    expect(await healthReport.getValue()).toEqual({
      services: {
        'Järfälla kommun': { leftSignedIn: 1, ended: 0, loginServices: [] },
        Vklass: { leftSignedIn: 0, ended: 1, loginServices: [] },
      },
    });
  });

  it('a session cookie whose value the logout changed (the IdP rotated it) counts as ended', async () => {
    const tab = w.port.openTab({ url: `${ESERVICE}/` });
    await logIn(tab);
    await logOut(tab, {
      via: [`${IDP}/saml/logout`],
      atIdp: () => w.port.setCookie(ssoCookie('login.eidbrygga.net', 'anonymous')),
    });
    expect((await healthReport.getValue()).services['Järfälla kommun']).toMatchObject({
      leftSignedIn: 0,
      ended: 1,
    });
  });

  it('counts per service and names a listed login service; nothing of the person, the URLs or the time is stored', async () => {
    for (const outcome of ['left', 'left', 'ended'] as const) {
      const tab = w.port.openTab({ url: `${VKLASS}/` });
      await logInRoundTrip(bg, tab, {
        service: VKLASS,
        idp: CGI,
        landing: '/Guardian/Overview',
        atIdp: () => w.port.setCookie(ssoCookie('idp.funktionstjanster.se', `t-${outcome}-Anna`)),
      });
      await logOut(tab, {
        service: VKLASS,
        via: [`${CGI}/logout`],
        atIdp: () =>
          outcome === 'ended'
            ? w.port.setCookie({ ...ssoCookie('idp.funktionstjanster.se'), expirationDate: GONE })
            : undefined,
      });
      w.clock.advance(60_000);
    }
    const stored = await healthReport.getValue();
    expect(stored).toEqual({
      services: { Vklass: { leftSignedIn: 2, ended: 1, loginServices: ['Inloggningstjänst (CGI)'] } },
    });
    // What the report puts on disk (the one item), byte for byte.
    const local = await fakeStorageLocal();
    const keys = Object.keys(local).filter((k) => k.startsWith('health'));
    expect(keys).toEqual(['health-report']);
    const raw = JSON.stringify(keys.map((k) => local[k]));
    for (const never of ['Anna', 'https', 'vklass.se', 'funktionstjanster', String(T0).slice(0, 6)])
      expect(raw).not.toContain(never);
  });

  it('a logout whose login Safe Logout did not see being made (the session was there before) counts nothing', async () => {
    const tab = w.port.openTab({ url: `${ESERVICE}/` });
    // Signed in at the IdP already (single sign-on from earlier): the login passes it silently.
    w.port.setCookie(ssoCookie('login.eidbrygga.net'));
    await logInRoundTrip(bg, tab);
    await logOut(tab);
    expect(await healthReport.getValue()).toEqual({ services: {} });
    expect(idpCookies()).toEqual([]);
  });

  it('a failed cookie read at the logout counts nothing and the purge still runs and verifies', async () => {
    const tab = w.port.openTab({ url: `${ESERVICE}/` });
    await logIn(tab);
    await bg.onBeforeNavigate({ tabId: tab, frameId: 0, url: `${ESERVICE}/logout` });
    await bg.onRequest({ tabId: tab, url: `${ESERVICE}/logout`, type: 'main_frame' });
    await bg.onCommitted({ tabId: tab, frameId: 0, url: `${ESERVICE}/logout`, transitionType: 'link' });
    w.port.failNext('findCookies');
    await bg.onCompleted({ tabId: tab, frameId: 0 });

    expect(await healthReport.getValue()).toEqual({ services: {} });
    expect(idpCookies()).toEqual([]);
    expect(await bg.storage.lastReport.getValue()).toMatchObject({ trigger: 'site-logout', verified: true });
  });

  it('IT clears it from an extension page; a web page cannot', async () => {
    const tab = w.port.openTab({ url: `${ESERVICE}/` });
    await logIn(tab);
    await logOut(tab);
    const page = { id: w.api.runtime.id, url: `${ESERVICE}/`, tab: { id: tab }, frameId: 0 };
    expect(await bg.send('clearHealthReport', {}, page)).toMatchObject({ refused: expect.any(String) });
    expect(Object.keys((await bg.send('getHealthReport', {})).report.services)).toEqual(['Järfälla kommun']);
    expect(await bg.send('clearHealthReport', {})).toEqual({ cleared: true });
    expect(await bg.send('getHealthReport', {})).toEqual({ enabled: true, report: { services: {} } });
  });
});

describe('a site on no list', () => {
  beforeEach(() => start());

  it('is protected by following its login, but never named in the report: only rule labels are kept', async () => {
    const service = 'https://mina.bostadsbolaget-exempel.se';
    const tab = w.port.openTab({ url: `${service}/` });
    await logInRoundTrip(bg, tab, {
      service,
      idp: 'https://login.grandid.com',
      onService: () => w.port.setCookie({ name: 'bb_session', domain: 'mina.bostadsbolaget-exempel.se' }),
      atIdp: () => w.port.setCookie(ssoCookie('login.grandid.com')),
    });
    await navigate(bg, tab, { url: `${service}/logout` });

    expect(await bg.storage.lastReport.getValue()).toMatchObject({ trigger: 'site-logout', verified: true });
    expect(await healthReport.getValue()).toEqual({ services: {} });
  });

  it('signed in through the same login service as a kommun e-service: its logout is not counted as the kommun’s, nor by its host', async () => {
    const kommun = w.port.openTab({ url: `${ESERVICE}/` });
    await logInRoundTrip(bg, kommun, {
      idp: CGI,
      atIdp: () => w.port.setCookie(ssoCookie('idp.funktionstjanster.se')),
    });
    const service = 'https://mina.bostadsbolaget-exempel.se';
    const tab = w.port.openTab({ url: `${service}/` });
    await logInRoundTrip(bg, tab, {
      service,
      idp: CGI,
      atIdp: () => w.port.setCookie(ssoCookie('idp.funktionstjanster.se', 'sso-second Anna Andersson')),
    });
    await navigate(bg, tab, { url: `${service}/logout` });

    expect(await bg.storage.lastReport.getValue()).toMatchObject({ trigger: 'site-logout', verified: true });
    expect(await healthReport.getValue()).toEqual({ services: {} });
  });
});

describe('IT policy healthReport: false', () => {
  beforeEach(() => start({ healthReport: false }));

  it('observes nothing, records nothing, shows nothing; the purge is unchanged', async () => {
    const tab = w.port.openTab({ url: `${ESERVICE}/` });
    await logIn(tab);
    await logOut(tab);
    expect(await healthReport.getValue()).toEqual({ services: {} });
    expect(await loginsSeen.getValue()).toEqual({ trips: {}, signedIn: {} });
    expect(await bg.send('getHealthReport', {})).toEqual({ enabled: false, report: { services: {} } });
    expect(idpCookies()).toEqual([]);
    expect(await bg.storage.lastReport.getValue()).toMatchObject({ trigger: 'site-logout', verified: true });
  });

  it('what was counted before IT turned it off goes at the next page load: nothing hidden stays on disk', async () => {
    await healthReport.setValue({ services: { Vklass: { leftSignedIn: 3, ended: 0, loginServices: [] } } });
    const tab = w.port.openTab({ url: `${ESERVICE}/` });
    await navigate(bg, tab, { url: `${ESERVICE}/` });
    expect(await healthReport.getValue()).toEqual({ services: {} });
  });
});

/** Everything the extension keeps on disk (storage.local), as one object. */
async function fakeStorageLocal() {
  const { fakeBrowser } = await import('wxt/testing');
  return fakeBrowser.storage.local.get(null);
}
