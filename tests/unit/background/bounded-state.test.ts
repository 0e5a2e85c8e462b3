/**
 * Bounded state (issue 11, item 12): a page that floods long self-navigations cannot stop the tracking of other
 * tabs. storage.session has a quota (Chrome: 10 MB; a set past it is refused); the fake browser has none, so
 * this file gives it Chrome's.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { STATE_BUDGET_CHARS } from '@/utils/session-groups/bounds';
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

const ESERVICE = 'https://e-tjanster.jarfalla.se';
const IDP = 'https://login.eidbrygga.net';
const VKLASS = 'https://www.vklass.se';
/** chrome.storage.session.QUOTA_BYTES */
const SESSION_QUOTA = 10 * 1024 * 1024;

let bg: Worker;
let w: World;

function chromeSessionQuota() {
  const area = fakeBrowser.storage.session;
  const set = area.set.bind(area);
  area.set = async (items: Record<string, unknown>) => {
    const after = { ...(await area.get()), ...items };
    if (JSON.stringify(after).length > SESSION_QUOTA)
      throw new Error('Session storage quota bytes exceeded. Values were not stored.');
    return set(items);
  };
}

freshBrowserEachTest();

beforeEach(async () => {
  chromeSessionQuota();
  w = createWorld();
  bg = await startWorker(w);
});

describe('a page floods long self-navigations', () => {
  it('another tab’s login is still tracked, and purged when its last tab closes', async () => {
    // A protected page (a group of its own) navigates itself again and again to long addresses.
    const flood = w.port.openTab({ url: `${VKLASS}/` });
    await navigate(bg, flood, { url: `${VKLASS}/`, transitionType: 'typed' });
    // Long addresses first (a browser takes URLs of up to 2 MB), then ever shorter ones: whatever room is
    // left, the page fills it.
    const sizes = [
      ...Array<number>(5).fill(2_000_000),
      ...Array<number>(4).fill(100_000),
      ...Array<number>(8).fill(10_000),
      ...Array<number>(10).fill(1_000),
      ...Array<number>(10).fill(200),
    ];
    for (const [i, n] of sizes.entries())
      await bg.onRequest({ tabId: flood, url: `${VKLASS}/?${i}=${'A'.repeat(n)}`, type: 'main_frame' });

    // Meanwhile the person logs in to the kommun in another tab, through an IdP on no list.
    const tab = w.port.openTab({ url: `${ESERVICE}/` });
    await logInRoundTrip(bg, tab, {
      service: ESERVICE,
      idp: IDP,
      onService: () => w.port.setCookie({ name: 'JSESSIONID', domain: 'e-tjanster.jarfalla.se' }),
      atIdp: () => w.port.setCookie({ name: 'idp_sso', domain: 'login.eidbrygga.net' }),
    });
    const groups = Object.values((await bg.storage.sessionState.getValue()).groups);
    expect(groups.find((g) => g.sites.some((s) => s.label === 'Järfälla kommun'))?.hosts).toEqual(
      expect.arrayContaining(['e-tjanster.jarfalla.se', 'login.eidbrygga.net']),
    );

    // The person closes the tab and leaves: the kommun's session goes, the IdP's included.
    await closeTab(bg, w, tab);
    w.clock.advance((await w.ctx.settings()).graceSeconds * 1000);
    await bg.fireDueAlarms();
    expect(w.port.snapshot().cookies.map((c) => c.name)).toEqual([]);
    expect(await bg.storage.lastReport.getValue()).toMatchObject({
      trigger: 'last-tab-closed',
      labels: ['Järfälla kommun'],
      verified: true,
    });
    // The flood itself stayed within the budget.
    const stored = JSON.stringify(await fakeBrowser.storage.session.get()).length;
    expect(stored).toBeLessThanOrEqual(STATE_BUDGET_CHARS + 100_000);
  });
});
