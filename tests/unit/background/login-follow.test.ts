/**
 * Protection that follows the login (#12), through the real background: a housing company's "Mina sidor" on no
 * list logs in through GrandID (a listed login service). From the moment the login came back to it, the site is
 * purged with GrandID's group by every trigger; a site that only linked to GrandID is never touched.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import {
  closeTab,
  createWorld,
  freshBrowserEachTest,
  logInRoundTrip,
  navigate,
  startWorker,
  type Worker,
  type World,
} from '../helpers/background-world';

const SERVICE = 'https://mina.bostadsbolaget-exempel.se';
const GRANDID = 'https://login.grandid.com';

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

/** Anna logs in to the service through GrandID; both set their cookies, and a stranger's site keeps its own. */
async function annaLogsIn(): Promise<number> {
  w.port.setCookie({ name: 'paper', domain: 'www.lokaltidningen.se' });
  const tab = w.port.openTab({ url: `${SERVICE}/` });
  await logInRoundTrip(bg, tab, {
    service: SERVICE,
    idp: GRANDID,
    onService: () => w.port.setCookie({ name: 'bb_session', domain: 'mina.bostadsbolaget-exempel.se' }),
    atIdp: () => w.port.setCookie({ name: 'grandid_sso', domain: 'login.grandid.com', secure: true }),
  });
  w.port.setCookie({ name: 'bb_prefs', domain: '.bostadsbolaget-exempel.se' });
  return tab;
}

describe('a service on no list that logs in through a known login service', () => {
  it('the site’s own logout purges it with GrandID: the strangers keep theirs', async () => {
    const tab = await annaLogsIn();
    await navigate(bg, tab, { url: `${SERVICE}/logout` });
    expect(cookies()).toEqual(['paper']);
    expect(await bg.storage.lastReport.getValue()).toMatchObject({
      trigger: 'site-logout',
      signedInThrough: { 'mina.bostadsbolaget-exempel.se': 'GrandID (Svensk e-identitet)' },
    });
  });

  it('in a tab opened by Ctrl+T from the newspaper’s (the browser files it under that tab as its opener), the site’s logout purges it all the same: no page holds a handle on it', async () => {
    const news = w.port.openTab({ url: 'https://www.lokaltidningen.se/' });
    const query = w.ctx.tabs.query;
    w.ctx.tabs.query = async () =>
      (await query()).map((t) => (t.id !== news ? { ...t, openerTabId: news } : t));
    const tab = await annaLogsIn();
    await navigate(bg, tab, { url: `${SERVICE}/logout` });
    expect(cookies()).toEqual(['paper']);
  });

  it('its last tab closing purges it', async () => {
    const tab = await annaLogsIn();
    await closeTab(bg, w, tab);
    w.clock.advance(5_000);
    await bg.fireDueAlarms();
    expect(cookies()).toEqual(['paper']);
  });

  it('the button purges it', async () => {
    await annaLogsIn();
    await bg.logOutAll();
    expect(cookies()).toEqual(['paper']);
  });

  it('a browser start purges it from the ledger', async () => {
    await annaLogsIn();
    expect(
      Object.values(await bg.storage.ledger.getValue()).flatMap((e) => e.sites.map((x) => x.scopeDomain)),
    ).toContain('bostadsbolaget-exempel.se');
    for (const t of w.port.snapshot().tabs) w.port.personClosesTab(t.id);
    await fakeBrowser.storage.session.clear();
    w.clock.advance(60_000);
    bg = await startWorker(w);
    expect(cookies()).toEqual(['paper']);
  });

  it('a site that only links to GrandID, the person never coming back, keeps its data', async () => {
    w.port.setCookie({ name: 'forening', domain: 'www.forening-exempel.se' });
    const tab = w.port.openTab({ url: 'https://www.forening-exempel.se/' });
    await navigate(bg, tab, { url: 'https://www.forening-exempel.se/', transitionType: 'typed' });
    await navigate(bg, tab, { url: `${GRANDID}/` });
    await navigate(bg, tab, { url: 'https://www.lokaltidningen.se/', transitionType: 'typed' });
    await bg.logOutAll();
    expect(cookies()).toEqual(['forening']);
  });
});
