/**
 * The executor against the in-memory browser (tests/fakes/fake-port.ts): every assertion reads what
 * is left in the fake browser, or the report, never which calls were made.
 */
import { describe, expect, it } from 'vitest';
import { createFakePort, type FakeEngine, type FakePort } from '@/tests/fakes/fake-port';
import type { CookieRecord } from '@/utils/browser-data/port';
import { executePurge, type JournalStore, type PurgeJournal } from '@/utils/purge/execute';
import { planPurge } from '@/utils/purge/plan';
import type { PurgeTrigger } from '@/utils/purge/types';
import { PACKS } from '@/utils/rules/generated/packs';
import { createMatcher } from '@/utils/rules/match';
import type { SessionGroup } from '@/utils/session-groups/types';

const T0 = 1_764_320_000_000;
const now = () => T0;
const IN_A_MONTH = T0 / 1000 + 30 * 86_400;

const ESERVICE = 'https://e-tjanster.jarfalla.se';
const IDP = 'https://login.eidbrygga.net'; // an IdP on no list: only the login round trip makes it the group's
const WIDGET = 'https://chat.supportwidget.io'; // a third party framed by the e-service (and by the newspaper)
const NEWS = 'https://www.lokaltidningen.se';

const cookieLine = (c: CookieRecord) =>
  [c.storeId, c.partitionKey?.topLevelSite ?? '-', c.firstPartyDomain || '-', c.domain, c.name].join(' ');
const cookieLines = (port: FakePort) => port.snapshot().cookies.map(cookieLine).sort();
const siteDataLines = (port: FakePort) =>
  port
    .snapshot()
    .siteData.map((d) => `${d.storeId} ${d.topLevelSite ?? '-'} ${d.origin} ${d.kind}`)
    .sort();

/**
 * A person logged in to Järfälla's e-services through an IdP on no list, in a normal and an incognito
 * window (two sessions: one group in each cookie store); a chat widget under the kommun's site; a newspaper in
 * another tab with the same widget.
 */
