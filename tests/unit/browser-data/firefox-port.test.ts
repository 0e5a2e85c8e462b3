import { describe, expect, it } from 'vitest';
import { createChromePort } from '@/utils/browser-data/chrome-port';
import { createFirefoxPort } from '@/utils/browser-data/firefox-port';
import type { CookieSetDetails } from '@/utils/browser-data/webext-api';
import { cookieUrl, toCookieRecord } from '@/utils/browser-data/webext-cookies';
import { createApiDouble } from './webext-api-double';

const names = (cookies: { domain: string; path: string; name: string; storeId: string }[]) =>
  cookies.map((c) => `${c.storeId} ${c.domain}${c.path} ${c.name}`).sort();

async function seed(double: ReturnType<typeof createApiDouble>, cookies: CookieSetDetails[]) {
  for (const c of cookies) await double.api.cookies.set({ value: 'v', secure: true, ...c });
}

describe('webext port: cookies', () => {
  it('maps browser cookies to CookieRecord and builds an https URL that reaches them', () => {
    const record = toCookieRecord({
      name: 'sid',
      value: 'x',
      domain: '.jarfalla.se',
      hostOnly: false,
      path: '/app',
      secure: false,
      httpOnly: true,
      sameSite: 'weird',
      session: true,
      storeId: 'firefox-default',
      partitionKey: null,
      firstPartyDomain: '',
    });
    expect(record).toEqual({
      name: 'sid',
      value: 'x',
      domain: '.jarfalla.se',
      hostOnly: false,
      path: '/app',
      secure: false,
      httpOnly: true,
      sameSite: 'unspecified',
      session: true,
      storeId: 'firefox-default',
      firstPartyDomain: '',
    });
    expect(cookieUrl(record)).toBe('https://jarfalla.se/app');
  });

  it('firefox: finds cookies in container stores that have no tabs, and asks for every first-party domain', async () => {
    const double = createApiDouble('firefox');
    double.containers = ['firefox-container-3'];
    await seed(double, [
      { url: 'https://www.jarfalla.se/', name: 'a' },
      { url: 'https://www.jarfalla.se/', name: 'b', storeId: 'firefox-container-3' },
      { url: 'https://www.jarfalla.se/', name: 'c', firstPartyDomain: 'jarfalla.se' },
    ]);
    const port = createFirefoxPort(double.api).port;
    expect((await port.findCookies({ domain: 'jarfalla.se' })).map((c) => c.name).sort()).toEqual([
      'a',
      'b',
      'c',
    ]);
  });

  it('chrome: a read of every cookie reaches the browser before a removal asked for in the same turn', async () => {
    // The purge counts with this read while its bulk removal is on the way (utils/purge/execute.ts).
    const double = createApiDouble('chrome');
    double.listedStores = ['0', '1'];
    await seed(double, [
      { url: 'https://www.jarfalla.se/', name: 'sid' },
      { url: 'https://www.jarfalla.se/', name: 'incognito', storeId: '1' },
      { url: 'https://www.lokaltidningen.se/', name: 'paper' },
    ]);
    const port = createChromePort(double.api).port;
    const read = port.findCookies({});
    const removal = port.removeSiteData(['https://www.jarfalla.se'], ['cookies']);
    const [before] = await Promise.all([read, removal]);
    expect(names(before)).toEqual([
      '0 www.jarfalla.se/ sid',
      '0 www.lokaltidningen.se/ paper',
      '1 www.jarfalla.se/ incognito',
    ]);
    expect(names(double.cookies)).toEqual(['0 www.lokaltidningen.se/ paper']);
  });

  it('chrome: removing a host-only cookie does not take the same-name domain cookie or other paths along', async () => {
    const double = createApiDouble('chrome');
    await seed(double, [
      { url: 'https://www.jarfalla.se/', name: 'sid' },
      { url: 'https://www.jarfalla.se/', name: 'sid', domain: '.jarfalla.se' },
      { url: 'https://www.jarfalla.se/app', name: 'sid', path: '/app' },
    ]);
    const port = createChromePort(double.api).port;
    const all = await port.findCookies({});
    await port.removeCookie(all.find((c) => c.path === '/app')!);
    expect(names(double.cookies)).toEqual(['0 .jarfalla.se/ sid', '0 www.jarfalla.se/ sid']);
    await port.removeCookie(all.find((c) => c.hostOnly && c.path === '/')!);
    expect(names(double.cookies)).toEqual(['0 .jarfalla.se/ sid']);
  });

  it('chrome: removing a partitioned cookie keeps its unpartitioned namesake', async () => {
    const double = createApiDouble('chrome');
    await seed(double, [
      { url: 'https://idp.broker.se/', name: 'idp' },
      { url: 'https://idp.broker.se/', name: 'idp', partitionKey: { topLevelSite: 'https://jarfalla.se' } },
    ]);
    const port = createChromePort(double.api).port;
    const [partitioned] = await port.findCookies({ topLevelSite: 'https://jarfalla.se' });
    await port.removeCookie(partitioned!);
    expect(double.cookies.map((c) => c.partitionKey?.topLevelSite ?? 'none')).toEqual(['none']);
  });

  it('firefox: when remove takes a namesake first, it goes again and puts the namesake back', async () => {
    const double = createApiDouble('firefox');
    await seed(double, [
      { url: 'https://www.jarfalla.se/', name: 'sid', domain: '.jarfalla.se' }, // met first
      { url: 'https://www.jarfalla.se/', name: 'sid' },
    ]);
    const port = createFirefoxPort(double.api).port;
    const target = (await port.findCookies({})).find((c) => c.hostOnly)!;
    await port.removeCookie(target);
    expect(names(double.cookies)).toEqual(['firefox-default .jarfalla.se/ sid']);
    await expect(port.removeCookie(target)).resolves.toBeUndefined();
  });
});

