/**
 * Private windows and containers, through the real background over the fake browser: a login in a tab of
 * another cookie store (Chromium incognito `'1'`, a Firefox container) forms its own group, is kept in the
 * ledger with its store, and the last tab closing purges that store only — the same site signed in in the
 * normal window keeps its cookies, its storage and its tab.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import {
  createWorld,
  freshBrowserEachTest,
  logInRoundTrip,
  startWorker,
  type Worker,
  type World,
} from '../helpers/background-world';

const ESERVICE = 'https://e-tjanster.jarfalla.se';

let bg: Worker;
let w: World;

freshBrowserEachTest();

beforeEach(async () => {
  w = createWorld();
  bg = await startWorker(w);
});

/** A person signed in in a tab of `storeId` (absent: the regular store): the cookies and storage it leaves. */
async function signedIn(tab: number, storeId: string | undefined, person: string) {
  await logInRoundTrip(bg, tab, {
    onService: () =>
      w.port.setCookie({ name: 'JSESSIONID', value: person, domain: 'e-tjanster.jarfalla.se', storeId }),
    atIdp: () => w.port.setCookie({ name: 'idp_sso', value: person, domain: 'login.eidbrygga.net', storeId }),
  });
  w.port.setSiteData({ origin: ESERVICE, kind: 'localStorage', key: person, storeId });
}

const cookies = () =>
  w.port
    .snapshot()
    .cookies.map((c) => `${c.storeId} ${c.name}=${c.value}`)
    .sort();
const storage = () =>
  w.port
    .snapshot()
    .siteData.map((d) => `${d.storeId} ${d.origin} ${d.key}`)
    .sort();

describe.each([
  // Chromium's browsingData never reaches incognito, and the person closed the tab (no page is left to empty
  // it): her localStorage stays until the incognito windows close (docs/architecture.md) — her cookies go.
  ['an incognito window (Chromium)', { incognito: true }, '1', [`1 ${ESERVICE} berit`]],
  ['a Firefox container', { cookieStoreId: 'firefox-container-1' }, 'firefox-container-1', []],
])('a login in %s', (_, seed, storeId, storageLeft) => {
  it('forms its own group, kept in the ledger with its store; its last tab closing purges that store only', async () => {
    const anna = w.port.openTab({ url: `${ESERVICE}/` });
    await signedIn(anna, undefined, 'anna');
    const berit = w.port.openTab({ url: `${ESERVICE}/`, ...seed });
    await signedIn(berit, storeId, 'berit');

    const groups = Object.values((await bg.storage.sessionState.getValue()).groups);
    expect(groups.map((g) => [g.storeId, g.tabIds, g.hosts.sort()])).toEqual(
      expect.arrayContaining([
        [undefined, [anna], ['e-tjanster.jarfalla.se', 'login.eidbrygga.net']],
        [storeId, [berit], ['e-tjanster.jarfalla.se', 'login.eidbrygga.net']],
      ]),
    );
    expect(groups).toHaveLength(2);
    const ledger = Object.values(await bg.storage.ledger.getValue());
    expect(ledger.map((e) => e.storeId).sort()).toEqual([storeId, undefined].sort());

    // The person closes it (the browser's own close: no script of the extension's runs in it).
    w.port.personClosesTab(berit);
    await bg.onTabRemoved(berit);
    w.clock.advance((await w.ctx.settings()).graceSeconds * 1000);
    await bg.fireDueAlarms();

    expect(await bg.storage.lastReport.getValue()).toMatchObject({
      trigger: 'last-tab-closed',
      verified: true,
    });
    expect(cookies()).toEqual(['0 JSESSIONID=anna', '0 idp_sso=anna']);
    expect(storage()).toEqual([`0 ${ESERVICE} anna`, ...storageLeft].sort());
    expect(w.port.snapshot().tabs.map((t) => t.id)).toContain(anna);
    const left = Object.values((await bg.storage.sessionState.getValue()).groups);
    expect(left.map((g) => g.storeId)).toEqual([undefined]);
    expect(Object.values(await bg.storage.ledger.getValue()).map((e) => e.storeId)).toEqual([undefined]);
  });
});

describe('a browser start after a crash', () => {
  it('forgets the groups of private stores (their data went with the browser) and purges a container’s in the container', async () => {
    const anna = w.port.openTab({ url: `${ESERVICE}/`, incognito: true });
    await signedIn(anna, '1', 'anna');
    const berit = w.port.openTab({ url: `${ESERVICE}/`, cookieStoreId: 'firefox-container-1' });
    await signedIn(berit, 'firefox-container-1', 'berit');
    const cecilia = w.port.openTab({ url: `${ESERVICE}/` });
    await signedIn(cecilia, undefined, 'cecilia');
    expect(Object.values(await bg.storage.ledger.getValue()).map((e) => e.storeId ?? '')).toHaveLength(3);

    // The browser goes down. Incognito lived in memory: nothing of it is left; the container's cookies are on
    // disk. Cecilia's normal session is back too (restored), and the container's.
    await w.port.closeTabs(w.port.snapshot().tabs.map((t) => t.id));
    for (const c of w.port.snapshot().cookies.filter((c) => c.storeId === '1')) await w.port.removeCookie(c);
    await fakeBrowser.storage.session.clear();
    w.clock.advance(3600_000);
    bg = await startWorker(w);

    expect(await bg.storage.lastReport.getValue()).toMatchObject({
      trigger: 'browser-start',
      verified: true,
    });
    expect(cookies()).toEqual([]);
    // The incognito group left the ledger with nothing to purge; the others were purged and left it too.
    expect(await bg.storage.ledger.getValue()).toEqual({});
  });
});

describe('the button, with a container session alone in a window', () => {
  it('the window keeps a tab (the receipt): the container’s tabs closing never closes the browser', async () => {
    const anna = w.port.openTab({ url: `${ESERVICE}/`, windowId: 1 });
    await signedIn(anna, undefined, 'anna');
    const berit = w.port.openTab({ url: `${ESERVICE}/`, windowId: 2, cookieStoreId: 'firefox-container-1' });
    await signedIn(berit, 'firefox-container-1', 'berit');

    const report = await bg.logOutAll();

    expect(report).toMatchObject({ verified: true, tabsClosed: 2 });
    expect(cookies()).toEqual([]);
    const windows = w.port.snapshot().tabs.map((t) => t.windowId);
    expect([...new Set(windows)].sort(), 'both windows are still open').toEqual([1, 2]);
  });
});

describe('an owed purge of a container session', () => {
  it('is retried in its container even while the same site is signed in in the normal window: never folded into that session', async () => {
    const berit = w.port.openTab({ url: `${ESERVICE}/`, cookieStoreId: 'firefox-container-1' });
    await signedIn(berit, 'firefox-container-1', 'berit');
    const unstick = w.port.stickCookies((c) => c.storeId === 'firefox-container-1' && c.name === 'idp_sso');
    expect(await bg.logOutAll()).toMatchObject({ owed: true });
    unstick();

    // Anna signs in in a normal tab before the retry.
    const anna = w.port.openTab({ url: `${ESERVICE}/` });
    await signedIn(anna, undefined, 'anna');
    w.clock.advance(30_000);
    await bg.fireDueAlarms();

    expect(cookies(), 'the container’s leftover went; Anna’s session stays').toEqual([
      '0 JSESSIONID=anna',
      '0 idp_sso=anna',
    ]);
    const ledger = Object.values(await bg.storage.ledger.getValue());
    expect(ledger.map((e) => [e.storeId, !!e.owed])).toEqual([[undefined, false]]);
  });
});