function browserWithSession(engine: FakeEngine = 'chrome') {
  const port = createFakePort({ engine, now });
  const normal = port.defaultStoreId;
  const priv = port.privateStoreId;
  const underJarfalla = { topLevelSite: 'https://jarfalla.se' };
  const underNews = { topLevelSite: 'https://lokaltidningen.se' };

  // The group's cookies.
  port.setCookie({ name: 'JSESSIONID', domain: 'e-tjanster.jarfalla.se', httpOnly: true });
  port.setCookie({ name: 'cookie_consent', domain: '.jarfalla.se', expirationDate: IN_A_MONTH });
  port.setCookie({ name: 'JSESSIONID', domain: 'e-tjanster.jarfalla.se', storeId: priv });
  port.setCookie({ name: '__Host-csrf', domain: 'e-tjanster.jarfalla.se', partitionKey: underJarfalla });
  port.setCookie({
    name: 'idp_sso',
    domain: 'login.eidbrygga.net',
    secure: true,
    sameSite: 'no_restriction',
  });
  port.setCookie({ name: 'idp_device', domain: '.eidbrygga.net', expirationDate: IN_A_MONTH });
  port.setCookie({ name: 'chat_sid', domain: 'chat.supportwidget.io', partitionKey: underJarfalla });
  // Not the group's: the newspaper, and the widget on its own or under the newspaper.
  port.setCookie({ name: 'reader', domain: '.lokaltidningen.se', expirationDate: IN_A_MONTH });
  port.setCookie({ name: 'chat_sid', domain: 'chat.supportwidget.io', partitionKey: underNews });
  port.setCookie({ name: 'vendor_pref', domain: 'chat.supportwidget.io' });

  for (const kind of ['localStorage', 'indexedDB', 'cacheStorage', 'serviceWorkers', 'cache'] as const)
    port.setSiteData({ origin: ESERVICE, kind });
  port.setSiteData({ origin: IDP, kind: 'localStorage' });
  port.setSiteData({ origin: WIDGET, kind: 'localStorage', topLevelSite: 'https://jarfalla.se' });
  port.setSiteData({ origin: NEWS, kind: 'localStorage' });
  port.setSiteData({ origin: NEWS, kind: 'indexedDB' });
  port.setSiteData({ origin: WIDGET, kind: 'localStorage', topLevelSite: 'https://lokaltidningen.se' });

  port.addHistory({ url: `${ESERVICE}/mina-sidor`, title: 'Mina sidor' });
  port.addHistory({ url: `${IDP}/sso?SAMLRequest=abc`, title: 'Logga in' });
  port.addHistory({ url: `${NEWS}/nyheter`, title: 'Nyheter' });
  port.addDownload({
    url: `${ESERVICE}/arende/4711/beslut.pdf`,
    filename: '/home/anna/Hämtningar/beslut.pdf',
  });
  port.addDownload({ url: `${NEWS}/korsord.pdf`, filename: '/home/anna/Hämtningar/korsord.pdf' });

  const tab = port.openTab({ url: `${ESERVICE}/mina-sidor`, frames: [`${WIDGET}/frame`] });
  port.setTabStorage(tab, ESERVICE, 'draft', 'ansökan om bygglov');
  port.setTabStorage(tab, WIDGET, 'chat', 'hej');
  const privateTab = port.openTab({ url: `${ESERVICE}/mina-sidor`, incognito: true });
  const newsTab = port.openTab({ url: `${NEWS}/nyheter` });
  port.setTabStorage(newsTab, NEWS, 'scroll', '1200');

  const group: SessionGroup = {
    id: 'g-se-kommun-0123',
    sites: [
      { ruleId: 'se-kommun-0123', label: 'Järfälla kommun', scopeDomain: 'jarfalla.se', kind: 'kommun' },
    ],
    hosts: ['e-tjanster.jarfalla.se', 'login.eidbrygga.net'],
    origins: [ESERVICE, IDP],
    tabIds: [tab],
    startedAt: T0 - 60_000,
    lastSeenAt: T0 - 1000,
  };
  // The incognito window's session: the same site, in the private store.
  const privateGroup: SessionGroup = {
    id: 'g-se-kommun-0123-2',
    sites: group.sites,
    hosts: ['e-tjanster.jarfalla.se'],
    origins: [ESERVICE],
    tabIds: [privateTab],
    storeId: priv,
    startedAt: T0 - 30_000,
    lastSeenAt: T0 - 1000,
  };
  const untouched = {
    cookies: [
      `${normal} - - .lokaltidningen.se reader`,
      `${normal} - - chat.supportwidget.io vendor_pref`,
      `${normal} https://lokaltidningen.se - chat.supportwidget.io chat_sid`,
    ].sort(),
    siteData: [
      `${normal} - ${NEWS} indexedDB`,
      `${normal} - ${NEWS} localStorage`,
      `${normal} https://lokaltidningen.se ${WIDGET} localStorage`,
    ].sort(),
  };
  return { port, group, privateGroup, tab, privateTab, newsTab, untouched, normal, priv };
}

type World = ReturnType<typeof browserWithSession>;

async function planFor(
  w: Pick<World, 'port' | 'group'> & { privateGroup?: SessionGroup },
  trigger: PurgeTrigger = 'button',
  over: { clearDownloads?: boolean; clearFormData?: boolean; groups?: SessionGroup[] } = {},
) {
  return planPurge({
    id: `p-${trigger}`,
    trigger,
    now: T0,
    groups: over.groups ?? [w.group, ...(w.privateGroup ? [w.privateGroup] : [])],
    tabs: await w.port.listTabs(),
    clearHistory: true,
    clearDownloads: over.clearDownloads ?? true,
    clearFormData: over.clearFormData ?? false,
  });
}

/** A journal kept the way storage keeps it: a copy, never the executor's live object. */
function journalStore(opts: { dieOnSave?: number } = {}) {
  const saved: PurgeJournal[] = [];
  let dead = false;
  const store: JournalStore = {
    async save(journal) {
      saved.push(structuredClone(journal));
      if (saved.length === opts.dieOnSave) {
        dead = true;
        throw new Error('service worker stopped');
      }
    },
  };
  /** The port as the dying worker sees it: after the death no call reaches the browser or ever answers. */
  const through = (port: FakePort): FakePort =>
    new Proxy(port, {
      get(target, key, receiver) {
        const value = Reflect.get(target, key, receiver);
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => (dead ? new Promise(() => {}) : value.apply(target, args));
      },
    });
  return { store, saved, last: () => saved.at(-1), through };
}