describe('webext port: removeSiteData', () => {
  it('chrome: one browsingData call by origin, then sweeps cookies the call cannot reach', async () => {
    const double = createApiDouble('chrome');
    double.listedStores = ['0', '1'];
    await seed(double, [
      { url: 'https://www.jarfalla.se/', name: 'www' },
      { url: 'https://e.jarfalla.se/', name: 'e' },
      { url: 'https://www.jarfalla.se/', name: 'incognito', storeId: '1' },
      { url: 'https://idp.broker.se/', name: 'idp', partitionKey: { topLevelSite: 'https://jarfalla.se' } },
      { url: 'https://idp.broker.se/', name: 'idp' },
      {
        url: 'https://idp.broker.se/',
        name: 'elsewhere',
        partitionKey: { topLevelSite: 'https://other.se' },
      },
    ]);
    const port = createChromePort(double.api).port;
    await port.removeSiteData(['https://www.jarfalla.se:8443/'], ['cookies', 'localStorage', 'cacheStorage']);

    expect(double.browsingDataCalls).toEqual([
      {
        method: 'remove',
        options: {
          origins: ['https://www.jarfalla.se:8443'],
          originTypes: { unprotectedWeb: true, protectedWeb: true },
        },
        data: { cookies: true, localStorage: true, cacheStorage: true },
      },
    ]);
    expect(double.cookies.map((c) => c.name).sort()).toEqual(['elsewhere', 'idp']);
    expect(double.cookies.find((c) => c.name === 'idp')?.partitionKey).toBeUndefined();
  });

  it('firefox: cookies by every host of the domain, then storage by host and host:port, then the whole HTTP cache', async () => {
    const double = createApiDouble('firefox');
    await seed(double, [
      { url: 'https://www.jarfalla.se/', name: 'www' },
      { url: 'https://www.jarfalla.se/', name: 'dom', domain: '.jarfalla.se' },
      { url: 'https://e.jarfalla.se/', name: 'e' },
      { url: 'https://idp.broker.se/', name: 'idp', partitionKey: { topLevelSite: 'https://jarfalla.se' } },
      { url: 'https://idp.broker.se/', name: 'keep' },
    ]);
    const port = createFirefoxPort(double.api).port;
    await port.removeSiteData(
      ['https://www.jarfalla.se:8443'],
      ['cookies', 'localStorage', 'indexedDB', 'webSQL', 'fileSystems', 'cache'],
    );

    const [cookies, storage, cache] = double.browsingDataCalls;
    expect(cookies?.data).toEqual({ cookies: true });
    expect((cookies!.options as { hostnames: string[] }).hostnames.sort()).toEqual([
      'e.jarfalla.se',
      'jarfalla.se',
      'www.jarfalla.se',
    ]);
    expect(storage).toEqual({
      method: 'remove',
      options: { hostnames: ['www.jarfalla.se', 'www.jarfalla.se:8443'] },
      data: { localStorage: true, indexedDB: true },
    });
    expect(cache).toEqual({ method: 'removeCache', options: {} });
    expect(double.cookies.map((c) => c.name)).toEqual(['keep']);
    expect(double.loads).toEqual([]); // no Cache Storage asked for: no page loaded
  });

  it('firefox: cookies go by the origins’ own hosts too, reaching containers the extension cannot list', async () => {
    const double = createApiDouble('firefox');
    await seed(double, [{ url: 'https://www.jarfalla.se/', name: 'hidden', storeId: 'firefox-container-9' }]);
    const port = createFirefoxPort(double.api).port;
    await port.removeSiteData(['https://www.jarfalla.se'], ['cookies']);
    expect(double.cookies).toEqual([]);
  });

  it('rejects what is not an origin before calling the browser, and does nothing for no origins', async () => {
    const double = createApiDouble('chrome');
    const port = createChromePort(double.api).port;
    await expect(port.removeSiteData(['www.jarfalla.se'], ['cookies'])).rejects.toThrow('not a valid origin');
    await port.removeSiteData([], ['cookies']);
    expect(double.browsingDataCalls).toEqual([]);
  });
});

