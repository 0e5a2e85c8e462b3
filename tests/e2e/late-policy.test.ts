/**
 * #11 item 10, in real Chromium: IT policy that reaches the extension late (force-installed, the extension runs
 * for seconds with none; or a policy rolled out while the browser runs). The browser starts with a policy that
 * names nothing; the person logs in to an e-service only the policy will protect, through an IdP on no list;
 * then the policy file arrives (written while the browser runs: Chromium watches /etc/chromium/policies/managed,
 * tests/harness/policy.ts) with `sharedComputer` and the e-service's domain.
 *
 * - the tab already closed: the e-service's cookies, and the SSO cookie of the unknown IdP its login went
 *   through (found in the closed tab's recent steps), are purged soon after the policy is in force; the
 *   newspaper keeps its cookie;
 * - the tab still open: it is adopted into a group with the unknown IdP its login went through, and closing it
 *   purges both the e-service and the IdP.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allCookies, type ChromiumSession, launchChromium, workerLogTail } from '../harness/chromium';
import { loginAs, readNewspaper } from '../harness/person';
import { type ChromiumPolicy, chromiumPolicy, extensionPolicy, waitForSettings } from '../harness/policy';
import { ANNA } from '../harness/scenario';
import { type Sim, startSim } from '../sim';

/** An e-service no built-in rule knows: only the policy makes it protected. */
const CITY_ESERVICE = 'e-tjanster.exempelstad.se';
const CITY_DOMAIN = 'exempelstad.se';
/** How soon after the policy is in force (or the tab closed) the purge must be done. */
const PURGE_WITHIN_MS = 20_000;

let city: Sim;
let policy: ChromiumPolicy;
const sessions: ChromiumSession[] = [];

beforeAll(async () => {
  city = await startSim({ hosts: { kommun: CITY_ESERVICE } });
  policy = await chromiumPolicy();
});

afterAll(async () => {
  await Promise.all(sessions.map((s) => s.close()));
  await policy?.dispose();
  await city?.close();
});

/** A browser whose policy names nothing for Safe Logout (one browser at a time: the machine is shared). */
async function browserWithoutPolicy(): Promise<ChromiumSession> {
  await Promise.all(sessions.splice(0).map((s) => s.close()));
  await policy.write(extensionPolicy({}));
  const session = await launchChromium(city, { withExtension: true });
  sessions.push(session);
  const settings = await waitForSettings(session.context, () => true);
  expect(settings.policyDomains, 'nothing protected by policy yet').toEqual([]);
  return session;
}

/** IT's policy arrives while the browser runs; resolves when the extension has it in force. */
async function policyArrives(session: ChromiumSession): Promise<void> {
  await policy.write(extensionPolicy({ sharedComputer: true, protectedDomains: [CITY_DOMAIN] }));
  // How long Chromium takes to reread its policy directory is the browser's, not the product's.
  await waitForSettings(session.context, (s) => s.policyDomains.includes(CITY_DOMAIN), 60_000);
}

type Named = { host: string; name: string };
const cookieNames = async (session: ChromiumSession): Promise<Named[]> =>
  (await allCookies(session.context)).map((c) => ({ host: c.domain.replace(/^\./, ''), name: c.name }));

/** Polls the browser's cookies until `done` holds; throws with what is left (and the worker's log). */
async function waitForCookies(
  session: ChromiumSession,
  done: (c: Named[]) => boolean,
  timeoutMs = PURGE_WITHIN_MS,
): Promise<Named[]> {
  const deadline = Date.now() + timeoutMs;
  let last: Named[] = [];
  while (Date.now() < deadline) {
    last = await cookieNames(session);
    if (done(last)) return last;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(
    `cookies still there: ${last.map((c) => `${c.host} ${c.name}`).join(', ')}\n${workerLogTail(session)}`,
  );
}

const ofCity = (c: Named[]) => c.filter((x) => x.host === CITY_DOMAIN || x.host.endsWith(`.${CITY_DOMAIN}`));
const has = (c: Named[], host: string, name: string) => c.some((x) => x.host === host && x.name === name);

describe('a policy that arrives late protects what is already there', () => {
  it('the login’s tab already closed: the e-service’s cookies go soon after the policy is in force; the newspaper keeps its own', async () => {
    const session = await browserWithoutPolicy();
    const paper = await session.context.newPage();
    await readNewspaper(paper, city);
    const page = await session.context.newPage();
    await loginAs(page, city.urls.kommun, ANNA);
    await page.close();

    // Not protected yet: nothing is purged (well past the 1 s grace).
    await new Promise((r) => setTimeout(r, 3_000));
    const before = await cookieNames(session);
    expect(has(before, CITY_ESERVICE, city.services.kommun.sessionCookie), 'still logged in').toBe(true);
    expect(has(before, city.hosts.idp, city.idpCookies.sso)).toBe(true);
    expect(has(before, city.hosts.newspaper, city.newspaper.cookie)).toBe(true);

    await policyArrives(session);
    const after = await waitForCookies(
      session,
      (c) => ofCity(c).length === 0 && !has(c, city.hosts.idp, city.idpCookies.sso),
    );
    expect(ofCity(after)).toEqual([]);
    expect(has(after, city.hosts.idp, city.idpCookies.sso), 'the IdP’s SSO cookie is gone').toBe(false);
    expect(has(after, city.hosts.newspaper, city.newspaper.cookie), 'a stranger’s cookie is untouched').toBe(
      true,
    );
    expect(paper.isClosed(), 'the newspaper’s tab stays open').toBe(false);
  });

  it('the login’s tab still open: adopted with the unknown IdP it went through; closing it purges both', async () => {
    const session = await browserWithoutPolicy();
    const paper = await session.context.newPage();
    await readNewspaper(paper, city);
    const page = await session.context.newPage();
    await loginAs(page, city.urls.kommun, ANNA);

    await policyArrives(session);
    // The tab is the person's: it stays open and nothing of hers is purged while she works.
    await new Promise((r) => setTimeout(r, 3_000));
    expect(page.isClosed(), 'her tab stays open').toBe(false);
    const working = await cookieNames(session);
    expect(has(working, CITY_ESERVICE, city.services.kommun.sessionCookie), 'still logged in').toBe(true);
    expect(has(working, city.hosts.idp, city.idpCookies.sso)).toBe(true);

    await page.close();
    const after = await waitForCookies(
      session,
      (c) => ofCity(c).length === 0 && !has(c, city.hosts.idp, city.idpCookies.sso),
    );
    expect(ofCity(after)).toEqual([]);
    expect(has(after, city.hosts.idp, city.idpCookies.sso), 'the IdP’s SSO cookie is gone').toBe(false);
    expect(has(after, city.hosts.newspaper, city.newspaper.cookie), 'a stranger’s cookie is untouched').toBe(
      true,
    );
  });
});