describe('executePurge: no read of the store before the bulk removal', () => {
  it('the bulk removal goes first; the one read after it finds nothing left and is the verification', async () => {
    const w = browserWithSession();
    const plan = await planFor(w);
    const calls: string[] = [];
    const port: FakePort = {
      ...w.port,
      findCookies: (q) => {
        calls.push('read');
        return w.port.findCookies(q);
      },
      removeSiteData: (origins, kinds, storeId) => {
        calls.push('bulk removal');
        return w.port.removeSiteData(origins, kinds, storeId);
      },
    };
    const report = await executePurge(plan, { port, journal: journalStore().store, now });
    expect(report.verified).toBe(true);
    expect(calls[0]).toBe('bulk removal');
    expect(calls.filter((c) => c === 'read')).toHaveLength(1);
    expect(calls.at(-1)).toBe('read');
    expect(cookieLines(w.port)).toEqual(w.untouched.cookies);
  });

  it('a sweeping plan takes protected cookies no group knew of in the same run: their storage too, one report', async () => {
    const w = browserWithSession();
    // Set before the extension was installed: no group knows of Huddinge.
    w.port.setCookie({ name: 'ASP.NET_SessionId', domain: 'www.huddinge.se' });
    w.port.setSiteData({ origin: 'https://www.huddinge.se', kind: 'localStorage' });
    const plan = planPurge({
      id: 'p-sweep',
      trigger: 'button',
      now: T0,
      groups: [w.group],
      tabs: await w.port.listTabs(),
      clearHistory: true,
      clearDownloads: true,
      sweep: true,
    });
    const matcher = createMatcher({ packs: PACKS });
    const report = await executePurge(plan, {
      port: w.port,
      journal: journalStore().store,
      now,
      classify: (h) => matcher.match(h),
    });
    expect(report.verified).toBe(true);
    expect(report.labels).toContain('Huddinge kommun');
    expect(cookieLines(w.port)).toEqual(w.untouched.cookies);
    expect(siteDataLines(w.port)).toEqual(w.untouched.siteData);
    // Counted once with the plan's own sites: no second report to merge. Besides Huddinge, the incognito session
    // of Järfälla (no group here knew of it) went in its own store.
    expect(report.cookieSitesCleared).toBe(plan.cookies.topLevelSites.length + 2);
  });

  it('a sweeping plan without a recogniser is refused before anything is touched', async () => {
    const w = browserWithSession();
    const plan = { ...(await planFor(w)), sweep: true };
    await expect(executePurge(plan, { port: w.port, journal: journalStore().store, now })).rejects.toThrow(
      'classify',
    );
    expect(w.port.snapshot().tabs.map((t) => t.id)).toContain(w.tab);
  });
});

