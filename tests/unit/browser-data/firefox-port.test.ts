/** Firefox's adapter over the API double: what only createFirefoxPort does (the rest is port-contract.ts). */
import { describe, expect, it } from 'vitest';
import { createFirefoxPort } from '@/utils/browser-data/firefox-port';
import type { CookieSetDetails } from '@/utils/browser-data/webext-api';
import { createApiDouble } from './webext-api-double';

const names = (cookies: { domain: string; path: string; name: string; storeId: string }[]) =>
  cookies.map((c) => `${c.storeId} ${c.domain}${c.path} ${c.name}`).sort();

async function seed(double: ReturnType<typeof createApiDouble>, cookies: CookieSetDetails[]) {
  for (const c of cookies) await double.api.cookies.set({ value: 'v', secure: true, ...c });
}

describe('webext port: cookies', () => {
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
    expect((cookies!.options as { cookieStoreId: string }).cookieStoreId).toBe('firefox-default');
    expect(storage).toEqual({
      method: 'remove',
      options: { hostnames: ['www.jarfalla.se', 'www.jarfalla.se:8443'], cookieStoreId: 'firefox-default' },
      data: { localStorage: true, indexedDB: true },
    });
    expect(cache).toEqual({ method: 'removeCache', options: {} });
    expect(double.cookies.map((c) => c.name)).toEqual(['keep']);
    expect(double.loads).toEqual([]); // no Cache Storage asked for: no page loaded
  });

  it('firefox: in a container (even one the extension cannot list), only that container’s cookies and storage go', async () => {
    const double = createApiDouble('firefox');
    await seed(double, [
      { url: 'https://www.jarfalla.se/', name: 'bertil', storeId: 'firefox-container-9' },
      { url: 'https://www.jarfalla.se/', name: 'anna' },
      { url: 'https://www.jarfalla.se/', name: 'cecilia', storeId: 'firefox-private' },
    ]);
    for (const storeId of ['firefox-default', 'firefox-container-9', 'firefox-private'])
      double.siteData.push({ storeId, origin: 'https://www.jarfalla.se', kind: 'localStorage', name: 'ls' });
    const port = createFirefoxPort(double.api).port;
    await port.removeSiteData(
      ['https://www.jarfalla.se'],
      ['cookies', 'localStorage'],
      'firefox-container-9',
    );
    expect(double.cookies.map((c) => c.name).sort()).toEqual(['anna', 'cecilia']);
    expect(double.siteData.map((i) => i.storeId).sort()).toEqual(['firefox-default', 'firefox-private']);
  });
});

describe('webext port: Firefox Cache Storage', () => {
  const ESERVICE = 'https://e-tjanster.jarfalla.se';
  const IDP = 'https://login.eidbrygga.net';
  const caches = (double: ReturnType<typeof createApiDouble>) =>
    double.siteData
      .filter((c) => c.kind === 'cacheStorage')
      .map((c) => `${c.storeId} ${c.origin}`)
      .sort();

  async function visited(stores: string[] = ['firefox-default']) {
    const double = createApiDouble('firefox');
    double.containers = stores.filter((s) => s.startsWith('firefox-container'));
    for (const storeId of stores) {
      await seed(double, [
        { url: `${ESERVICE}/`, name: 'JSESSIONID', storeId },
        { url: `${IDP}/`, name: 'sso', storeId },
      ]);
      double.siteData.push(
        { storeId, origin: ESERVICE, kind: 'cacheStorage', name: 'oep-v1' },
        { storeId, origin: IDP, kind: 'cacheStorage', name: 'idp-v1' },
      );
    }
    double.siteData.push({
      storeId: 'firefox-default',
      origin: 'https://www.lokaltidningen.se',
      kind: 'cacheStorage',
      name: 'lt',
    });
    return double;
  }

  it('without a live tab: a background tab of its own at the origin, after the cookies are gone, in the store asked for', async () => {
    const double = await visited(['firefox-default', 'firefox-container-2']);
    const port = createFirefoxPort(double.api).port;
    const origins = [ESERVICE, IDP, `http://${new URL(ESERVICE).host}`];
    await port.removeSiteData(origins, ['cookies', 'cacheStorage'], 'firefox-container-2');
    // The regular store's session of the same sites is another one: its caches stay.
    expect(caches(double)).toEqual([
      `firefox-default ${ESERVICE}`,
      `firefox-default ${IDP}`,
      'firefox-default https://www.lokaltidningen.se',
    ]);
    await port.removeSiteData(origins, ['cookies', 'cacheStorage']);

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
