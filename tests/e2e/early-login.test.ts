/**
 * #11 item 11, in real Chromium: a login at the very start of a browser on a fresh profile (a computer re-imaged
 * for every visitor). The login starts the moment the extension's service worker exists — the harness does not
 * wait for its listeners (`skipExtensionReady`) — so navigations of the login may come before the worker
 * listens. The person logs in to a protected e-service through the IdP and closes the tab: the e-service's
 * session and the IdP's SSO cookie are purged, as after any last tab closing (protection.test.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  allCookies,
  type ChromiumSession,
  extensionId,
  launchChromium,
  workerLogTail,
} from '../harness/chromium';
import { loginAs } from '../harness/person';
import { ANNA } from '../harness/scenario';
import { type Sim, startSim } from '../sim';

/** How long the purge after the last tab closes may take (protection.test.ts's Chromium figure). */
const PURGE_WITHIN_MS = 20_000;

let sim: Sim;
let session: ChromiumSession | undefined;

beforeAll(async () => {
  sim = await startSim();
});

afterAll(async () => {
  await session?.close();
  await sim?.close();
});

type Named = { host: string; name: string };

describe('a login the moment the browser starts', () => {
  it('is protected: closing its tab purges the e-service’s session and the IdP’s SSO cookie', async () => {
    session = await launchChromium(sim, { withExtension: true, skipExtensionReady: true });
    await extensionId(session.context); // the worker exists; its listeners may not yet
    const page = await session.context.newPage();
    await loginAs(page, sim.urls.kommun, ANNA);

    const cookies = async (): Promise<Named[]> =>
      (await allCookies(session!.context)).map((c) => ({ host: c.domain.replace(/^\./, ''), name: c.name }));
    const has = (c: Named[], host: string, name: string) => c.some((x) => x.host === host && x.name === name);
    const before = await cookies();
    expect(has(before, sim.hosts.kommun, sim.services.kommun.sessionCookie), 'logged in').toBe(true);
    expect(has(before, sim.hosts.idp, sim.idpCookies.sso), 'the IdP’s SSO').toBe(true);

    // What the extension made of the login (printed when the test fails).
    const groups = JSON.stringify(await session.stored('session', 'groups'));
    await page.close();
    const deadline = Date.now() + PURGE_WITHIN_MS;
    let left: Named[] = before;
    const done = (c: Named[]) =>
      !c.some((x) => x.host === sim.hosts.kommun) && !has(c, sim.hosts.idp, sim.idpCookies.sso);
    while (Date.now() < deadline && !done(left)) {
      await new Promise((r) => setTimeout(r, 100));
      left = await cookies();
    }
    const why = `the login's data is purged\n${groups}\n${workerLogTail(session)}`;
    expect(
      left.filter((x) => x.host === sim.hosts.kommun),
      why,
    ).toEqual([]);
    expect(has(left, sim.hosts.idp, sim.idpCookies.sso), why).toBe(false);
  });
});
