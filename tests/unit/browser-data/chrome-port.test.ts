/** Chromium's adapter over the API double: what only createChromePort does (the rest is port-contract.ts). */
import { describe, expect, it } from 'vitest';
import { createChromePort } from '@/utils/browser-data/chrome-port';
import type { CookieSetDetails } from '@/utils/browser-data/webext-api';
import { cookieUrl, toCookieRecord } from '@/utils/browser-data/webext-cookies';
import { createApiDouble } from './webext-api-double';

const names = (cookies: { domain: string; path: string; name: string; storeId: string }[]) =>
  cookies.map((c) => `${c.storeId} ${c.domain}${c.path} ${c.name}`).sort();

async function seed(double: ReturnType<typeof createApiDouble>, cookies: CookieSetDetails[]) {
  for (const c of cookies) await double.api.cookies.set({ value: 'v', secure: true, ...c });
}

describe('chrome port', () => {
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
    // The incognito session of the same site is another one: it stays.
    expect(names(double.cookies)).toEqual(['0 www.lokaltidningen.se/ paper', '1 www.jarfalla.se/ incognito']);
  });

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
    expect(double.cookies.map((c) => c.name).sort()).toEqual(['elsewhere', 'idp', 'incognito']);
    expect(double.cookies.find((c) => c.name === 'idp')?.partitionKey).toBeUndefined();
  });

  it('chrome: in incognito, which browsingData never reaches, the store’s cookies go one by one; the regular store keeps its own', async () => {
    const double = createApiDouble('chrome');
    double.listedStores = ['0', '1'];
    await seed(double, [
      { url: 'https://www.jarfalla.se/', name: 'anna' },
      { url: 'https://www.jarfalla.se/', name: 'bertil', storeId: '1' },
      { url: 'https://idp.broker.se/', name: 'bertil-idp', storeId: '1' },
    ]);
    const port = createChromePort(double.api).port;
    await port.removeSiteData(
      ['https://www.jarfalla.se', 'https://idp.broker.se'],
      ['cookies', 'localStorage'],
      '1',
    );
    expect(double.browsingDataCalls).toEqual([]);
    expect(names(double.cookies)).toEqual(['0 www.jarfalla.se/ anna']);
  });

  it('chrome: a store that no longer exists (the last incognito window closed) holds nothing to remove', async () => {
    const double = createApiDouble('chrome');
    double.listedStores = ['0'];
    const getAll = double.api.cookies.getAll;
    double.api.cookies.getAll = async (details) => {
      if (details.storeId === '1') throw new Error('Invalid cookie store id: 1');
      return getAll(details);
    };
    await seed(double, [{ url: 'https://www.jarfalla.se/', name: 'anna' }]);
    const port = createChromePort(double.api).port;
    await expect(port.removeSiteData(['https://www.jarfalla.se'], ['cookies'], '1')).resolves.toBeUndefined();
    expect(await port.findCookies({ storeId: '1' })).toEqual([]);
    expect(names(double.cookies)).toEqual(['0 www.jarfalla.se/ anna']);
  });

  it('rejects what is not an origin before calling the browser, and does nothing for no origins', async () => {
    const double = createApiDouble('chrome');
    const port = createChromePort(double.api).port;
    await expect(port.removeSiteData(['www.jarfalla.se'], ['cookies'])).rejects.toThrow('not a valid origin');
    await port.removeSiteData([], ['cookies']);
    expect(double.browsingDataCalls).toEqual([]);
  });
});
