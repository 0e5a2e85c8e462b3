/**
 * A login in progress through an IdP on no list, through the real background: the IdP has been reached by the
 * service's redirect but the person is not back yet (BankID on the phone). Found by the chaos run.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import {
  createWorld,
  freshBrowserEachTest,
  navigate,
  startWorker,
  type Worker,
  type World,
} from '../helpers/background-world';

const ESERVICE = 'https://e-tjanster.jarfalla.se';
const IDP = 'https://login.eidbrygga.net';

let w: World;
let bg: Worker;

freshBrowserEachTest();

beforeEach(async () => {
  w = createWorld();
  bg = await startWorker(w);
});

const cookies = () =>
  w.port
    .snapshot()
    .cookies.map((c) => c.name)
    .sort();

/** In a new tab: the e-service, its /login redirecting to the IdP, where the IdP sets its single sign-on. */
async function startLogin(): Promise<number> {
  const tab = w.port.openTab({ url: `${ESERVICE}/` });
  await navigate(bg, tab, { url: `${ESERVICE}/`, transitionType: 'typed' });
  await navigate(bg, tab, { url: `${ESERVICE}/login`, redirects: [`${IDP}/sso?SAMLRequest=x`] });
  w.port.setCookie({ name: 'JSESSIONID', domain: 'e-tjanster.jarfalla.se' });
  w.port.setCookie({ name: 'idp_sso', domain: 'login.eidbrygga.net', secure: true });
  return tab;
}

describe('a login in progress through an IdP on no list', () => {
  it('the button while the person is on the IdP: the IdP goes too', async () => {
    await startLogin();
    await bg.logOutAll();
    expect(cookies()).toEqual([]);
  });

  it('its tab closed on the IdP: the IdP goes when the group is purged', async () => {
    const tab = await startLogin();
    w.port.personClosesTab(tab);
    await bg.onTabRemoved(tab);
    w.clock.advance(5_000);
    await bg.fireDueAlarms();
    expect(cookies()).toEqual([]);
  });

  it('a crash while the person is on the IdP: the next browser start purges the IdP too (it is in the ledger)', async () => {
    await startLogin();
    expect(Object.values(await bg.storage.ledger.getValue()).flatMap((e) => e.hosts)).toContain(
      'login.eidbrygga.net',
    );
    for (const t of w.port.snapshot().tabs) w.port.personClosesTab(t.id);
    await fakeBrowser.storage.session.clear();
    w.clock.advance(60_000);
    bg = await startWorker(w);
    expect(cookies()).toEqual([]);
  });

  it('the site’s logout in another tab of the group waits: that login is in progress', async () => {
    const first = w.port.openTab({ url: `${ESERVICE}/` });
    await navigate(bg, first, { url: `${ESERVICE}/mina-sidor`, transitionType: 'typed' });
    await startLogin();
    await navigate(bg, first, { url: `${ESERVICE}/logout`, redirects: [`${ESERVICE}/utloggad`] });
    expect(cookies()).toEqual(['JSESSIONID', 'idp_sso']);
    expect(await bg.storage.lastReport.getValue()).toBeNull();
  });
});
