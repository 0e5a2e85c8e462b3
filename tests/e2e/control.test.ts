/**
 * Control tests: WITHOUT the extension, the 2019 Järfälla leak is real in real Chromium.
 *
 * After Anna logs in with BankID and "leaves" (site logout, closed tab, browser restart, crash), the next
 * person at the computer reaches her data: the IdP's SSO logs them in as Anna, her data stays in site
 * storage, the HTTP cache and a partitioned cookie. If the simulation ever stops leaking, these fail,
 * and the extension's own e2e tests would prove nothing.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChromiumSession, launchChromium } from '../harness/chromium';
import { type NextPersonReach, nextPersonReach } from '../harness/next-person';
import { downloadPdf } from '../harness/person';
import { REOPEN_PROBE_DIR, reopenClosedTab } from '../harness/reopen';
import { ANNA, firstPersonVisit, performTrigger, type Trigger } from '../harness/scenario';
import { type Sim, startSim } from '../sim';

let sim: Sim;
const sessions: ChromiumSession[] = [];

beforeAll(async () => {
  sim = await startSim();
});

afterAll(async () => {
  await Promise.all(sessions.map((s) => s.close()));
  await sim?.close();
});

async function browser(extraExtensions?: string[]): Promise<ChromiumSession> {
  const session = await launchChromium(sim, { extraExtensions });
  sessions.push(session);
  return session;
}

/**
 * Anna visits, then leaves by `trigger`; returns what the next person reaches. `nextPersonFirst` runs before
 * that (with the reopen-closed-tab probe loaded: the extension under test is still absent).
 */
async function annaThen(
  trigger: Trigger,
  loginOrder?: ('kommun' | 'vklass')[],
  nextPersonFirst?: (s: ChromiumSession) => Promise<void>,
): Promise<NextPersonReach> {
  const session = await browser(nextPersonFirst ? [REOPEN_PROBE_DIR] : undefined);
  try {
    const page = await firstPersonVisit(session, sim, ANNA);
    await performTrigger(session, page, sim, trigger);
    await nextPersonFirst?.(session);
    return await nextPersonReach(session, sim, { loginOrder });
  } finally {
    await session.close();
  }
}

const site = (host: string) => `https://${host.split('.').slice(-2).join('.')}`;
const mentionsAnna = (v: unknown) => JSON.stringify(v).includes(ANNA.name);

function expectSsoLeak(reach: NextPersonReach) {
  expect(reach.idpSsoAs, 'IdP still has an SSO session for Anna').toBe(ANNA.name);
  expect(reach.cookies.idpSso?.name, 'IdP SSO cookie left in the browser').toBe(sim.idpCookies.sso);
  expect(reach.login.vklass, 'Vklass logs the next person in as Anna via SSO').toMatchObject({
    loggedInAs: ANNA.name,
    via: 'sso',
    askedToLogIn: false,
  });
}

function expectStorageLeak(reach: NextPersonReach) {
  const s = reach.storage.kommun;
  expect(mentionsAnna(s.localStorage), 'localStorage holds Anna').toBe(true);
  expect(mentionsAnna(s.indexedDB), 'IndexedDB holds Anna').toBe(true);
  expect(mentionsAnna(s.cacheStorage), 'Cache Storage holds Anna').toBe(true);
}

function expectHttpCacheLeak(reach: NextPersonReach) {
  expect(reach.httpCache.kommun, 'private receipt served from the HTTP cache').toEqual({
    servedFromCache: true,
    shownName: ANNA.name,
  });
  // The platform API's answer, cached under the kommun's pages by the API's own URL (cross-site).
  expect(reach.apiProfile, 'the API’s profile served from the HTTP cache').toEqual({
    servedFromCache: true,
    shownName: ANNA.name,
  });
}

function expectPartitionedCookie(reach: NextPersonReach) {
  const chips = reach.cookies.partitioned.find((c) => c.name === sim.idpCookies.widget);
  expect(chips?.domain).toBe(sim.hosts.idp);
  expect(chips?.partitionKey?.topLevelSite).toBe(site(sim.hosts.kommun));
}

function expectUnrelatedKept(reach: NextPersonReach) {
  expect(reach.unrelated).toEqual({ cookie: true, localStorage: true });
}