describe('webext port: Firefox Cache Storage', () => {
  const ESERVICE = 'https://e-tjanster.jarfalla.se';
  const IDP = 'https://login.eidbrygga.net';
  const caches = (double: ReturnType<typeof createApiDouble>) =>
    double.cacheStorage.map((c) => `${c.storeId} ${c.origin}`).sort();

  async function visited(stores: string[] = ['firefox-default']) {
    const double = createApiDouble('firefox');
    double.containers = stores.filter((s) => s.startsWith('firefox-container'));
    for (const storeId of stores) {
      await seed(double, [
        { url: `${ESERVICE}/`, name: 'JSESSIONID', storeId },
        { url: `${IDP}/`, name: 'sso', storeId },
      ]);
      double.cacheStorage.push(
        { storeId, origin: ESERVICE, name: 'oep-v1' },
        { storeId, origin: IDP, name: 'idp-v1' },
      );
    }
    double.cacheStorage.push({
      storeId: 'firefox-default',
      origin: 'https://www.lokaltidningen.se',
      name: 'lt',
    });
    return double;
  }

  it('without a live tab: a background tab of its own at the origin, after the cookies are gone, in each store that used it', async () => {
    const double = await visited(['firefox-default', 'firefox-container-2']);
    const port = createFirefoxPort(double.api).port;
    await port.removeSiteData(
      [ESERVICE, IDP, `http://${new URL(ESERVICE).host}`],
      ['cookies', 'cacheStorage'],
    );

    expect(caches(double)).toEqual(['firefox-default https://www.lokaltidningen.se']);
    expect(double.loads.map((l) => `${l.cookieStoreId} ${l.url} [${l.cookies}]`).sort()).toEqual([
      `firefox-container-2 ${ESERVICE}/robots.txt []`,
      `firefox-container-2 ${IDP}/robots.txt []`,
      `firefox-default ${ESERVICE}/robots.txt []`,
      `firefox-default ${IDP}/robots.txt []`,
    ]);
    expect(double.tabs).toEqual([]); // closed again
    expect(double.history).toEqual([]); // and not in history
  });

  it('a tab it opened is its own: not listed, and reported by isOwnTab', async () => {
    const double = await visited();
    double.tabs = [{ id: 1, windowId: 1, url: 'https://www.lokaltidningen.se/', incognito: false }];
    const { port, isOwnTab } = createFirefoxPort(double.api);
    const listedMeanwhile: number[][] = [];
    const update = double.api.tabs.update;
    double.api.tabs.update = async (id, p) => {
      expect(isOwnTab(id)).toBe(true); // known before it requests anything
      listedMeanwhile.push((await port.listTabs()).map((t) => t.id));
      return update(id, p);
    };
    await port.removeSiteData([ESERVICE], ['cacheStorage']);
    expect(listedMeanwhile).toEqual([[1]]);
    expect(isOwnTab(1)).toBe(false);
  });

  it('an origin cleared through its tab before the tab closed, or still open, gets no tab of its own', async () => {
    const double = await visited();
    double.tabs = [
      { id: 1, windowId: 1, url: `${ESERVICE}/oversikt`, incognito: false, cookieStoreId: 'firefox-default' },
      { id: 2, windowId: 1, url: `${IDP}/saml/sso`, incognito: false, cookieStoreId: 'firefox-default' },
    ];
    const { port, isOwnTab } = createFirefoxPort(double.api);
    await port.closeTabs([1]); // the group's tab: its page empties its caches on the way out
    expect(isOwnTab(1)).toBe(false); // the person's tab, not one of the port's
    await port.removeSiteData([ESERVICE, IDP], ['cookies', 'cacheStorage']);
    // The IdP's tab is still open (a kept tab): the purge clears it through clearTabStorage.
    expect(double.loads).toEqual([]);
    expect(caches(double)).toEqual([
      'firefox-default https://login.eidbrygga.net',
      'firefox-default https://www.lokaltidningen.se',
    ]);
    await port.clearTabStorage(2);
    expect(caches(double)).toEqual(['firefox-default https://www.lokaltidningen.se']);
  });

  it('only where a page of the origin can have run: https, a cookie sent to the host, not private, the port in use', async () => {
    const double = createApiDouble('firefox');
    double.listedStores = ['firefox-default', 'firefox-private'];
    await seed(double, [
      { url: `${ESERVICE}/`, name: 'private', storeId: 'firefox-private' },
      { url: 'https://login.eidbrygga.net:8443/', name: 'sso' },
      {
        url: 'https://idp.broker.se/',
        name: 'embedded',
        partitionKey: { topLevelSite: 'https://jarfalla.se' },
      },
    ]);
    const port = createFirefoxPort(double.api).port;
    await port.removeSiteData(
      [
        ESERVICE,
        'http://login.eidbrygga.net:8443',
        'https://login.eidbrygga.net:8443',
        IDP,
        'https://idp.broker.se',
      ],
      ['cacheStorage'],
    );
    expect(double.loads.map((l) => l.url)).toEqual(['https://login.eidbrygga.net:8443/robots.txt']);
  });

  it('an origin that does not load: everything else is removed, then it rejects naming the origin', async () => {
    const double = await visited();
    double.unreachable = [IDP];
    const port = createFirefoxPort(double.api).port;
    await expect(
      port.removeSiteData([ESERVICE, IDP], ['cookies', 'localStorage', 'cacheStorage']),
    ).rejects.toThrow(/login\.eidbrygga\.net/);
    expect(double.cookies).toEqual([]);
    expect(double.browsingDataCalls.map((c) => Object.keys(c.data ?? {}).join())).toEqual([
      'cookies',
      'localStorage',
    ]);
    expect(caches(double)).toEqual([
      'firefox-default https://login.eidbrygga.net',
      'firefox-default https://www.lokaltidningen.se',
    ]);
    expect(double.tabs).toEqual([]);
  });
});

