/** What only the fake does: its seeding defaults, cookie expiry and injected trouble (the rest is port-contract.ts). */
import { describe, expect, it } from 'vitest';
import { createFakePort } from '@/tests/fakes/fake-port';

describe('fake port: cookies', () => {
  it('defaults to Chrome store ids and has private store "1"', () => {
    const port = createFakePort();
    expect([port.defaultStoreId, port.privateStoreId]).toEqual(['0', '1']);
    expect(port.setCookie({ name: 'x', domain: 'a.se' }).storeId).toBe('0');
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
});
