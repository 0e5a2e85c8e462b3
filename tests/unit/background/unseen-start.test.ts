/**
 * #11 item 11 over the real background: a login whose first request came before the worker's listeners (found in
 * real Chromium, tests/e2e/early-login.test.ts). The wake finds the tab already on the IdP on no list; the rest
 * of the login arrives as events; closing the tab purges the service and the IdP — on a fresh profile (the
 * extension's first install) and at a browser start.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { closeTab, createWorld, navigate, startWorker, type World } from '../helpers/background-world';

const KOMMUN = 'https://e-tjanster.jarfalla.se';
const IDP = 'https://login.eidbrygga.net';

let w: World;

beforeEach(() => {
  fakeBrowser.reset();
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  w = createWorld();
});

const cookies = () =>
  w.port
    .snapshot()
    .cookies.map((c) => c.name)
    .sort();

async function loginBeforeTheListeners(browserStart: boolean): Promise<void> {
  if (browserStart) {
    await startWorker(w); // installed in an earlier session
    await fakeBrowser.storage.session.clear();
  }
  // The service's /login request and its redirect to the IdP came before the listeners: the wake finds the tab
  // on the IdP.
  const tab = w.port.openTab({ url: `${IDP}/sso?SAMLRequest=x` });
  w.port.setCookie({ name: 'JSESSIONID', domain: 'e-tjanster.jarfalla.se' });
  w.port.setCookie({ name: 'eidbrygga_sso', domain: 'login.eidbrygga.net' });
  const bg = await startWorker(w);
  await navigate(bg, tab, { url: `${IDP}/bankid`, transitionType: 'form_submit' });
  await navigate(bg, tab, {
    url: `${KOMMUN}/saml/acs`,
    redirects: [`${KOMMUN}/mina-sidor`],
    transitionType: 'form_submit',
  });
  const hosts = Object.values((await bg.storage.sessionState.getValue()).groups).flatMap((g) => g.hosts);
  expect(hosts.sort()).toEqual(['e-tjanster.jarfalla.se', 'login.eidbrygga.net']);

  await closeTab(bg, w, tab);
  w.clock.advance(10_000);
  await bg.fireDueAlarms();
  expect(cookies()).toEqual([]);
}

describe('a login whose start came before the worker’s listeners', () => {
  it('on a fresh profile: the IdP on no list joins its group, and closing the tab purges both', () =>
    loginBeforeTheListeners(false));
  it('at a browser start: the same', () => loginBeforeTheListeners(true));
});
