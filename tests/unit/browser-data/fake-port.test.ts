import { describe, expect, it } from 'vitest';
import { createFakePort } from '@/tests/fakes/fake-port';
import type { CookieRecord } from '@/utils/browser-data/port';

const IN_AN_HOUR = () => Math.floor(Date.now() / 1000) + 3600;
const names = (cookies: CookieRecord[]) =>
  cookies
    .map((c) => `${c.storeId} ${c.partitionKey?.topLevelSite ?? '-'} ${c.domain} ${c.name}=${c.value}`)
    .sort();

describe('fake port: cookies', () => {
  it('keeps the same cookie in two partitions and unpartitioned apart, and removes exactly one', async () => {
    const port = createFakePort();
    const sid = { name: 'sid', domain: 'idp.broker.se', secure: true, sameSite: 'no_restriction' as const };
    port.setCookie({ ...sid, value: 'top' });
    port.setCookie({
      ...sid,
      value: 'under-jarfalla',
      partitionKey: { topLevelSite: 'https://jarfalla.se' },
    });
    port.setCookie({ ...sid, value: 'under-other', partitionKey: { topLevelSite: 'https://other.se' } });

    const all = await port.findCookies({ domain: 'broker.se' });
    expect(all).toHaveLength(3);

    const underJarfalla = all.find((c) => c.partitionKey?.topLevelSite === 'https://jarfalla.se')!;
    await port.removeCookie(underJarfalla);

    expect(names(await port.findCookies({}))).toEqual([
      '0 - idp.broker.se sid=top',
      '0 https://other.se idp.broker.se sid=under-other',
    ]);
  });

  it('findCookies({topLevelSite}) returns only that partition', async () => {
    const port = createFakePort({
      cookies: [
        { name: 'a', domain: 'idp.broker.se' },
        { name: 'b', domain: 'idp.broker.se', partitionKey: { topLevelSite: 'https://jarfalla.se' } },
        { name: 'c', domain: 'widget.other.se', partitionKey: { topLevelSite: 'https://jarfalla.se' } },
        { name: 'd', domain: 'idp.broker.se', partitionKey: { topLevelSite: 'https://other.se' } },
      ],
    });
    const found = await port.findCookies({ topLevelSite: 'https://jarfalla.se' });
    expect(found.map((c) => c.name).sort()).toEqual(['b', 'c']);
    const narrowed = await port.findCookies({ topLevelSite: 'https://jarfalla.se', domain: 'broker.se' });
    expect(narrowed.map((c) => c.name)).toEqual(['b']);
  });

  it('honours store ids: default, private and Firefox containers are separate jars', async () => {
    const port = createFakePort({ engine: 'firefox' });
    for (const storeId of ['firefox-default', 'firefox-private', 'firefox-container-2']) {
      port.setCookie({ name: 'sid', value: storeId, domain: 'www.jarfalla.se', storeId });
    }
    expect(await port.findCookies({ domain: 'jarfalla.se' })).toHaveLength(3);
    expect((await port.findCookies({ storeId: 'firefox-private' })).map((c) => c.value)).toEqual([
      'firefox-private',
    ]);

    const [inContainer] = await port.findCookies({ storeId: 'firefox-container-2' });
    await port.removeCookie(inContainer!);
    expect((await port.findCookies({})).map((c) => c.storeId).sort()).toEqual([
      'firefox-default',
      'firefox-private',
    ]);
  });

  it('defaults to Chrome store ids and has private store "1"', () => {
    const port = createFakePort();
    expect([port.defaultStoreId, port.privateStoreId]).toEqual(['0', '1']);
    expect(port.setCookie({ name: 'x', domain: 'a.se' }).storeId).toBe('0');
  });

  it('tells host-only cookies from domain cookies and matches domains like cookies.getAll', async () => {
    const port = createFakePort({
      cookies: [
        { name: 'sid', value: 'host', domain: 'www.jarfalla.se' },
        { name: 'sid', value: 'domain', domain: '.jarfalla.se' },
        { name: 'sid', value: 'sub', domain: 'e.jarfalla.se' },
        { name: 'sid', value: 'apex-host', domain: 'jarfalla.se' },
        { name: 'sid', value: 'lookalike', domain: 'notjarfalla.se' },
      ],
    });
    const cookies = await port.findCookies({});
    expect(cookies).toHaveLength(5);
    const domainCookie = cookies.find((c) => c.value === 'domain')!;
    expect(domainCookie).toMatchObject({ domain: '.jarfalla.se', hostOnly: false });
    expect(cookies.find((c) => c.value === 'apex-host')).toMatchObject({
      domain: 'jarfalla.se',
      hostOnly: true,
    });

    const values = async (domain: string) => (await port.findCookies({ domain })).map((c) => c.value).sort();
    expect(await values('jarfalla.se')).toEqual(['apex-host', 'domain', 'host', 'sub']);
    expect(await values('.jarfalla.se')).toEqual(['apex-host', 'domain', 'host', 'sub']);
    // A parent's domain cookie is not a cookie *of* www: getAll({domain: 'www…'}) leaves it out.
    expect(await values('www.jarfalla.se')).toEqual(['host']);

    await port.removeCookie(domainCookie);
    expect(await values('jarfalla.se')).toEqual(['apex-host', 'host', 'sub']);
  });

  it('does not return expired cookies, and setting an expired cookie deletes it', async () => {
    let now = Date.UTC(2026, 10, 28, 12);
    const port = createFakePort({ now: () => now });
    const inAMinute = now / 1000 + 60;
    port.setCookie({ name: 'short', domain: 'a.se', expirationDate: inAMinute });
    port.setCookie({ name: 'session', domain: 'a.se' });
    port.setCookie({ name: 'gone', domain: 'a.se', expirationDate: inAMinute });
    port.setCookie({ name: 'gone', domain: 'a.se', expirationDate: now / 1000 - 1 });
    expect((await port.findCookies({})).map((c) => c.name).sort()).toEqual(['session', 'short']);

    now += 61_000;
    expect((await port.findCookies({})).map((c) => [c.name, c.session])).toEqual([['session', true]]);
  });

  it('keys by path and first-party domain too', async () => {
    const port = createFakePort({ engine: 'firefox' });
    port.setCookie({ name: 'sid', domain: 'a.se', path: '/' });
    port.setCookie({ name: 'sid', domain: 'a.se', path: '/app' });
    port.setCookie({ name: 'sid', domain: 'a.se', firstPartyDomain: 'a.se' });
    expect(await port.findCookies({})).toHaveLength(3);
    await port.removeCookie({
      ...(await port.findCookies({}))[0]!,
      path: '/app',
      firstPartyDomain: undefined,
    });
    expect((await port.findCookies({})).map((c) => `${c.path} ${c.firstPartyDomain ?? ''}`).sort()).toEqual([
      '/ ',
      '/ a.se',
    ]);
  });

  it('removing a cookie twice, or one that never existed, is fine', async () => {
    const port = createFakePort();
    const cookie = port.setCookie({ name: 'sid', domain: 'a.se', expirationDate: IN_AN_HOUR() });
    await port.removeCookie(cookie);
    await expect(port.removeCookie(cookie)).resolves.toBeUndefined();
    await expect(port.removeCookie({ ...cookie, name: 'never' })).resolves.toBeUndefined();
    expect(await port.findCookies({})).toEqual([]);
  });
});