describe('executePurge: a whole group', () => {
  it('removes the group everywhere — every cookie store and partition, storage, history, downloads, tabs — and nothing else', async () => {
    const w = browserWithSession();
    const plan = await planFor(w);
    const report = await executePurge(plan, { port: w.port, journal: journalStore().store, now });

    const after = w.port.snapshot();
    expect(cookieLines(w.port)).toEqual(w.untouched.cookies);
    expect(siteDataLines(w.port)).toEqual(w.untouched.siteData);
    expect(after.history.map((h) => h.url)).toEqual([`${NEWS}/nyheter`]);
    expect(after.downloads.map((d) => d.url)).toEqual([`${NEWS}/korsord.pdf`]);
    expect(after.files).toEqual(['/home/anna/Hämtningar/korsord.pdf']);
    expect(after.tabs.map((t) => t.id)).toEqual([w.newsTab]);
    expect(after.sessionStorage).toEqual([{ tabId: w.newsTab, origin: NEWS, key: 'scroll', value: '1200' }]);

    expect(report).toMatchObject({
      planId: plan.id,
      trigger: 'button',
      labels: ['Järfälla kommun'],
      startedAt: T0,
      finishedAt: T0,
      tabsClosed: 2,
      tabsCleared: 0,
      // In the regular store jarfalla.se and the IdP's eidbrygga.net (its SSO cookie and a cookie partitioned
      // under jarfalla.se); in the incognito store jarfalla.se: counted per store, each a session of its own.
      cookieSitesCleared: 3,
      // http and https of both hosts, plus the site's own domain (jarfalla.se); in incognito the e-service's
      originsCleared: 10,
      sitesCleared: 3,
      historyRemoved: 2,
      downloadsRemoved: 1,
      leftovers: [],
      failures: [],
      verified: true,
    });
  });

  it('a site logout keeps the group’s tabs open but empties their sessionStorage', async () => {
    const w = browserWithSession();
    const plan = await planFor(w, 'site-logout');
    const report = await executePurge(plan, { port: w.port, journal: journalStore().store, now });

    const after = w.port.snapshot();
    expect(after.tabs.map((t) => t.id).sort()).toEqual([w.tab, w.privateTab, w.newsTab].sort());
    expect(after.sessionStorage).toEqual([{ tabId: w.newsTab, origin: NEWS, key: 'scroll', value: '1200' }]);
    expect(cookieLines(w.port)).toEqual(w.untouched.cookies);
    expect(report).toMatchObject({ tabsClosed: 0, tabsCleared: 2, verified: true, failures: [] });
  });

  it('leaves downloads alone unless the settings ask for them', async () => {
    const w = browserWithSession();
    const plan = await planFor(w, 'button', { clearDownloads: false });
    const report = await executePurge(plan, { port: w.port, journal: journalStore().store, now });
    expect(w.port.snapshot().files).toHaveLength(2);
    expect(report.downloadsRemoved).toBe(0);
    expect(report.verified).toBe(true);
  });

  it('history and downloads only from the session: what the group’s hosts had before the group started stays', async () => {
    const w = browserWithSession();
    const LAST_YEAR = w.group.startedAt - 365 * 86_400_000;
    w.port.addHistory({ url: `${ESERVICE}/deklaration-2024`, lastVisitTime: LAST_YEAR });
    w.port.addDownload({
      url: `${ESERVICE}/arende/1999/beslut.pdf`,
      filename: '/home/anna/Hämtningar/gammalt-beslut.pdf',
      startTime: LAST_YEAR,
    });
    const report = await executePurge(await planFor(w), { port: w.port, journal: journalStore().store, now });
    const after = w.port.snapshot();
    expect(after.history.map((h) => h.url).sort()).toEqual(
      [`${ESERVICE}/deklaration-2024`, `${NEWS}/nyheter`].sort(),
    );
    expect(after.files).toEqual(
      ['/home/anna/Hämtningar/gammalt-beslut.pdf', '/home/anna/Hämtningar/korsord.pdf'].sort(),
    );
    expect(report).toMatchObject({ historyRemoved: 2, downloadsRemoved: 1, verified: true });
  });

  it('a protected site no group knew of: its history and downloads go from the browser session’s start only', async () => {
    const w = browserWithSession();
    const HUDDINGE = 'https://www.huddinge.se';
    const sessionStartedAt = T0 - 3_600_000;
    w.port.setCookie({ name: 'ASP.NET_SessionId', domain: 'www.huddinge.se' });
    w.port.addHistory({ url: `${HUDDINGE}/forra-veckan`, lastVisitTime: sessionStartedAt - 86_400_000 });
    w.port.addHistory({ url: `${HUDDINGE}/mina-sidor`, lastVisitTime: sessionStartedAt + 60_000 });
    w.port.addDownload({
      url: `${HUDDINGE}/gammal.pdf`,
      filename: '/home/anna/Hämtningar/gammal.pdf',
      startTime: sessionStartedAt - 86_400_000,
    });
    w.port.addDownload({
      url: `${HUDDINGE}/ny.pdf`,
      filename: '/home/anna/Hämtningar/ny.pdf',
      startTime: sessionStartedAt + 60_000,
    });
    const plan = planPurge({
      id: 'p-sweep',
      trigger: 'button',
      now: T0,
      groups: [],
      tabs: await w.port.listTabs(),
      clearHistory: true,
      clearDownloads: true,
      sweep: true,
      sessionStartedAt,
    });
    const matcher = createMatcher({ packs: PACKS });
    const report = await executePurge(plan, {
      port: w.port,
      journal: journalStore().store,
      now,
      classify: (h) => matcher.match(h),
    });
    expect(report.labels).toContain('Huddinge kommun');
    const after = w.port.snapshot();
    expect(after.history.map((h) => h.url)).toContain(`${HUDDINGE}/forra-veckan`);
    expect(after.history.map((h) => h.url)).not.toContain(`${HUDDINGE}/mina-sidor`);
    expect(after.files).toContain('/home/anna/Hämtningar/gammal.pdf');
    expect(after.files).not.toContain('/home/anna/Hämtningar/ny.pdf');
  });

  it('a narrow rule on a shared domain: its cookies go one by one, the other tenants’ stay', async () => {
    const port = createFakePort({ now });
    port.setCookie({ name: 'sid', domain: 'jarfalla.fri-go.se' });
    port.setCookie({
      name: 'sid',
      domain: 'jarfalla.fri-go.se',
      partitionKey: { topLevelSite: 'https://fri-go.se' },
    });
    port.setCookie({ name: 'sid', domain: 'sollentuna.fri-go.se' });
    port.setSiteData({ origin: 'https://jarfalla.fri-go.se', kind: 'localStorage' });
    port.setSiteData({ origin: 'https://sollentuna.fri-go.se', kind: 'localStorage' });
    const group: SessionGroup = {
      id: 'g-se-kommun-0123',
      sites: [
        {
          ruleId: 'se-kommun-0123',
          label: 'Järfälla kommun',
          scopeDomain: 'jarfalla.fri-go.se',
          kind: 'kommun',
        },
      ],
      hosts: ['jarfalla.fri-go.se'],
      origins: ['https://jarfalla.fri-go.se'],
      tabIds: [],
      startedAt: T0,
      lastSeenAt: T0,
    };
    // The first removal of the group's cookie fails; the verify pass tries once more.
    port.failNext('removeCookie');
    const report = await executePurge(await planFor({ port, group }), {
      port,
      journal: journalStore().store,
      now,
    });

    expect(cookieLines(port)).toEqual(['0 - - sollentuna.fri-go.se sid']);
    expect(siteDataLines(port)).toEqual(['0 - https://sollentuna.fri-go.se localStorage']);
    expect(report.failures).toEqual([{ step: 'cookies', message: 'fake removeCookie failed (injected)' }]);
    expect(report.leftovers).toEqual([]);
    expect(report.cookieSitesCleared).toBe(1);
    expect(report.verified).toBe(true);
  });

  it('Firefox: cookies in a container, private browsing, Total Cookie Protection and first-party isolation all go; a container with no group keeps its own', async () => {
    const w = browserWithSession('firefox');
    // Signed in in a container too: a third session, its own group.
    const containerGroup: SessionGroup = {
      ...w.privateGroup,
      id: 'g-se-kommun-0123-3',
      hosts: ['e-tjanster.jarfalla.se', 'login.eidbrygga.net'],
      tabIds: [],
      storeId: 'firefox-container-3',
    };
    // Another container where the same site was never signed in to by this person's sessions (no group).
    w.port.setCookie({
      name: 'JSESSIONID',
      domain: 'e-tjanster.jarfalla.se',
      storeId: 'firefox-container-4',
    });
    w.port.setSiteData({ origin: ESERVICE, kind: 'localStorage', storeId: 'firefox-container-4' });
    w.port.setCookie({
      name: 'JSESSIONID',
      domain: 'e-tjanster.jarfalla.se',
      storeId: 'firefox-container-3',
    });
    w.port.setCookie({ name: 'idp_sso', domain: 'login.eidbrygga.net', storeId: 'firefox-container-3' });
    w.port.setCookie({ name: 'chat_sid', domain: 'chat.supportwidget.io', firstPartyDomain: 'jarfalla.se' });
    w.port.setCookie({
      name: 'chat_sid',
      domain: 'chat.supportwidget.io',
      firstPartyDomain: 'lokaltidningen.se',
    });
    w.port.setSiteData({ origin: ESERVICE, kind: 'localStorage', storeId: 'firefox-container-3' });
    w.port.setSiteData({ origin: ESERVICE, kind: 'indexedDB', storeId: 'firefox-private' });

    const plan = await planFor(w, 'button', { groups: [w.group, w.privateGroup, containerGroup] });
    const report = await executePurge(plan, { port: w.port, journal: journalStore().store, now });

    expect(cookieLines(w.port)).toEqual(
      [
        ...w.untouched.cookies,
        'firefox-default - lokaltidningen.se chat.supportwidget.io chat_sid',
        'firefox-container-4 - - e-tjanster.jarfalla.se JSESSIONID',
      ].sort(),
    );
    // Firefox removes storage by host in each group's store; the container without a group keeps its own.
    const left = w.port.snapshot().siteData;
    expect(
      left.filter((d) => d.origin === ESERVICE && d.kind !== 'cacheStorage').map((d) => d.storeId),
    ).toEqual(['firefox-container-4']);
    expect(left.filter((d) => d.origin === IDP)).toEqual([]);
    expect(report).toMatchObject({ leftovers: [], failures: [], verified: true });
  });
});

