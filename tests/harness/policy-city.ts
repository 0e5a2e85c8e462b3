/**
 * The city the deployment tests install Safe Logout for: its e-service is on no built-in list, so only IT's
 * policy (`protectedDomains`) protects it. One scenario, run in whichever browser the policy installed it in.
 */
import { expect } from 'vitest';
import type { Sim } from '../sim';
import type { BrowserSession } from './browser-session';
import { loginAs, readNewspaper } from './person';
import { ANNA, purgeDone } from './scenario';

export const CITY_ESERVICE = 'e-tjanster.exempelstad.se';
export const CITY_DOMAIN = 'exempelstad.se';

/**
 * Anna logs in to the e-service only the policy protects, a newspaper open beside it, and closes the tab: the
 * e-service's cookies and the IdP's SSO cookie go (verified), the newspaper's stays.
 */
export async function policyLoginPurgedOnClose(session: BrowserSession, city: Sim): Promise<void> {
  await readNewspaper(await session.newTab(), city);
  const tab = await session.newTab();
  await loginAs(tab, city.urls.kommun, ANNA);
  const names = async () =>
    (await session.allCookies()).map((c) => `${c.domain.replace(/^\./, '')} ${c.name}`);
  expect(await names()).toContain(`${CITY_ESERVICE} ${city.services.kommun.sessionCookie}`);
  expect(await names()).toContain(`${city.hosts.idp} ${city.idpCookies.sso}`);

  const since = Date.now();
  await tab.close();
  const report = await purgeDone(session, 'last-tab-closed', since);
  expect(report.verified).toBe(true);
  const after = await names();
  expect(
    after.filter((n) => n.split(' ')[0]!.endsWith(CITY_DOMAIN)),
    'the e-service’s cookies',
  ).toEqual([]);
  expect(after, 'the IdP’s SSO cookie').not.toContain(`${city.hosts.idp} ${city.idpCookies.sso}`);
  expect(after, 'a stranger’s cookie is untouched').toContain(
    `${city.hosts.newspaper} ${city.newspaper.cookie}`,
  );
}
