/**
 * #11 item 6 in real Chromium: IT excludes a host under a protected domain (the library, bibliotek.jarfalla.se,
 * under Järfälla's jarfalla.se) by policy. Anna uses both; when Järfälla's session group is purged, the library
 * keeps its tab and its session: Chromium's cookie removal by origin would take the whole registrable domain,
 * so the library's cookies must never be in that call.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allCookies, type ChromiumSession } from '../harness/chromium';
import { loginAs } from '../harness/person';
import { type ChromiumPolicy, chromiumPolicy, extensionPolicy, launchWithPolicy } from '../harness/policy';
import { ANNA, purgeDone } from '../harness/scenario';
import { type Sim, startSim } from '../sim';

/** A second e-service of the same IdP, on a host under the kommun's protected domain: IT excludes it. */
const LIBRARY = 'bibliotek.jarfalla.se';

let sim: Sim;
let policy: ChromiumPolicy;
let session: ChromiumSession | undefined;

beforeAll(async () => {
  sim = await startSim({ hosts: { vklass: LIBRARY } });
  policy = await chromiumPolicy();
});

afterAll(async () => {
  await session?.close();
  await policy?.dispose(); // the policy file goes even when a test failed
  await sim?.close();
});

const cookieNames = async (s: ChromiumSession) =>
  (await allCookies(s.context)).map((c) => `${c.domain.replace(/^\./, '')} ${c.name}`);

describe('IT policy excludedDomains', () => {
  it('the kommun’s group is purged; the excluded library under its domain keeps its tab and its session', async () => {
    await policy.write(extensionPolicy({ excludedDomains: [LIBRARY] }));
    ({ session } = await launchWithPolicy(sim, (s) => s.excludedDomains.includes(LIBRARY)));
    const library = await session.context.newPage();
    await loginAs(library, sim.urls.vklass, ANNA);
    const kommun = await session.context.newPage();
    await kommun.goto(sim.urls.kommun.login); // single sign-on through the IdP
    await kommun.locator('body[data-page="overview"][data-storage-ready]').waitFor({ timeout: 15_000 });
    expect(await kommun.getAttribute('body', 'data-logged-in-as')).toBe(ANNA.name);
    const librarySession = `${LIBRARY} ${sim.services.vklass.sessionCookie}`;
    const kommunSession = `${sim.hosts.kommun} ${sim.services.kommun.sessionCookie}`;
    expect(await cookieNames(session)).toEqual(expect.arrayContaining([librarySession, kommunSession]));

    // Her last tab of the kommun closes: its group is purged (1 s grace).
    const since = Date.now();
    await kommun.close();
    // Done when the purge's own receipt is stored: its cookie sweep and verification have run.
    expect(await purgeDone(session, 'last-tab-closed', since)).toMatchObject({
      verified: true,
      failures: [],
    });
    const names = await cookieNames(session);
    expect(names, 'the kommun’s session went').not.toContain(kommunSession);
    expect(names, 'the excluded library keeps its session').toContain(librarySession);
    expect(library.isClosed(), 'the excluded library’s tab stays open').toBe(false);

    // The library still knows her: its login goes straight to her overview.
    await library.goto(sim.urls.vklass.login);
    await library.locator('body[data-page="overview"]').waitFor({ timeout: 15_000 });
    expect(await library.getAttribute('body', 'data-logged-in-as')).toBe(ANNA.name);
  });
});
