/**
 * #14 in real browsers: a login in a private window or a container is a session of its own, in its own cookie
 * store. Anna is signed in to Järfälla in a normal window and Berit to the same e-service in a container (or a
 * private window); when one of them leaves, only her store is purged and the other is still signed in — her
 * session cookie, the IdP's single sign-on, her localStorage.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserCookie, Tab } from '../harness/browser-session';
import { type FirefoxLab, launchLab } from '../harness/firefox-lab';
import { loginAs } from '../harness/person';
import { ANNA, BERIT, purgeDone } from '../harness/scenario';
import { type Sim, startSim } from '../sim';

const REGULAR = 'firefox-default';

let sim: Sim;
let lab: FirefoxLab | undefined;

beforeAll(async () => {
  sim = await startSim({ portInUrls: true });
});
afterEach(async () => {
  await lab?.close();
  lab = undefined;
});
afterAll(async () => {
  await sim?.close();
});

/** The kommun's session cookie and the IdP's single sign-on, per cookie store (`store name`). */
const sessionCookies = (cookies: readonly BrowserCookie[]) =>
  cookies
    .filter(
      (c) =>
        (c.name === sim.services.kommun.sessionCookie && c.domain.endsWith(sim.hosts.kommun)) ||
        c.name === sim.idpCookies.sso,
    )
    .map((c) => `${c.storeId} ${c.name}`)
    .sort();

/** Whom the kommun's login greets in this tab without anyone typing (null: it asks for a login). */
async function signedInAs(tab: Tab): Promise<string | null> {
  await tab.goto(sim.urls.kommun.login);
  await tab.waitFor('body[data-page="overview"], body[data-page="idp-login"]', 'redirects');
  return tab.bodyData('loggedInAs');
}

/** The e-service's localStorage in this tab's store (its keys start with the service's prefix). */
const storedProfile = (tab: Tab) =>
  tab.evaluate(
    (prefix: string) => Object.keys(localStorage).filter((k) => k.startsWith(prefix)).length,
    `${sim.services.kommun.storagePrefix}.`,
  );

describe('Firefox: a container is a session of its own', () => {
  it('Berit’s container closes: only the container is purged; Anna, in a normal tab, is still signed in — and the other way round', async () => {
    lab = await launchLab(sim);
    const anna = await lab.newTab();
    await loginAs(anna, sim.urls.kommun, ANNA);
    const { context, tab: berit } = await lab.containerTab();
    await loginAs(berit, sim.urls.kommun, BERIT);
    const container = (await lab.noteStores()).find((s) => s.startsWith('firefox-container-'))!;
    expect(sessionCookies(await lab.allCookies())).toEqual(
      [
        `${REGULAR} ${sim.idpCookies.sso}`,
        `${REGULAR} ${sim.services.kommun.sessionCookie}`,
        `${container} ${sim.idpCookies.sso}`,
        `${container} ${sim.services.kommun.sessionCookie}`,
      ].sort(),
    );
    expect(await storedProfile(anna)).toBeGreaterThan(0);

    // Berit closes her container tab: her group is purged (1 s grace), in the container only.
    let since = Date.now();
    await berit.close();
    expect(await purgeDone(lab, 'last-tab-closed', since)).toMatchObject({ verified: true, failures: [] });
    expect(sessionCookies(await lab.allCookies())).toEqual(
      [`${REGULAR} ${sim.idpCookies.sso}`, `${REGULAR} ${sim.services.kommun.sessionCookie}`].sort(),
    );
    expect(await storedProfile(anna), 'Anna’s localStorage stays').toBeGreaterThan(0);
    expect(await signedInAs(anna), 'Anna is still signed in').toBe(ANNA.name);
    const next = (await import('../harness/firefox-lab')).firefoxTab(await context.newPage());
    expect(await signedInAs(next), 'the container asks for a login again').toBeNull();
    expect(await storedProfile(next), 'nothing of Berit’s is left in the container').toBe(0);

    // Berit signs in again in the container; now Anna leaves: only the normal store is purged.
    await loginAs(next, sim.urls.kommun, BERIT);
    since = Date.now();
    await anna.close();
    expect(await purgeDone(lab, 'last-tab-closed', since)).toMatchObject({ verified: true, failures: [] });
    expect(sessionCookies(await lab.allCookies())).toEqual(
      [`${container} ${sim.idpCookies.sso}`, `${container} ${sim.services.kommun.sessionCookie}`].sort(),
    );
    expect(await signedInAs(next), 'Berit is still signed in in her container').toBe(BERIT.name);
    expect(await storedProfile(next)).toBeGreaterThan(0);
    const normal = await lab.newTab();
    expect(await signedInAs(normal), 'a normal tab asks for a login again').toBeNull();
  });
});
