/**
 * What every `BrowserDataPort` must do, checked through the browser's own state (ports-under-test.ts):
 * port-contract.test.ts runs it against the fake in both engines' models and against both engines'
 * adapters over the API double, so the fake and the adapters answer to one specification. The engine
 * sections hold what only that engine's ports promise.
 */
import { describe, expect, it } from 'vitest';
import type { CookieRecord } from '@/utils/browser-data/port';
import type { MakePort, PortUnderTest } from './ports-under-test';

const T0 = Date.UTC(2026, 10, 28, 12);
const IN_AN_HOUR = () => Math.floor(Date.now() / 1000) + 3600;
const names = (cookies: CookieRecord[]) =>
  cookies
    .map((c) => `${c.storeId} ${c.partitionKey?.topLevelSite ?? '-'} ${c.domain} ${c.name}=${c.value}`)
    .sort();
const paths = (cookies: CookieRecord[]) =>
  cookies.map((c) => `${c.storeId} ${c.domain}${c.path} ${c.name}`).sort();

/** A municipality's e-service with an embedded IdP, as a person leaves it. */
function municipality(t: PortUnderTest) {
  t.setCookie({ name: 'host', domain: 'www.jarfalla.se' });
  t.setCookie({ name: 'domain', domain: '.jarfalla.se' });
  t.setCookie({ name: 'sibling', domain: 'e.jarfalla.se' });
  t.setCookie({ name: 'private', domain: 'www.jarfalla.se', storeId: t.stores.private });
  t.setCookie({
    name: 'idp-embedded',
    domain: 'idp.broker.se',
    partitionKey: { topLevelSite: 'https://jarfalla.se' },
  });
  t.setCookie({ name: 'idp-top', domain: 'idp.broker.se' });
  t.setCookie({ name: 'lookalike', domain: 'jarfalla.se.example.com' });
  for (const kind of ['localStorage', 'indexedDB', 'cacheStorage', 'serviceWorkers'] as const) {
    t.setSiteData({ origin: 'https://www.jarfalla.se', kind, storeId: t.stores.normal });
    t.setSiteData({ origin: 'https://e.jarfalla.se', kind });
    t.setSiteData({ origin: 'https://idp.broker.se', kind, topLevelSite: 'https://jarfalla.se' });
    t.setSiteData({ origin: 'https://idp.broker.se', kind });
    t.setSiteData({ origin: 'https://www.jarfalla.se', kind, topLevelSite: 'https://broker.se' });
  }
  t.setSiteData({ origin: 'https://www.jarfalla.se', kind: 'cache', key: 'https://www.jarfalla.se/app.js' });
  t.setSiteData({ origin: 'https://idp.broker.se', kind: 'cache', key: 'https://idp.broker.se/login' });
}

const left = (t: PortUnderTest, kind: string) =>
  t
    .state()
    .siteData.filter((i) => i.kind === kind)
    .map((i) => `${i.origin}${i.topLevelSite ? ` under ${i.topLevelSite}` : ''}`)
    .sort();

