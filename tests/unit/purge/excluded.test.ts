/**
 * #11 item 6: excluded means excluded. IT's `excludedDomains` host, and everything under it, is never closed,
 * cleared or swept — even when it lies under the protected domain of a group that is purged (Järfälla's
 * library under jarfalla.se). Plan and executor over the in-memory browser (Chromium's origin-wide cookie
 * removal included): state read afterwards.
 */
import { describe, expect, it } from 'vitest';
import { createFakePort } from '@/tests/fakes/fake-port';
import type { CookieRecord } from '@/utils/browser-data/port';
import { executePurge, type PurgeJournal } from '@/utils/purge/execute';
import { cookieInScope, planOutside, planPurge } from '@/utils/purge/plan';
import type { SessionGroup } from '@/utils/session-groups/types';

const T0 = 1_764_320_000_000;
const now = () => T0;
const ESERVICE = 'https://e-tjanster.jarfalla.se';
const LIBRARY = 'https://bibliotek.jarfalla.se';
const EXCLUDED = ['bibliotek.jarfalla.se'];

const journal = () => {
  let last: PurgeJournal | undefined;
  return {
    save: async (j: PurgeJournal) => {
      last = structuredClone(j);
    },
    get last() {
      return last;
    },
  };
};

/** A group that (by an older state, a late policy or a navigation) holds the library host and its tab. */
function world() {
  const port = createFakePort({ now });
  port.setCookie({ name: 'JSESSIONID', domain: 'e-tjanster.jarfalla.se' });
  port.setCookie({ name: 'consent', domain: '.jarfalla.se' });
  port.setCookie({ name: 'loan_sid', domain: 'bibliotek.jarfalla.se' });
  port.setCookie({ name: 'opac', domain: 'katalog.bibliotek.jarfalla.se' });
  port.setCookie({
    name: 'chips',
    domain: 'bibliotek.jarfalla.se',
    partitionKey: { topLevelSite: 'https://jarfalla.se' },
  });
  port.setSiteData({ origin: ESERVICE, kind: 'localStorage' });
  port.setSiteData({ origin: LIBRARY, kind: 'localStorage' });
  port.setSiteData({ origin: LIBRARY, kind: 'indexedDB' });
  port.addHistory({ url: `${ESERVICE}/mina-sidor`, title: 'Mina sidor' });
  port.addHistory({ url: `${LIBRARY}/lan`, title: 'Mina lån' });
  const tab = port.openTab({ url: `${ESERVICE}/mina-sidor` });
  const libraryTab = port.openTab({ url: `${LIBRARY}/lan` });
  port.setTabStorage(libraryTab, LIBRARY, 'search', 'Astrid Lindgren');
  const group: SessionGroup = {
    id: 'g-se-kommun-0123',
    sites: [
      { ruleId: 'se-kommun-0123', label: 'Järfälla kommun', scopeDomain: 'jarfalla.se', kind: 'kommun' },
    ],
    hosts: ['e-tjanster.jarfalla.se', 'bibliotek.jarfalla.se'],
    origins: [ESERVICE, LIBRARY],
    fetchedOrigins: ['https://katalog.bibliotek.jarfalla.se'],
    urls: [`${LIBRARY}/lan`],
    tabIds: [tab, libraryTab],
    startedAt: T0 - 60_000,
    lastSeenAt: T0,
  };
  return { port, group, tab, libraryTab };
}

const plan = async (w: ReturnType<typeof world>, excluded: readonly string[] = EXCLUDED) =>
  planPurge({
    id: 'p',
    trigger: 'button',
    now: T0,
    groups: [w.group],
    tabs: await w.port.listTabs(),
    clearHistory: true,
    clearDownloads: true,
    excluded,
  });

const cookie = (domain: string, over: Partial<CookieRecord> = {}): CookieRecord => ({
  name: 'c',
  value: 'v',
  domain,
  hostOnly: true,
  path: '/',
  secure: true,
  httpOnly: false,
  sameSite: 'lax',
  session: true,
  storeId: '0',
  ...over,
});