describe('fake port: removeSiteData', () => {
  function municipality(engine: 'chrome' | 'firefox' = 'chrome') {
    const port = createFakePort({ engine });
    const store = port.defaultStoreId;
    port.setCookie({ name: 'host', domain: 'www.jarfalla.se' });
    port.setCookie({ name: 'domain', domain: '.jarfalla.se' });
    port.setCookie({ name: 'sibling', domain: 'e.jarfalla.se' });
    port.setCookie({ name: 'private', domain: 'www.jarfalla.se', storeId: port.privateStoreId });
    port.setCookie({
      name: 'idp-embedded',
      domain: 'idp.broker.se',
      partitionKey: { topLevelSite: 'https://jarfalla.se' },
    });
    port.setCookie({ name: 'idp-top', domain: 'idp.broker.se' });
    port.setCookie({ name: 'lookalike', domain: 'jarfalla.se.example.com' });
    for (const kind of ['localStorage', 'indexedDB', 'cacheStorage', 'serviceWorkers'] as const) {
      port.setSiteData({ origin: 'https://www.jarfalla.se', kind, storeId: store });
      port.setSiteData({ origin: 'https://e.jarfalla.se', kind });
      port.setSiteData({ origin: 'https://idp.broker.se', kind, topLevelSite: 'https://jarfalla.se' });
      port.setSiteData({ origin: 'https://idp.broker.se', kind });
      port.setSiteData({ origin: 'https://www.jarfalla.se', kind, topLevelSite: 'https://broker.se' });
    }
    port.setSiteData({
      origin: 'https://www.jarfalla.se',
      kind: 'cache',
      key: 'https://www.jarfalla.se/app.js',
    });
    port.setSiteData({ origin: 'https://idp.broker.se', kind: 'cache', key: 'https://idp.broker.se/login' });
    return port;
  }
  const left = (port: ReturnType<typeof municipality>, kind: string) =>
    port
      .snapshot()
      .siteData.filter((i) => i.kind === kind)
      .map((i) => `${i.origin}${i.topLevelSite ? ` under ${i.topLevelSite}` : ''}`)
      .sort();

  it('removes cookies of the whole registrable domain, in every store, and cookies partitioned under the site', async () => {
    const port = municipality();
    await port.removeSiteData(['https://www.jarfalla.se'], ['cookies']);
    expect((await port.findCookies({})).map((c) => c.name).sort()).toEqual(['idp-top', 'lookalike']);
    // Only cookies were asked for.
    expect(left(port, 'localStorage')).toHaveLength(5);
  });

  it('with Firefox first-party isolation, cookies isolated under the removed domain go too', async () => {
    const port = createFakePort({ engine: 'firefox' });
    port.setCookie({ name: 'idp', domain: 'idp.broker.se', firstPartyDomain: 'jarfalla.se' });
    port.setCookie({ name: 'idp', domain: 'idp.broker.se', firstPartyDomain: 'other.se' });
    await port.removeSiteData(['https://www.jarfalla.se'], ['cookies']);
    expect((await port.findCookies({})).map((c) => c.firstPartyDomain)).toEqual(['other.se']);
  });

  it('chrome: removes storage of exactly the origin plus everything partitioned under its site', async () => {
    const port = municipality('chrome');
    await port.removeSiteData(['https://www.jarfalla.se'], ['localStorage', 'indexedDB', 'cacheStorage']);
    for (const kind of ['localStorage', 'indexedDB', 'cacheStorage']) {
      expect(left(port, kind)).toEqual([
        'https://e.jarfalla.se',
        'https://idp.broker.se',
        // What www wrote as a third party under broker.se is keyed to broker.se: Chrome leaves it.
        'https://www.jarfalla.se under https://broker.se',
      ]);
    }
    expect(left(port, 'serviceWorkers')).toHaveLength(5);
  });

  it('chrome: the HTTP cache goes by URL origin', async () => {
    const port = municipality('chrome');
    await port.removeSiteData(['https://www.jarfalla.se'], ['cache']);
    expect(left(port, 'cache')).toEqual(['https://idp.broker.se']);
  });

  it('firefox: storage goes by host in every partition; Cache Storage first-party only; the whole HTTP cache goes', async () => {
    const port = municipality('firefox');
    await port.removeSiteData(['https://www.jarfalla.se'], ['localStorage', 'cacheStorage', 'cache']);
    expect(left(port, 'localStorage')).toEqual([
      'https://e.jarfalla.se',
      'https://idp.broker.se',
      // Firefox cannot reach other hosts' data partitioned under the removed site.
      'https://idp.broker.se under https://jarfalla.se',
    ]);
    // A page of the origin empties its own Cache Storage (it had a cookie there): not its partitions elsewhere.
    expect(left(port, 'cacheStorage')).toEqual([
      'https://e.jarfalla.se',
      'https://idp.broker.se',
      'https://idp.broker.se under https://jarfalla.se',
      'https://www.jarfalla.se under https://broker.se',
    ]);
    expect(left(port, 'cache')).toEqual([]);
  });

  it('firefox: Cache Storage of an origin no cookie shows in use, or in private browsing, stays', async () => {
    const port = createFakePort({ engine: 'firefox' });
    port.setCookie({ name: 'p', domain: 'www.jarfalla.se', storeId: port.privateStoreId });
    port.setSiteData({
      origin: 'https://www.jarfalla.se',
      kind: 'cacheStorage',
      storeId: port.privateStoreId,
    });
    port.setSiteData({ origin: 'https://e.jarfalla.se', kind: 'cacheStorage' });
    await port.removeSiteData(
      ['https://www.jarfalla.se', 'https://e.jarfalla.se'],
      ['cookies', 'cacheStorage'],
    );
    expect(left(port, 'cacheStorage')).toEqual(['https://e.jarfalla.se', 'https://www.jarfalla.se']);
  });

  it('firefox: closing a tab empties its Cache Storage first', async () => {
    const port = createFakePort({ engine: 'firefox' });
    const tab = port.openTab({ url: 'https://www.jarfalla.se/', cookieStoreId: 'firefox-container-1' });
    port.setSiteData({
      origin: 'https://www.jarfalla.se',
      kind: 'cacheStorage',
      storeId: 'firefox-container-1',
    });
    port.setSiteData({ origin: 'https://www.jarfalla.se', kind: 'cacheStorage' });
    await port.closeTabs([tab]);
    expect(port.snapshot().siteData.map((i) => i.storeId)).toEqual(['firefox-default']);
  });

  it('accepts host:port origins and rejects what is not an origin', async () => {
    const port = createFakePort();
    port.setSiteData({ origin: 'https://www.jarfalla.se:8443', kind: 'localStorage' });
    port.setSiteData({ origin: 'https://www.jarfalla.se', kind: 'localStorage' });
    await port.removeSiteData(['https://www.jarfalla.se:8443/'], ['localStorage']);
    expect(port.snapshot().siteData.map((i) => i.origin)).toEqual(['https://www.jarfalla.se']);
    await expect(port.removeSiteData(['jarfalla.se'], ['localStorage'])).rejects.toThrow(
      'not a valid origin',
    );
  });

  it('is idempotent: a second run removes nothing more and does not fail', async () => {
    const port = municipality();
    await port.removeSiteData(
      ['https://www.jarfalla.se', 'https://idp.broker.se'],
      ['cookies', 'localStorage'],
    );
    const after = port.snapshot();
    await port.removeSiteData(
      ['https://www.jarfalla.se', 'https://idp.broker.se'],
      ['cookies', 'localStorage'],
    );
    expect(port.snapshot()).toEqual(after);
    expect(after.cookies.map((c) => c.name)).toEqual(['lookalike']);
    await expect(port.removeSiteData([], ['cookies'])).resolves.toBeUndefined();
  });
});