describe('webext port: history, downloads, tabs', () => {
  it('keeps only exact-host history hits', async () => {
    const double = createApiDouble('chrome');
    double.history = [
      { url: 'https://www.jarfalla.se/a' },
      { url: 'https://search.example/?q=www.jarfalla.se' },
      { url: 'https://www.jarfalla.se.evil.example/' },
    ];
    const port = createChromePort(double.api).port;
    expect((await port.findHistory(['www.jarfalla.se'])).map((h) => h.url)).toEqual([
      'https://www.jarfalla.se/a',
    ]);
    await port.deleteHistory('https://www.jarfalla.se/a');
    expect(await port.findHistory(['www.jarfalla.se'])).toEqual([]);
  });

  it('removes the file only when it exists, then erases the entry; a second call is a no-op', async () => {
    const double = createApiDouble('chrome');
    const base = { state: 'complete', referrer: 'https://www.jarfalla.se/' };
    double.downloads = [
      { ...base, id: 1, url: 'https://cdn.se/a.pdf', filename: '/d/a.pdf', exists: true, onDisk: true },
      { ...base, id: 2, url: 'https://cdn.se/b.pdf', filename: '/d/b.pdf', exists: false, onDisk: false },
      {
        ...base,
        id: 3,
        url: 'https://cdn.se/c.pdf',
        filename: '/d/c.pdf',
        exists: true,
        onDisk: true,
        state: 'in_progress',
      },
    ];
    const port = createChromePort(double.api).port;
    expect((await port.findDownloads(['www.jarfalla.se'])).map((x) => x.id)).toEqual([1, 2, 3]);
    for (const id of [1, 2, 3, 1]) await port.removeDownload(id);
    expect(double.downloads).toEqual([]);
  });

  it('without the downloads API finds nothing and removes nothing, without throwing', async () => {
    const double = createApiDouble('chrome');
    const { downloads: _absent, ...api } = double.api;
    const port = createChromePort(api).port;
    await expect(port.findDownloads()).resolves.toEqual([]);
    await expect(port.removeDownload(1)).resolves.toBeUndefined();
  });

  it('closes open tabs and ignores ids that are gone', async () => {
    const double = createApiDouble('firefox');
    double.tabs = [
      { id: 1, windowId: 1, url: 'https://a.se/', incognito: false, cookieStoreId: 'firefox-default' },
      { id: 2, windowId: 1, incognito: true, cookieStoreId: 'firefox-private' },
      { windowId: 1, incognito: false },
    ];
    const port = createFirefoxPort(double.api).port;
    expect(await port.listTabs()).toEqual([
      { id: 1, windowId: 1, url: 'https://a.se/', incognito: false, cookieStoreId: 'firefox-default' },
      { id: 2, windowId: 1, incognito: true, cookieStoreId: 'firefox-private' },
    ]);
    await port.closeTabs([1, 77]);
    expect(double.tabs.map((t) => t.id)).toEqual([2, undefined]);
  });
});