describe('planPurge with excluded domains', () => {
  it('an excluded host under a protected domain: its tab stays, its origins, history and cookies are not planned', async () => {
    const w = world();
    const p = await plan(w);
    expect(p.closeTabs.map((t) => t.tabId)).toEqual([w.tab]);
    const origins = p.siteData.flatMap((d) => d.origins);
    expect(origins.some((o) => o.includes('bibliotek.jarfalla.se'))).toBe(false);
    expect(p.hosts).not.toContain('bibliotek.jarfalla.se');
    expect(p.history?.hosts).not.toContain('bibliotek.jarfalla.se');
    expect(p.history?.urls).toEqual([]);
    expect(p.downloads?.hosts).not.toContain('bibliotek.jarfalla.se');
    expect(p.closedTabs?.hosts).not.toContain('bibliotek.jarfalla.se');
    // Chromium's cookie removal by origin takes the whole registrable domain: jarfalla.se holds the library,
    // so none of its origins goes with cookies; its cookies go one by one.
    for (const d of p.siteData.filter((e) => e.kinds.includes('cookies')))
      expect(d.origins.filter((o) => new URL(o).hostname.endsWith('jarfalla.se'))).toEqual([]);
    expect(cookieInScope(cookie('bibliotek.jarfalla.se'), p.cookies)).toBe(false);
    expect(cookieInScope(cookie('.katalog.bibliotek.jarfalla.se', { hostOnly: false }), p.cookies)).toBe(
      false,
    );
    expect(
      cookieInScope(
        cookie('bibliotek.jarfalla.se', { partitionKey: { topLevelSite: 'https://jarfalla.se' } }),
        p.cookies,
      ),
    ).toBe(false);
    expect(cookieInScope(cookie('e-tjanster.jarfalla.se'), p.cookies)).toBe(true);
    expect(cookieInScope(cookie('.jarfalla.se', { hostOnly: false }), p.cookies)).toBe(true);
  });

  it('planOutside keeps the exclusions of the plan it comes from', async () => {
    const w = world();
    const outside = planOutside(
      await plan(w),
      [{ scopeDomain: 'jarfalla.se', label: 'Järfälla kommun', hosts: ['bibliotek.jarfalla.se'] }],
      await w.port.listTabs(),
    );
    expect(outside.closeTabs.map((t) => t.tabId)).toEqual([w.tab]);
    expect(outside.hosts).toEqual([]);
    expect(cookieInScope(cookie('bibliotek.jarfalla.se'), outside.cookies)).toBe(false);
  });
});

describe('executePurge with excluded domains', () => {
  it('Järfälla is purged; the library under it keeps its tab, cookies, storage and history (Chromium)', async () => {
    const w = world();
    const report = await executePurge(await plan(w), { port: w.port, journal: journal(), now });
    const snap = w.port.snapshot();
    expect(snap.cookies.map((c) => `${c.domain} ${c.name}`).sort()).toEqual([
      'bibliotek.jarfalla.se chips',
      'bibliotek.jarfalla.se loan_sid',
      'katalog.bibliotek.jarfalla.se opac',
    ]);
    expect(snap.siteData.map((d) => `${d.origin} ${d.kind}`).sort()).toEqual([
      `${LIBRARY} indexedDB`,
      `${LIBRARY} localStorage`,
    ]);
    expect((await w.port.listTabs()).map((t) => t.id)).toEqual([w.libraryTab]);
    expect(
      (await w.port.findHistory(['e-tjanster.jarfalla.se', 'bibliotek.jarfalla.se'], 0)).map((h) => h.url),
    ).toEqual([`${LIBRARY}/lan`]);
    expect(report).toMatchObject({ leftovers: [], failures: [], verified: true });
  });
});