describe('fake port: tabs, sessionStorage, history, downloads', () => {
  it('clearTabStorage clears the tab’s sessionStorage in all frames, and ignores restricted or closed tabs', async () => {
    const port = createFakePort();
    const tab = port.openTab({ url: 'https://www.jarfalla.se/', frames: ['https://idp.broker.se/frame'] });
    const other = port.openTab({ url: 'https://other.se/' });
    const restricted = port.openTab({ url: 'about:addons' });
    port.setTabStorage(tab, 'https://www.jarfalla.se', 'k', '1');
    port.setTabStorage(tab, 'https://idp.broker.se', 'k', '2');
    port.setTabStorage(other, 'https://other.se', 'k', '3');
    port.setTabStorage(restricted, 'https://other.se', 'k', '4');

    await port.clearTabStorage(tab);
    await port.clearTabStorage(restricted);
    await port.clearTabStorage(999);
    expect(port.snapshot().sessionStorage.map((s) => s.value)).toEqual(['3', '4']);
  });

  it('firefox: clearTabStorage also empties Cache Storage of the tab’s frames, in their partitions', async () => {
    const port = createFakePort({ engine: 'firefox' });
    const tab = port.openTab({ url: 'https://www.jarfalla.se/', frames: ['https://idp.broker.se/frame'] });
    port.setSiteData({ origin: 'https://www.jarfalla.se', kind: 'cacheStorage' });
    port.setSiteData({
      origin: 'https://idp.broker.se',
      kind: 'cacheStorage',
      topLevelSite: 'https://jarfalla.se',
    });
    port.setSiteData({ origin: 'https://idp.broker.se', kind: 'cacheStorage' });
    port.setSiteData({
      origin: 'https://www.jarfalla.se',
      kind: 'cacheStorage',
      storeId: 'firefox-container-1',
    });
    await port.clearTabStorage(tab);
    expect(port.snapshot().siteData.map((i) => `${i.storeId} ${i.origin} ${i.topLevelSite ?? ''}`)).toEqual([
      'firefox-default https://idp.broker.se ',
      'firefox-container-1 https://www.jarfalla.se ',
    ]);
  });

  it('lists and closes tabs, ignoring ids that are already gone', async () => {
    const port = createFakePort({ engine: 'firefox', tabs: [{ url: 'https://a.se/' }, { incognito: true }] });
    expect(await port.listTabs()).toEqual([
      { id: 1, windowId: 1, url: 'https://a.se/', incognito: false, cookieStoreId: 'firefox-default' },
      { id: 2, windowId: 1, incognito: true, cookieStoreId: 'firefox-private' },
    ]);
    await port.closeTabs([1, 42]);
    await port.closeTabs([1]);
    expect((await port.listTabs()).map((t) => t.id)).toEqual([2]);
  });

  it('finds history by exact host and deletes entries by URL', async () => {
    const port = createFakePort({
      history: [
        { url: 'https://www.jarfalla.se/mina-sidor', title: 'Mina sidor' },
        { url: 'https://www.jarfalla.se:8443/x' },
        { url: 'https://e.jarfalla.se/' },
        { url: 'https://search.example/?q=www.jarfalla.se' },
      ],
    });
    const found = await port.findHistory(['www.jarfalla.se']);
    expect(found.map((h) => h.url)).toEqual([
      'https://www.jarfalla.se/mina-sidor',
      'https://www.jarfalla.se:8443/x',
    ]);
    await port.deleteHistory('https://www.jarfalla.se/mina-sidor');
    await port.deleteHistory('https://www.jarfalla.se/mina-sidor');
    expect((await port.findHistory(['www.jarfalla.se'])).map((h) => h.url)).toEqual([
      'https://www.jarfalla.se:8443/x',
    ]);
  });

  it('removes a download’s file and its entry; finds downloads by url or referrer host', async () => {
    const port = createFakePort();
    const payslip = port.addDownload({
      url: 'https://files.cdn.se/123.pdf',
      referrer: 'https://www.jarfalla.se/',
      filename: '/home/u/Downloads/lonespec.pdf',
    });
    const other = port.addDownload({ url: 'https://other.se/a.zip', filename: '/home/u/Downloads/a.zip' });
    const deleted = port.addDownload({
      url: 'https://www.jarfalla.se/b.pdf',
      filename: '/home/u/Downloads/b.pdf',
    });
    port.deleteFile('/home/u/Downloads/b.pdf');

    const found = await port.findDownloads(['www.jarfalla.se']);
    expect(found.map((d) => [d.id, d.exists])).toEqual([
      [payslip, true],
      [deleted, false],
    ]);
    expect(await port.findDownloads()).toHaveLength(3);

    await port.removeDownload(payslip);
    await port.removeDownload(deleted);
    await port.removeDownload(payslip);
    const { downloads, files } = port.snapshot();
    expect(downloads.map((d) => d.id)).toEqual([other]);
    expect(files).toEqual(['/home/u/Downloads/a.zip']);
  });

  it('without the downloads API findDownloads answers [] instead of throwing', async () => {
    const port = createFakePort({
      downloadsApi: false,
      downloads: [{ url: 'https://a.se/x', filename: 'x' }],
    });
    await expect(port.findDownloads()).resolves.toEqual([]);
  });
});