describe('executePurge: form suggestions', () => {
  it('what forms saved since the group’s session began goes (a personnummer typed at the IdP); older entries stay', async () => {
    const w = browserWithSession();
    w.port.fillForm('personnummer', '19850312-2384'); // during the session (it began a minute ago)
    const later = { ...w.group, startedAt: T0 + 1 }; // a session that began after it was typed

    await executePurge(await planFor(w, 'button', { groups: [later], clearFormData: true }), {
      port: w.port,
      journal: journalStore().store,
      now,
    });
    expect(w.port.snapshot().formData).toEqual(['personnummer=19850312-2384']);

    const report = await executePurge(await planFor(w, 'button', { clearFormData: true }), {
      port: w.port,
      journal: journalStore().store,
      now,
    });
    expect(report.failures).toEqual([]);
    expect(w.port.snapshot().formData).toEqual([]);
    expect(report).toMatchObject({ formDataCleared: true, formDataSince: w.group.startedAt });
  });

  it('with the setting off (the default outside shared-computer mode) no form suggestion goes, and the report says so', async () => {
    const w = browserWithSession();
    w.port.fillForm('q', 'bibliotekets öppettider'); // another site's search, during the session
    const report = await executePurge(await planFor(w), { port: w.port, journal: journalStore().store, now });
    expect(w.port.snapshot().formData).toEqual(['q=bibliotekets öppettider']);
    expect(report.formDataCleared).toBe(false);
    expect(report.formDataSince).toBeUndefined();
  });
});