export function portContract(name: string, makePort: MakePort): void {
  let now = T0;
  const make = (options: { downloadsApi?: boolean } = {}) => {
    now = T0;
    return makePort({ now: () => now, ...options });
  };

  describe(`${name}: cookies`, () => {
    it('keeps the same cookie in two partitions and unpartitioned apart, and removes exactly one', async () => {
      const t = make();
      const { port } = t;
      const sid = { name: 'sid', domain: 'idp.broker.se', secure: true, sameSite: 'no_restriction' as const };
      t.setCookie({ ...sid, value: 'top' });
      t.setCookie({ ...sid, value: 'under-jarfalla', partitionKey: { topLevelSite: 'https://jarfalla.se' } });
      t.setCookie({ ...sid, value: 'under-other', partitionKey: { topLevelSite: 'https://other.se' } });

      const all = await port.findCookies({ domain: 'broker.se' });
      expect(all).toHaveLength(3);

      const underJarfalla = all.find((c) => c.partitionKey?.topLevelSite === 'https://jarfalla.se')!;
      await port.removeCookie(underJarfalla);

      const store = t.stores.normal;
      expect(names(await port.findCookies({}))).toEqual([
        `${store} - idp.broker.se sid=top`,
        `${store} https://other.se idp.broker.se sid=under-other`,
      ]);
      expect(names(t.state().cookies)).toEqual(names(await port.findCookies({})));
    });

    it('findCookies({topLevelSite}) returns only that partition', async () => {
      const t = make();
      t.setCookie({ name: 'a', domain: 'idp.broker.se' });
      t.setCookie({
        name: 'b',
        domain: 'idp.broker.se',
        partitionKey: { topLevelSite: 'https://jarfalla.se' },
      });
      t.setCookie({
        name: 'c',
        domain: 'widget.other.se',
        partitionKey: { topLevelSite: 'https://jarfalla.se' },
      });
      t.setCookie({ name: 'd', domain: 'idp.broker.se', partitionKey: { topLevelSite: 'https://other.se' } });
      const found = await t.port.findCookies({ topLevelSite: 'https://jarfalla.se' });
      expect(found.map((c) => c.name).sort()).toEqual(['b', 'c']);
      const narrowed = await t.port.findCookies({ topLevelSite: 'https://jarfalla.se', domain: 'broker.se' });
      expect(narrowed.map((c) => c.name)).toEqual(['b']);
    });

    it('honours store ids: the regular store, the private store and containers are separate jars', async () => {
      const t = make();
      const stores = [t.stores.normal, t.stores.private, ...t.stores.containers];
      for (const storeId of stores)
        t.setCookie({ name: 'sid', value: storeId, domain: 'www.jarfalla.se', storeId });
      expect(await t.port.findCookies({ domain: 'jarfalla.se' })).toHaveLength(stores.length);
      expect((await t.port.findCookies({ storeId: t.stores.private })).map((c) => c.value)).toEqual([
        t.stores.private,
      ]);

      const last = stores.at(-1)!;
      const [inLast] = await t.port.findCookies({ storeId: last });
      await t.port.removeCookie(inLast!);
      expect((await t.port.findCookies({})).map((c) => c.storeId).sort()).toEqual(
        stores.filter((s) => s !== last).sort(),
      );
    });

    it('tells host-only cookies from domain cookies and matches domains like cookies.getAll', async () => {
      const t = make();
      t.setCookie({ name: 'sid', value: 'host', domain: 'www.jarfalla.se' });
      t.setCookie({ name: 'sid', value: 'domain', domain: '.jarfalla.se' });
      t.setCookie({ name: 'sid', value: 'sub', domain: 'e.jarfalla.se' });
      t.setCookie({ name: 'sid', value: 'apex-host', domain: 'jarfalla.se' });
      t.setCookie({ name: 'sid', value: 'lookalike', domain: 'notjarfalla.se' });
      const cookies = await t.port.findCookies({});
      expect(cookies).toHaveLength(5);
      const domainCookie = cookies.find((c) => c.value === 'domain')!;
      expect(domainCookie).toMatchObject({ domain: '.jarfalla.se', hostOnly: false });
      expect(cookies.find((c) => c.value === 'apex-host')).toMatchObject({
        domain: 'jarfalla.se',
        hostOnly: true,
      });

      const values = async (domain: string) =>
        (await t.port.findCookies({ domain })).map((c) => c.value).sort();
      expect(await values('jarfalla.se')).toEqual(['apex-host', 'domain', 'host', 'sub']);
      expect(await values('.jarfalla.se')).toEqual(['apex-host', 'domain', 'host', 'sub']);
      // A parent's domain cookie is not a cookie *of* www: getAll({domain: 'www…'}) leaves it out.
      expect(await values('www.jarfalla.se')).toEqual(['host']);

      // The apex's host-only namesake receives the same URL: it must stay all the same.
      await t.port.removeCookie(domainCookie);
      expect(await values('jarfalla.se')).toEqual(['apex-host', 'host', 'sub']);
    });

    it('removing a host-only cookie does not take the same-name domain cookie or other paths along', async () => {
      const t = make();
      t.setCookie({ name: 'sid', domain: 'www.jarfalla.se', secure: true });
      t.setCookie({ name: 'sid', domain: '.jarfalla.se', secure: true });
      t.setCookie({ name: 'sid', domain: 'www.jarfalla.se', path: '/app', secure: true });
      const store = t.stores.normal;
      const all = await t.port.findCookies({});
      await t.port.removeCookie(all.find((c) => c.path === '/app')!);
      expect(paths(t.state().cookies)).toEqual([
        `${store} .jarfalla.se/ sid`,
        `${store} www.jarfalla.se/ sid`,
      ]);
      await t.port.removeCookie(all.find((c) => c.hostOnly && c.path === '/')!);
      expect(paths(t.state().cookies)).toEqual([`${store} .jarfalla.se/ sid`]);
    });

    it('removing a partitioned cookie keeps its unpartitioned namesake', async () => {
      const t = make();
      t.setCookie({ name: 'idp', domain: 'idp.broker.se', secure: true });
      t.setCookie({
        name: 'idp',
        domain: 'idp.broker.se',
        secure: true,
        partitionKey: { topLevelSite: 'https://jarfalla.se' },
      });
      const [partitioned] = await t.port.findCookies({ topLevelSite: 'https://jarfalla.se' });
      await t.port.removeCookie(partitioned!);
      expect(t.state().cookies.map((c) => c.partitionKey?.topLevelSite ?? 'none')).toEqual(['none']);
    });

    it('removing a cookie twice, or one that never existed, is fine', async () => {
      const t = make();
      t.setCookie({ name: 'sid', domain: 'a.se', expirationDate: IN_AN_HOUR() });
      const [cookie] = await t.port.findCookies({});
      await t.port.removeCookie(cookie!);
      await expect(t.port.removeCookie(cookie!)).resolves.toBeUndefined();
      await expect(t.port.removeCookie({ ...cookie!, name: 'never' })).resolves.toBeUndefined();
      expect(await t.port.findCookies({})).toEqual([]);
    });

    it('hands out copies: changing a returned cookie does not change the browser', async () => {
      const t = make();
      t.setCookie({ name: 'sid', value: 'a', domain: 'a.se' });
      const [cookie] = await t.port.findCookies({});
      cookie!.value = 'changed';
      expect((await t.port.findCookies({}))[0]?.value).toBe('a');
    });
  });

  describe(`${name}: removeSiteData`, () => {
    it('removes cookies of the whole registrable domain, and cookies partitioned under the site, in the regular store only', async () => {
      const t = make();
      municipality(t);
      await t.port.removeSiteData(['https://www.jarfalla.se'], ['cookies']);
      // The same site signed in in a private window is another session: it stays.
      expect((await t.port.findCookies({})).map((c) => c.name).sort()).toEqual([
        'idp-top',
        'lookalike',
        'private',
      ]);
      expect(
        t
          .state()
          .cookies.map((c) => c.name)
          .sort(),
      ).toEqual(['idp-top', 'lookalike', 'private']);
      // Only cookies were asked for.
      expect(left(t, 'localStorage')).toHaveLength(5);
    });

    it('in a store named, removes that store’s cookies of the site and nothing of any other store', async () => {
      const t = make();
      municipality(t);
      for (const storeId of [t.stores.private, ...t.stores.containers])
        t.setCookie({ name: `in-${storeId}`, domain: '.jarfalla.se', storeId });
      const before = names(await t.port.findCookies({}));
      await t.port.removeSiteData(['https://www.jarfalla.se'], ['cookies', 'localStorage'], t.stores.private);
      const gone = before.filter((c) => !names(t.state().cookies).includes(c));
      expect(gone).toEqual(
        [
          `${t.stores.private} - www.jarfalla.se private=`,
          `${t.stores.private} - .jarfalla.se in-${t.stores.private}=`,
        ].sort(),
      );
      // Storage of the regular store stays.
      expect(left(t, 'localStorage')).toHaveLength(5);
    });

    it('removes the origin’s own storage, and no other origin’s', async () => {
      const t = make();
      municipality(t);
      await t.port.removeSiteData(['https://www.jarfalla.se'], ['localStorage', 'indexedDB']);
      for (const kind of ['localStorage', 'indexedDB']) {
        expect(left(t, kind)).not.toContain('https://www.jarfalla.se');
        expect(left(t, kind)).toEqual(
          expect.arrayContaining(['https://e.jarfalla.se', 'https://idp.broker.se']),
        );
      }
    });

    it('accepts host:port origins and rejects what is not an origin', async () => {
      const t = make();
      t.setSiteData({ origin: 'https://www.jarfalla.se:8443', kind: 'localStorage' });
      t.setSiteData({ origin: 'https://e.jarfalla.se', kind: 'localStorage' });
      await t.port.removeSiteData(['https://www.jarfalla.se:8443/'], ['localStorage']);
      expect(t.state().siteData.map((i) => i.origin)).toEqual(['https://e.jarfalla.se']);
      await expect(t.port.removeSiteData(['jarfalla.se'], ['localStorage'])).rejects.toThrow(
        'not a valid origin',
      );
    });

    it('is idempotent: a second run removes nothing more and does not fail', async () => {
      const t = make();
      municipality(t);
      const origins = ['https://www.jarfalla.se', 'https://idp.broker.se'];
      await t.port.removeSiteData(origins, ['cookies', 'localStorage']);
      const after = t.state();
      await t.port.removeSiteData(origins, ['cookies', 'localStorage']);
      expect(t.state()).toEqual(after);
      expect(after.cookies.map((c) => c.name).sort()).toEqual(['lookalike', 'private']);
      await expect(t.port.removeSiteData([], ['cookies'])).resolves.toBeUndefined();
    });
  });

  describe(`${name}: tabs and sessionStorage`, () => {
    it('clearTabStorage clears the tab’s sessionStorage in all frames, and ignores restricted or closed tabs', async () => {
      const t = make();
      const tab = t.openTab({ url: 'https://www.jarfalla.se/', frames: ['https://idp.broker.se/frame'] });
      const other = t.openTab({ url: 'https://other.se/' });
      const restricted = t.openTab({ url: 'about:addons' });
      t.setTabStorage(tab, 'https://www.jarfalla.se', 'k', '1');
      t.setTabStorage(tab, 'https://idp.broker.se', 'k', '2');
      t.setTabStorage(other, 'https://other.se', 'k', '3');
      t.setTabStorage(restricted, 'https://other.se', 'k', '4');

      await t.port.clearTabStorage(tab);
      await t.port.clearTabStorage(restricted);
      await t.port.clearTabStorage(999);
      expect(t.state().sessionStorage.map((s) => s.value)).toEqual(['3', '4']);
    });

    it('lists and closes tabs, ignoring ids that are already gone', async () => {
      const t = make();
      const a = t.openTab({ url: 'https://a.se/' });
      const b = t.openTab({ incognito: true });
      const store = (id: string) => (t.engine === 'firefox' ? { cookieStoreId: id } : {});
      expect(await t.port.listTabs()).toEqual([
        { id: a, windowId: 1, url: 'https://a.se/', incognito: false, ...store(t.stores.normal) },
        { id: b, windowId: 1, incognito: true, ...store(t.stores.private) },
      ]);
      await t.port.closeTabs([a, 42]);
      await t.port.closeTabs([a]);
      expect((await t.port.listTabs()).map((x) => x.id)).toEqual([b]);
    });

    it('no closed tab of the group is left to reopen after deleteHistory and forgetClosedTabs; others stay', async () => {
      const t = make();
      const ours = t.openTab({ url: 'https://www.jarfalla.se/mina-sidor' });
      const sibling = t.openTab({ url: 'https://e.jarfalla.se/' });
      const other = t.openTab({ url: 'https://other.se/' });
      for (const id of [ours, sibling, other]) await t.personClosesTab(id);
      await t.port.deleteHistory('https://www.jarfalla.se/mina-sidor');
      await t.port.deleteHistory('https://e.jarfalla.se/');
      const forgotten = await t.port.forgetClosedTabs(['www.jarfalla.se'], ['jarfalla.se'], []);
      expect(t.state().closedTabs).toEqual(['https://other.se/']);
      expect(forgotten).toBe(t.engine === 'firefox' ? 2 : 0);
    });

    it('a closed tab of an excluded host under the group’s domain (or under that host) stays on the list', async () => {
      const t = make();
      const ours = t.openTab({ url: 'https://www.jarfalla.se/mina-sidor' });
      const library = t.openTab({ url: 'https://bibliotek.jarfalla.se/lan' });
      const catalogue = t.openTab({ url: 'https://katalog.bibliotek.jarfalla.se/sok' });
      for (const id of [ours, library, catalogue]) await t.personClosesTab(id);
      await t.port.deleteHistory('https://www.jarfalla.se/mina-sidor');
      const forgotten = await t.port.forgetClosedTabs(
        ['www.jarfalla.se'],
        ['jarfalla.se'],
        ['bibliotek.jarfalla.se'],
      );
      expect([...t.state().closedTabs].sort()).toEqual([
        'https://bibliotek.jarfalla.se/lan',
        'https://katalog.bibliotek.jarfalla.se/sok',
      ]);
      expect(forgotten).toBe(t.engine === 'firefox' ? 1 : 0);
    });
  });

  describe(`${name}: history, downloads, form data`, () => {
    it('finds history by exact host and deletes entries by URL', async () => {
      const t = make();
      for (const url of [
        'https://www.jarfalla.se/mina-sidor',
        'https://www.jarfalla.se:8443/x',
        'https://e.jarfalla.se/',
        'https://search.example/?q=www.jarfalla.se',
      ])
        t.addHistory({ url, ...(url.endsWith('sidor') ? { title: 'Mina sidor' } : {}) });
      const found = await t.port.findHistory(['www.jarfalla.se'], 0);
      expect(found.map((h) => h.url)).toEqual([
        'https://www.jarfalla.se/mina-sidor',
        'https://www.jarfalla.se:8443/x',
      ]);
      await t.port.deleteHistory('https://www.jarfalla.se/mina-sidor');
      await t.port.deleteHistory('https://www.jarfalla.se/mina-sidor');
      expect((await t.port.findHistory(['www.jarfalla.se'], 0)).map((h) => h.url)).toEqual([
        'https://www.jarfalla.se:8443/x',
      ]);
    });

    it('keeps only exact-host history hits', async () => {
      const t = make();
      for (const url of [
        'https://www.jarfalla.se/a',
        'https://search.example/?q=www.jarfalla.se',
        'https://www.jarfalla.se.evil.example/',
      ])
        t.addHistory({ url });
      expect((await t.port.findHistory(['www.jarfalla.se'], 0)).map((h) => h.url)).toEqual([
        'https://www.jarfalla.se/a',
      ]);
      await t.port.deleteHistory('https://www.jarfalla.se/a');
      expect(await t.port.findHistory(['www.jarfalla.se'], 0)).toEqual([]);
    });

    it('finds only history last visited since the given time, and downloads started since then', async () => {
      const t = make();
      t.addHistory({ url: 'https://www.jarfalla.se/forra-aret', lastVisitTime: T0 - 86_400_000 });
      t.addHistory({ url: 'https://www.jarfalla.se/mina-sidor', lastVisitTime: T0 + 1_000 });
      expect((await t.port.findHistory(['www.jarfalla.se'], T0)).map((h) => h.url)).toEqual([
        'https://www.jarfalla.se/mina-sidor',
      ]);
      const old = t.addDownload({
        url: 'https://www.jarfalla.se/deklaration-2023.pdf',
        filename: '/home/u/Downloads/deklaration-2023.pdf',
        startTime: T0 - 86_400_000,
      });
      const fresh = t.addDownload({
        url: 'https://www.jarfalla.se/beslut.pdf',
        filename: '/home/u/Downloads/beslut.pdf',
        startTime: T0 + 2_000,
      });
      expect((await t.port.findDownloads(['www.jarfalla.se'], T0)).map((d) => d.id)).toEqual([fresh]);
      expect((await t.port.findDownloads(['www.jarfalla.se'])).map((d) => d.id).sort()).toEqual(
        [old, fresh].sort(),
      );
    });

    it('removes a download’s file and its entry; finds downloads by url or referrer host', async () => {
      const t = make();
      const payslip = t.addDownload({
        url: 'https://files.cdn.se/123.pdf',
        referrer: 'https://www.jarfalla.se/',
        filename: '/home/u/Downloads/lonespec.pdf',
      });
      const other = t.addDownload({ url: 'https://other.se/a.zip', filename: '/home/u/Downloads/a.zip' });
      const deleted = t.addDownload({
        url: 'https://www.jarfalla.se/b.pdf',
        filename: '/home/u/Downloads/b.pdf',
      });
      t.deleteFile('/home/u/Downloads/b.pdf');

      const found = await t.port.findDownloads(['www.jarfalla.se']);
      expect(found.map((d) => [d.id, d.exists])).toEqual([
        [payslip, true],
        [deleted, false],
      ]);
      expect(await t.port.findDownloads()).toHaveLength(3);

      await t.port.removeDownload(payslip);
      await t.port.removeDownload(deleted);
      await t.port.removeDownload(payslip);
      const { downloads, files } = t.state();
      expect(downloads.map((d) => d.id)).toEqual([other]);
      expect(files).toEqual(['/home/u/Downloads/a.zip']);
    });

    it('removes the file only when it exists, then erases the entry; an unfinished one is cancelled; a second call is a no-op', async () => {
      const t = make();
      const referrer = 'https://www.jarfalla.se/';
      const ids = [
        t.addDownload({ url: 'https://cdn.se/a.pdf', referrer, filename: '/d/a.pdf' }),
        t.addDownload({ url: 'https://cdn.se/b.pdf', referrer, filename: '/d/b.pdf', exists: false }),
        t.addDownload({ url: 'https://cdn.se/c.pdf', referrer, filename: '/d/c.pdf', state: 'in_progress' }),
      ];
      expect((await t.port.findDownloads(['www.jarfalla.se'])).map((x) => x.id)).toEqual(ids);
      for (const id of [...ids, ids[0]!]) await t.port.removeDownload(id);
      expect(t.state().downloads).toEqual([]);
      expect(t.state().files).toEqual([]);
    });

    it('without the downloads API finds nothing and removes nothing, without throwing', async () => {
      const t = make({ downloadsApi: false });
      const id = t.addDownload({ url: 'https://a.se/x', filename: 'x' });
      await expect(t.port.findDownloads()).resolves.toEqual([]);
      await expect(t.port.removeDownload(id)).resolves.toBeUndefined();
      expect(t.state().files).toEqual(['x']);
    });

    it('removes what forms saved since the given time, and keeps what they saved before', async () => {
      const t = make();
      t.fillForm('name', 'Anna');
      now += 60_000;
      const since = now;
      t.fillForm('personnummer', '19800101-1234');
      now += 1000;
      t.fillForm('name', 'Bo');
      await t.port.removeFormData(since);
      expect(t.state().formData).toEqual(['name=Anna']);
    });

    it('removes the HTTP cache by time (every site’s), and nothing else', async () => {
      const t = make();
      municipality(t);
      const before = t.state();
      const notCache = (st: typeof before) => st.siteData.filter((i) => i.kind !== 'cache');
      expect(left(t, 'cache')).toHaveLength(2);
      await t.port.removeHttpCache(T0 - 60_000);
      expect(left(t, 'cache')).toEqual([]);
      expect(notCache(t.state())).toEqual(notCache(before));
      expect(t.state().cookies).toEqual(before.cookies);
    });
  });

  // Which engine's promises apply is the port's own answer (a throwaway port, made while collecting).
  const engine = makePort({ now: () => T0 }).engine;

  describe.runIf(engine === 'chrome')(`${name}: Chromium site data`, () => {
    it('removes storage of exactly the origin plus everything partitioned under its site', async () => {
      const t = make();
      municipality(t);
      await t.port.removeSiteData(['https://www.jarfalla.se'], ['localStorage', 'indexedDB', 'cacheStorage']);
      for (const kind of ['localStorage', 'indexedDB', 'cacheStorage']) {
        expect(left(t, kind)).toEqual([
          'https://e.jarfalla.se',
          'https://idp.broker.se',
          // What www wrote as a third party under broker.se is keyed to broker.se: Chrome leaves it.
          'https://www.jarfalla.se under https://broker.se',
        ]);
      }
      expect(left(t, 'serviceWorkers')).toHaveLength(5);
    });

    it('the HTTP cache goes by URL origin', async () => {
      const t = make();
      municipality(t);
      await t.port.removeSiteData(['https://www.jarfalla.se'], ['cache']);
      expect(left(t, 'cache')).toEqual(['https://idp.broker.se']);
    });

    it('a host:port origin is exactly that origin: the host without the port keeps its storage', async () => {
      const t = make();
      t.setSiteData({ origin: 'https://www.jarfalla.se:8443', kind: 'localStorage' });
      t.setSiteData({ origin: 'https://www.jarfalla.se', kind: 'localStorage' });
      await t.port.removeSiteData(['https://www.jarfalla.se:8443/'], ['localStorage']);
      expect(t.state().siteData.map((i) => i.origin)).toEqual(['https://www.jarfalla.se']);
    });
  });

  describe.runIf(engine === 'firefox')(`${name}: Firefox`, () => {
    it('keys cookies by path and first-party domain too', async () => {
      const t = make();
      t.setCookie({ name: 'sid', domain: 'a.se', path: '/' });
      t.setCookie({ name: 'sid', domain: 'a.se', path: '/app' });
      t.setCookie({ name: 'sid', domain: 'a.se', firstPartyDomain: 'a.se' });
      expect(await t.port.findCookies({})).toHaveLength(3);
      await t.port.removeCookie({
        ...(await t.port.findCookies({}))[0]!,
        path: '/app',
        firstPartyDomain: undefined,
      });
      expect(
        (await t.port.findCookies({})).map((c) => `${c.path} ${c.firstPartyDomain ?? ''}`).sort(),
      ).toEqual(['/ ', '/ a.se']);
    });

    it('with first-party isolation, cookies isolated under the removed domain go too', async () => {
      const t = make();
      t.setCookie({ name: 'idp', domain: 'idp.broker.se', firstPartyDomain: 'jarfalla.se' });
      t.setCookie({ name: 'idp', domain: 'idp.broker.se', firstPartyDomain: 'other.se' });
      await t.port.removeSiteData(['https://www.jarfalla.se'], ['cookies']);
      expect((await t.port.findCookies({})).map((c) => c.firstPartyDomain)).toEqual(['other.se']);
    });

    it('storage goes by host in every partition; Cache Storage first-party only; the whole HTTP cache goes', async () => {
      const t = make();
      municipality(t);
      await t.port.removeSiteData(['https://www.jarfalla.se'], ['localStorage', 'cacheStorage', 'cache']);
      expect(left(t, 'localStorage')).toEqual([
        'https://e.jarfalla.se',
        'https://idp.broker.se',
        // Firefox cannot reach other hosts' data partitioned under the removed site.
        'https://idp.broker.se under https://jarfalla.se',
      ]);
      // A page of the origin empties its own Cache Storage (it had a cookie there): not its partitions elsewhere.
      expect(left(t, 'cacheStorage')).toEqual([
        'https://e.jarfalla.se',
        'https://idp.broker.se',
        'https://idp.broker.se under https://jarfalla.se',
        'https://www.jarfalla.se under https://broker.se',
      ]);
      expect(left(t, 'cache')).toEqual([]);
    });

    it('Cache Storage of an origin no cookie shows in use, or in private browsing, stays', async () => {
      const t = make();
      t.setCookie({ name: 'p', domain: 'www.jarfalla.se', storeId: t.stores.private });
      t.setSiteData({ origin: 'https://www.jarfalla.se', kind: 'cacheStorage', storeId: t.stores.private });
      t.setSiteData({ origin: 'https://e.jarfalla.se', kind: 'cacheStorage' });
      await t.port.removeSiteData(
        ['https://www.jarfalla.se', 'https://e.jarfalla.se'],
        ['cookies', 'cacheStorage'],
      );
      expect(left(t, 'cacheStorage')).toEqual(['https://e.jarfalla.se', 'https://www.jarfalla.se']);
    });

    it('closing a tab empties its Cache Storage first', async () => {
      const t = make();
      const tab = t.openTab({ url: 'https://www.jarfalla.se/', cookieStoreId: 'firefox-container-1' });
      t.setSiteData({
        origin: 'https://www.jarfalla.se',
        kind: 'cacheStorage',
        storeId: 'firefox-container-1',
      });
      t.setSiteData({ origin: 'https://www.jarfalla.se', kind: 'cacheStorage' });
      await t.port.closeTabs([tab]);
      expect(t.state().siteData.map((i) => i.storeId)).toEqual(['firefox-default']);
    });

    it('clearTabStorage also empties Cache Storage of the tab’s frames, in their partitions', async () => {
      const t = make();
      const tab = t.openTab({ url: 'https://www.jarfalla.se/', frames: ['https://idp.broker.se/frame'] });
      t.setSiteData({ origin: 'https://www.jarfalla.se', kind: 'cacheStorage' });
      t.setSiteData({
        origin: 'https://idp.broker.se',
        kind: 'cacheStorage',
        topLevelSite: 'https://jarfalla.se',
      });
      t.setSiteData({ origin: 'https://idp.broker.se', kind: 'cacheStorage' });
      t.setSiteData({
        origin: 'https://www.jarfalla.se',
        kind: 'cacheStorage',
        storeId: 'firefox-container-1',
      });
      await t.port.clearTabStorage(tab);
      expect(t.state().siteData.map((i) => `${i.storeId} ${i.origin} ${i.topLevelSite ?? ''}`)).toEqual([
        'firefox-default https://idp.broker.se ',
        'firefox-container-1 https://www.jarfalla.se ',
      ]);
    });
  });
}