describe('fake port: injected trouble', () => {
  it('failNext makes the next call reject without effect, then behaves again', async () => {
    const port = createFakePort();
    const cookie = port.setCookie({ name: 'sid', domain: 'a.se' });
    port.failNext('removeCookie', { error: new Error('No host permission') });
    await expect(port.removeCookie(cookie)).rejects.toThrow('No host permission');
    expect(await port.findCookies({})).toHaveLength(1);
    await port.removeCookie(cookie);
    expect(await port.findCookies({})).toHaveLength(0);
    expect(port.callCount('removeCookie')).toBe(2);
  });

  it('failNext with afterEffect does the work and still rejects (a lost answer), and can repeat', async () => {
    const port = createFakePort();
    port.setSiteData({ origin: 'https://a.se', kind: 'localStorage' });
    port.failNext('removeSiteData', { afterEffect: true, times: 2 });
    await expect(port.removeSiteData(['https://a.se'], ['localStorage'])).rejects.toThrow('injected');
    expect(port.snapshot().siteData).toEqual([]);
    await expect(port.removeSiteData(['https://a.se'], ['localStorage'])).rejects.toThrow('injected');
    await expect(port.removeSiteData(['https://a.se'], ['localStorage'])).resolves.toBeUndefined();
  });

  it('a sticky cookie survives removeCookie and removeSiteData until it is released', async () => {
    const port = createFakePort({
      cookies: [
        { name: 'sid', domain: 'www.jarfalla.se' },
        { name: 'lang', domain: 'www.jarfalla.se' },
      ],
    });
    const release = port.stickCookies((c) => c.name === 'sid');
    await port.removeSiteData(['https://www.jarfalla.se'], ['cookies']);
    const [sid] = await port.findCookies({});
    expect(sid?.name).toBe('sid');
    await port.removeCookie(sid!);
    expect(await port.findCookies({})).toHaveLength(1);

    release();
    await port.removeCookie(sid!);
    expect(await port.findCookies({})).toEqual([]);
  });

  it('sticky site data survives removeSiteData', async () => {
    const port = createFakePort();
    port.setSiteData({ origin: 'https://a.se', kind: 'indexedDB' });
    port.setSiteData({ origin: 'https://a.se', kind: 'localStorage' });
    port.stickSiteData((i) => i.kind === 'indexedDB');
    await port.removeSiteData(['https://a.se'], ['indexedDB', 'localStorage']);
    expect(port.snapshot().siteData.map((i) => i.kind)).toEqual(['indexedDB']);
  });

  it('hands out copies: changing a returned cookie does not change the browser', async () => {
    const port = createFakePort({ cookies: [{ name: 'sid', value: 'a', domain: 'a.se' }] });
    const [cookie] = await port.findCookies({});
    cookie!.value = 'changed';
    expect((await port.findCookies({}))[0]?.value).toBe('a');
  });
});