/** Every leak through the IdP, site storage, the HTTP cache and the partitioned cookie; the newspaper kept. */
function expectTheLeak(reach: NextPersonReach) {
  expectSsoLeak(reach);
  expectStorageLeak(reach);
  expectHttpCacheLeak(reach);
  expectPartitionedCookie(reach);
  expectUnrelatedKept(reach);
}

describe('control: without the extension, the next person reaches Anna’s data', () => {
  it('(a) after the site’s “Logga ut” link', async () => {
    const reach = await annaThen('logout-link');
    // The site did its one thing: its own session is gone…
    expect(reach.storage.kommun.sessionAs).toBeNull();
    expect(reach.cookies.group.map((c) => c.name)).not.toContain(sim.services.kommun.sessionCookie);
    // …and yet the next person is Anna at the kommun without typing anything.
    expect(reach.login.kommun).toMatchObject({ loggedInAs: ANNA.name, via: 'sso', askedToLogIn: false });
    expectTheLeak(reach);
  });

  it('(b) after the site’s “Logga ut” form button', async () => {
    const reach = await annaThen('logout-form');
    expect(reach.storage.kommun.sessionAs).toBeNull();
    expect(reach.login.kommun).toMatchObject({ loggedInAs: ANNA.name, via: 'sso', askedToLogIn: false });
    expectTheLeak(reach);
  });

  it('(c) after closing the tab — and Ctrl+Shift+T brings the tab back with her sessionStorage', async () => {
    let reopened: Awaited<ReturnType<typeof reopenClosedTab>> = null;
    const reach = await annaThen('close-tab', undefined, async (s) => {
      reopened = await reopenClosedTab(s.context, sim.hosts.kommun, sim.urls.kommun.state);
    });
    expect(mentionsAnna(reopened), 'the reopened tab’s sessionStorage holds Anna').toBe(true);
    // Nothing ended: even the service's own session cookie still works.
    expect(reach.storage.kommun.sessionAs).toBe(ANNA.name);
    expect(reach.login.kommun).toMatchObject({ loggedInAs: ANNA.name, via: 'session' });
    expectTheLeak(reach);
  });

  it('(d) after closing the browser and starting it again', async () => {
    const reach = await annaThen('restart');
    // The session cookie died with the browser; the 20-minute SSO cookie did not.
    expect(reach.storage.kommun.sessionAs).toBeNull();
    expect(reach.login.kommun).toMatchObject({ loggedInAs: ANNA.name, via: 'sso', askedToLogIn: false });
    expectTheLeak(reach);
  });

  it('(e) after a crash (SIGKILL once the cookies reached disk) and a restart', async () => {
    const reach = await annaThen('crash');
    // After a crash Chromium keeps even session cookies (it restores the session), so the kommun may
    // let the next person in on its own session cookie rather than through the IdP: either is the leak.
    expect(reach.login.kommun).toMatchObject({ loggedInAs: ANNA.name, askedToLogIn: false });
    expectTheLeak(reach);
  });

  it('(f) Vklass logs the next person in as Anna through the IdP’s SSO', async () => {
    const since = Date.now();
    const reach = await annaThen('logout-link', ['vklass', 'kommun']);
    expect(reach.login.vklass).toMatchObject({ loggedInAs: ANNA.name, via: 'sso', askedToLogIn: false });
    const reuse = sim.stats.events.find(
      (e) => e.type === 'sso-reuse' && e.at >= since && e.sp === sim.urls.vklass.origin,
    );
    expect(reuse, 'the IdP answered Vklass from Anna’s SSO session').toMatchObject({ person: ANNA });
    expect(
      sim.stats.events.some((e) => e.type === 'bankid-login' && e.at >= since && e.person.name !== ANNA.name),
    ).toBe(false);
  });

  it('the e-service’s PDF is a real attachment with the person’s name', async () => {
    const session = await browser();
    try {
      const { page } = await firstPersonVisit(session, sim, ANNA);
      const download = await downloadPdf(page);
      expect(download.suggestedFilename()).toMatch(/\.pdf$/);
      const bytes = await readFile(await download.path());
      expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
      expect(bytes.includes(Buffer.from(ANNA.name, 'latin1'))).toBe(true);
    } finally {
      await session.close();
    }
  });
});
