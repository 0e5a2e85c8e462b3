/**
 * #11 item 4 in real Chromium and real Firefox ESR: a host joins a session group only when a login took it
 * there. Anna logs in to the kommun, follows the link on Mina sidor to the local newspaper (an unrelated site,
 * which sets its cookie and localStorage), comes straight back by the newspaper's link to Mina sidor, and
 * presses "Log out and clear": the kommun's session is gone, and the newspaper keeps its cookie, its storage
 * and its history. Before the fix the link and the quick way back made the newspaper a host of the kommun's
 * group, and the purge took its data with the group's.
 *
 * Needs `npm run build` first (`npm test` builds).
 */
import { describe, expect, it } from 'vitest';
import { BROWSERS, simAndBrowsers } from '../harness/browsers';
import { nextPersonReach } from '../harness/next-person';
import {
  ANNA,
  firstPersonVisit,
  PURGE_TRIGGER,
  performTrigger,
  purgeDone,
  visitsOf,
} from '../harness/scenario';
import type { Sim } from '../sim';

describe.each(BROWSERS)('$name: a site reached by a link from Mina sidor is not the kommun’s', (b) => {
  let sim: Sim;
  const browser = simAndBrowsers(b, (s) => {
    sim = s;
  });

  it('Anna follows the newspaper link and comes back; “Log out and clear” leaves the newspaper its cookie, storage and history', async () => {
    const session = await browser();
    const tab = await firstPersonVisit(session, sim, ANNA);

    // Mina sidor → the newspaper, by the link on the page (a real click), and back by the newspaper's link.
    await tab.click(`main a[href^="${sim.urls.newspaper.origin}"]`);
    await tab.waitFor('body[data-page="newspaper"][data-storage-ready]');
    await tab.click(`main a[href="${sim.urls.kommun.overview}"]`);
    await tab.waitFor('body[data-page="overview"][data-storage-ready]');
    expect(await tab.bodyData('loggedInAs')).toBe(ANNA.name);

    const paperCookie = async () =>
      (await session.allCookies()).filter((c) => c.name === sim.newspaper.cookie).map((c) => c.value);
    const cookieBefore = await paperCookie();
    expect(cookieBefore, 'the newspaper set its cookie').toHaveLength(1);
    const visitsBefore = await visitsOf(session, sim.urls.newspaper.start);
    expect(visitsBefore, 'the newspaper is in history (read before login, and by the link)').toBeGreaterThan(
      1,
    );

    const { since } = await performTrigger(session, tab, sim, 'button');
    expect(await purgeDone(session, PURGE_TRIGGER.button, since)).toMatchObject({
      verified: true,
      failures: [],
    });
    expect(tab.isClosed(), 'the kommun’s tab closed').toBe(true);

    // The newspaper keeps its cookie (the same visitor) and its history, read before anyone visits it again.
    expect(await paperCookie(), 'the newspaper’s cookie').toEqual(cookieBefore);
    expect(await visitsOf(session, sim.urls.newspaper.start), 'visits of the newspaper in history').toBe(
      visitsBefore,
    );

    const reach = await nextPersonReach(session, sim, { loginOrder: ['kommun'] });
    expect(reach.unrelated, 'the newspaper keeps its cookie and its localStorage').toEqual({
      cookie: true,
      localStorage: true,
    });
    // The kommun's session is gone, as after every purge.
    expect(reach.cookies.group, 'cookies of the group').toEqual([]);
    expect(reach.idpSsoAs).toBeNull();
    expect(reach.login.kommun?.loggedInAs, 'the kommun logs the next person in').toBeNull();
    expect(reach.login.kommun?.askedToLogIn, 'the kommun asks the next person to identify').toBe(true);
  });
});
