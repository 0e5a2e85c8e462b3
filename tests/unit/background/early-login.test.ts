/**
 * A login at the very start of the browser (#11 item 11): its navigations came before the worker's listeners,
 * so no event formed its group. The browser-start wake must adopt it, not sweep it — while a protected page
 * the last session left (restored after a crash) is still closed and purged.
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

const JARFALLA = 'https://e-tjanster.jarfalla.se';
const HUDDINGE = 'https://www.huddinge.se';

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
const openTabs = () => w.port.snapshot().tabs.map((t) => t.id);

describe('a login in the first moments of a browser start', () => {
  it('is adopted (its tab stays, its session too) and purged when its tab closes; a restored page of the last session is closed and purged', async () => {
    // The last session: logged in to Järfälla, then the browser crashed.
    const old = w.port.openTab({ url: `${JARFALLA}/` });
    await navigate(bg, old, { url: `${JARFALLA}/mina-sidor`, transitionType: 'typed' });
    w.port.setCookie({ name: 'JSESSIONID', domain: 'e-tjanster.jarfalla.se' });
    await w.port.closeTabs([old]);
    await fakeBrowser.storage.session.clear();
    w.clock.advance(3600_000);

    // The browser starts again: the page is restored, and the next person logs in to Huddinge at once — before
    // the worker's listeners exist (no event reaches the background).
    const restored = w.port.openTab({ url: `${JARFALLA}/mina-sidor` });
    const login = w.port.openTab({ url: `${HUDDINGE}/mina-sidor` });
    w.port.setCookie({ name: 'ASP.NET_SessionId', domain: 'www.huddinge.se' });
    bg = await startWorker(w);

    expect(openTabs()).toEqual([login]);
    expect(cookies()).toEqual(['ASP.NET_SessionId']);
    const hosts = Object.values((await bg.storage.sessionState.getValue()).groups).flatMap((g) => g.hosts);
    expect(hosts).toEqual(['www.huddinge.se']);
    expect(openTabs()).not.toContain(restored);

    w.port.personClosesTab(login);
    await bg.onTabRemoved(login);
    w.clock.advance(10_000);
    await bg.fireDueAlarms();
    expect(cookies()).toEqual([]);
  });
});