describe('executePurge: the recently-closed list', () => {
  it.each<FakeEngine>(['chrome', 'firefox'])(
    '%s: a tab of the group the person closed cannot be reopened (with its sessionStorage); other closed tabs can',
    async (engine) => {
      const w = browserWithSession(engine);
      const news = w.port.openTab({ url: `${NEWS}/nyheter` });
      const kommun = w.port.openTab({ url: `${ESERVICE}/mina-sidor` });
      w.port.personClosesTab(news);
      w.port.personClosesTab(kommun);
      expect(w.port.snapshot().closedTabs).toEqual([`${ESERVICE}/mina-sidor`, `${NEWS}/nyheter`]);
      w.port.addHistory({ url: `${ESERVICE}/mina-sidor` });

      // The regular window's session (an incognito window's closed tabs are its own: docs/architecture.md).
      const report = await executePurge(await planFor(w, 'button', { groups: [w.group] }), {
        port: w.port,
        journal: journalStore().store,
        now,
      });

      expect(report.failures).toEqual([]);
      // The tabs the purge closed itself are off the list too.
      expect(w.port.snapshot().closedTabs).toEqual([`${NEWS}/nyheter`]);
    },
  );
});

describe('executePurge: idempotent and resumable', () => {
  it('running the same purge twice is harmless: the second run finds nothing and touches nothing else', async () => {
    const w = browserWithSession();
    const plan = await planFor(w);
    await executePurge(plan, { port: w.port, journal: journalStore().store, now });
    const afterFirst = w.port.snapshot();

    const again = await executePurge(plan, { port: w.port, journal: journalStore().store, now });

    expect(w.port.snapshot()).toEqual(afterFirst);
    expect(again).toMatchObject({
      tabsClosed: 0,
      historyRemoved: 0,
      downloadsRemoved: 0,
      leftovers: [],
      failures: [],
      verified: true,
    });
  });

  it('a worker that dies after the first phase: the saved journal finishes the job on the next wake', async () => {
    const w = browserWithSession();
    const plan = await planFor(w);
    const dying = journalStore({ dieOnSave: 1 });
    await expect(
      executePurge(plan, { port: dying.through(w.port), journal: dying.store, now }),
    ).rejects.toThrow('service worker stopped');

    // Half done: the regular store's tabs are closed (the incognito store's come next), the data is still there.
    expect(w.port.snapshot().tabs.map((t) => t.id)).toEqual([w.privateTab, w.newsTab]);
    expect(cookieLines(w.port)).toHaveLength(10);
    const journal = dying.last()!;
    expect(journal.done).toEqual(['tabs']);

    const next = journalStore();
    const report = await executePurge(journal.plan, {
      port: w.port,
      journal: next.store,
      now: () => T0 + 5000,
      resume: journal,
    });

    expect(cookieLines(w.port)).toEqual(w.untouched.cookies);
    expect(siteDataLines(w.port)).toEqual(w.untouched.siteData);
    expect(w.port.snapshot().history.map((h) => h.url)).toEqual([`${NEWS}/nyheter`]);
    expect(w.port.snapshot().files).toEqual(['/home/anna/Hämtningar/korsord.pdf']);
    expect(report).toMatchObject({
      planId: plan.id,
      startedAt: T0,
      finishedAt: T0 + 5000,
      tabsClosed: 2,
      cookieSitesCleared: 3,
      historyRemoved: 2,
      downloadsRemoved: 1,
      leftovers: [],
      failures: [],
      verified: true,
    });
    const perStore = ['closed-tabs', 'downloads', 'form-data', 'history', 'http-cache', 'site-data', 'tabs'];
    // Each store's steps once (the incognito store's prefixed with its id), then the cookies and the check.
    expect([...next.last()!.done].sort()).toEqual(
      [...perStore, ...perStore.map((step) => `${w.priv}:${step}`), 'cookies', 'verify'].sort(),
    );
  });

  it('a worker that dies after the second phase: resuming from the last saved journal finishes it too', async () => {
    const w = browserWithSession();
    const plan = await planFor(w);
    const dying = journalStore({ dieOnSave: 2 });
    await expect(
      executePurge(plan, { port: dying.through(w.port), journal: dying.store, now }),
    ).rejects.toThrow('service worker stopped');
    const journal = dying.last()!;
    expect(journal.done).toEqual(expect.arrayContaining(['site-data', 'history', 'downloads']));

    const report = await executePurge(journal.plan, {
      port: w.port,
      journal: journalStore().store,
      now,
      resume: journal,
    });

    expect(cookieLines(w.port)).toEqual(w.untouched.cookies);
    expect(siteDataLines(w.port)).toEqual(w.untouched.siteData);
    expect(w.port.snapshot().tabs.map((t) => t.id)).toEqual([w.newsTab]);
    expect(report).toMatchObject({ tabsClosed: 2, cookieSitesCleared: 3, leftovers: [], verified: true });
  });
});

