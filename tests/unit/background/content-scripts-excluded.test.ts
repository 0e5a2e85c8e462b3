/**
 * #11 item 6: the logout watcher is never injected into an excluded host, even under a protected domain:
 * `excludeMatches` carries IT's excluded domains, and a change of them alone updates the registration.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { LOGOUT_WATCH_ID, registerLogoutWatch } from '@/utils/background/content-scripts';

interface Registered {
  id: string;
  matches?: string[];
  excludeMatches?: string[];
}

/** The browser's registry of content scripts (the fake browser has none). */
function scriptingRegistry() {
  const scripts = new Map<string, Registered>();
  Object.assign(fakeBrowser, {
    scripting: {
      getRegisteredContentScripts: async ({ ids }: { ids: string[] }) =>
        ids.flatMap((id) => (scripts.has(id) ? [structuredClone(scripts.get(id)!)] : [])),
      registerContentScripts: async (list: Registered[]) => {
        for (const s of list) scripts.set(s.id, structuredClone(s));
      },
      updateContentScripts: async (list: Registered[]) => {
        for (const s of list) scripts.set(s.id, { ...scripts.get(s.id)!, ...structuredClone(s) });
      },
      unregisterContentScripts: async ({ ids }: { ids: string[] }) => {
        for (const id of ids) scripts.delete(id);
      },
    },
  });
  return scripts;
}

beforeEach(() => fakeBrowser.reset());

describe('the logout watcher and excluded domains', () => {
  it('is registered on the protected domains with the excluded ones (and all under them) left out', async () => {
    const scripts = scriptingRegistry();
    await registerLogoutWatch(['jarfalla.se'], ['bibliotek.jarfalla.se']);
    expect(scripts.get(LOGOUT_WATCH_ID)).toMatchObject({
      matches: ['*://*.jarfalla.se/*'],
      excludeMatches: ['*://*.bibliotek.jarfalla.se/*'],
    });
  });

  it('a policy that only changes the exclusions updates the registration', async () => {
    const scripts = scriptingRegistry();
    await registerLogoutWatch(['jarfalla.se'], []);
    expect(scripts.get(LOGOUT_WATCH_ID)?.excludeMatches ?? []).toEqual([]);
    await registerLogoutWatch(['jarfalla.se'], ['bibliotek.jarfalla.se']);
    expect(scripts.get(LOGOUT_WATCH_ID)?.excludeMatches).toEqual(['*://*.bibliotek.jarfalla.se/*']);
  });

  it('without exclusions given, those of the settings in force (IT policy) are used', async () => {
    const scripts = scriptingRegistry();
    await fakeBrowser.storage.managed.set({ excludedDomains: ['bibliotek.jarfalla.se'] });
    await registerLogoutWatch(['jarfalla.se']);
    expect(scripts.get(LOGOUT_WATCH_ID)?.excludeMatches).toEqual(['*://*.bibliotek.jarfalla.se/*']);
  });
});