describe('executePurge: what could not be removed is reported', () => {
  it('a cookie that comes back (a live page sets it again) is a leftover, and the purge is not verified', async () => {
    const w = browserWithSession();
    w.port.stickCookies((c) => c.name === 'idp_sso');
    w.port.stickCookies(
      (c) => c.name === 'chat_sid' && c.partitionKey?.topLevelSite === 'https://jarfalla.se',
    );

    const report = await executePurge(await planFor(w), { port: w.port, journal: journalStore().store, now });

    expect(report.verified).toBe(false);
    expect(report.leftovers).toEqual(
      expect.arrayContaining([
        { domain: 'login.eidbrygga.net', name: 'idp_sso', storeId: w.normal, partitioned: false },
        { domain: 'chat.supportwidget.io', name: 'chat_sid', storeId: w.normal, partitioned: true },
      ]),
    );
    expect(report.leftovers).toHaveLength(2);
    // Everything else still went.
    expect(cookieLines(w.port)).toEqual(
      [
        ...w.untouched.cookies,
        `${w.normal} - - login.eidbrygga.net idp_sso`,
        `${w.normal} https://jarfalla.se - chat.supportwidget.io chat_sid`,
      ].sort(),
    );
  });

  it('a browser call that fails lands in failures; the other steps still run', async () => {
    const w = browserWithSession();
    w.port.failNext('deleteHistory');
    w.port.failNext('removeDownload', { error: new Error('file is in use') });

    const report = await executePurge(await planFor(w), { port: w.port, journal: journalStore().store, now });

    expect(report.failures).toEqual(
      expect.arrayContaining([
        { step: 'history', message: 'fake deleteHistory failed (injected)' },
        { step: 'downloads', message: 'file is in use' },
      ]),
    );
    expect(report.failures).toHaveLength(2);
    expect(w.port.snapshot().files).toContain('/home/anna/Hämtningar/beslut.pdf');
    // Cookies, storage and tabs are unaffected by those failures, and the cookies are verified gone.
    expect(cookieLines(w.port)).toEqual(w.untouched.cookies);
    expect(siteDataLines(w.port)).toEqual(w.untouched.siteData);
    expect(report.verified).toBe(true);
  });

  it('when the bulk removal fails, the cookies still go one by one and the failure is reported', async () => {
    const w = browserWithSession();
    // Every bulk removal: two in the regular store, one in incognito.
    w.port.failNext('removeSiteData', { times: 3 });

    const report = await executePurge(await planFor(w), { port: w.port, journal: journalStore().store, now });

    // One failed step in each store.
    expect(report.failures.map((f) => f.step)).toEqual(['site-data', 'site-data']);
    expect(cookieLines(w.port)).toEqual(w.untouched.cookies);
    expect(report.leftovers).toEqual([]);
    // The storage of the group could not be removed, and the report says so through `failures`.
    expect(siteDataLines(w.port)).toContain(`${w.normal} - ${ESERVICE} localStorage`);
  });

  it('a failing verification read is not a verified purge', async () => {
    const w = browserWithSession();
    const plan = await planFor(w);
    // Every read of the purge's own (phase 3, the verify pass) fails.
    const port: FakePort = {
      ...w.port,
      findCookies: () => Promise.reject(new Error('cookies API gone')),
    };
    const report = await executePurge(plan, { port, journal: journalStore().store, now });
    expect(report.failures).toEqual([
      { step: 'cookies', message: 'cookies API gone' },
      { step: 'verify', message: 'cookies API gone' },
    ]);
    expect(report.verified).toBe(false);
  });
});

describe('executePurge: HTTP cache of other sites a ledger group fetched from', () => {
  it('a group from the ledger that fetched from other origins (names not kept): every site’s HTTP cache since it began goes, nothing else', async () => {
    const w = browserWithSession();
    w.port.setSiteData({ origin: 'https://api.etjanstplattform.net', kind: 'cache' });
    const plan = await planFor(w, 'browser-start', {
      groups: [
        { ...w.group, fetchedOrigins: undefined, fetchedElsewhere: true, tabIds: [] },
        { ...w.privateGroup, tabIds: [] },
      ],
    });
    expect(plan.httpCacheSince).toBeLessThanOrEqual(w.group.startedAt);
    await executePurge(plan, { port: w.port, journal: journalStore().store, now });
    expect(w.port.snapshot().siteData.filter((d) => d.kind === 'cache')).toEqual([]);
    expect(cookieLines(w.port)).toEqual(w.untouched.cookies);
  });

  it('a live group knows its fetched origins by name: no removal by time', async () => {
    const w = browserWithSession();
    expect((await planFor(w)).httpCacheSince).toBeNull();
  });
});
