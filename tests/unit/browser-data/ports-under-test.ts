/**
 * One way to seed and read a browser behind any `BrowserDataPort`, so port-contract.ts can run the same
 * checks against the fake (tests/fakes/fake-port.ts) and against each engine's adapter over the API
 * double (webext-api-double.ts). Seeding and reading go around the port (straight into the browser's
 * state), so the port under test is never its own witness.
 */
import { type CookieSeed, createFakePort, type DownloadSeed, type TabSeed } from '@/tests/fakes/fake-port';
import type { SiteDataSeed, StorageKind } from '@/tests/fakes/fake-site-data';
import { createChromePort } from '@/utils/browser-data/chrome-port';
import { createFirefoxPort } from '@/utils/browser-data/firefox-port';
import type { BrowserDataPort, CookieRecord, HistoryEntry } from '@/utils/browser-data/port';
import { toCookieRecord } from '@/utils/browser-data/webext-cookies';
import { createApiDouble, type StoredItem } from './webext-api-double';

export type Engine = 'chrome' | 'firefox';
export type { SiteDataSeed };

export interface BrowserState {
  cookies: CookieRecord[];
  siteData: { storeId: string; origin: string; topLevelSite?: string; kind: StorageKind; key: string }[];
  sessionStorage: { tabId: number; origin: string; key: string; value: string }[];
  history: string[];
  downloads: { id: number; exists: boolean }[];
  files: string[];
  /** URLs on the recently-closed list. */
  closedTabs: string[];
  /** `field=value`, oldest first. */
  formData: string[];
}

export interface PortUnderTest {
  port: BrowserDataPort;
  engine: Engine;
  /** The engine's regular and private cookie stores, and the containers it has (Firefox). */
  stores: { normal: string; private: string; containers: string[] };
  setCookie(seed: CookieSeed): void;
  setSiteData(seed: SiteDataSeed): void;
  addHistory(entry: HistoryEntry): void;
  addDownload(seed: DownloadSeed): number;
  /** The person deletes a downloaded file outside the browser. */
  deleteFile(filename: string): void;
  openTab(seed?: TabSeed): number;
  setTabStorage(tabId: number, origin: string, key: string, value: string): void;
  /** The person closes a tab (it goes on the recently-closed list). */
  personClosesTab(tabId: number): Promise<void>;
  /** The person submits a form: the browser saves the field's value as a suggestion (now). */
  fillForm(field: string, value: string): void;
  state(): BrowserState;
}

export interface MakeOptions {
  /** The browser's clock, in ms. */
  now: () => number;
  /** `false`: a build without the `downloads` permission. */
  downloadsApi?: boolean;
}

export type MakePort = (options: MakeOptions) => PortUnderTest;

const CONTAINERS: Record<Engine, string[]> = { chrome: [], firefox: ['firefox-container-2'] };

export function fakeUnderTest(engine: Engine): MakePort {
  return ({ now, downloadsApi }) => {
    const fake = createFakePort({ engine, now, ...(downloadsApi === false ? { downloadsApi } : {}) });
    return {
      port: fake,
      engine,
      stores: { normal: fake.defaultStoreId, private: fake.privateStoreId, containers: CONTAINERS[engine] },
      setCookie: (seed) => void fake.setCookie(seed),
      setSiteData: (seed) => void fake.setSiteData(seed),
      addHistory: fake.addHistory,
      addDownload: fake.addDownload,
      deleteFile: fake.deleteFile,
      openTab: fake.openTab,
      setTabStorage: fake.setTabStorage,
      personClosesTab: async (tabId) => fake.personClosesTab(tabId),
      fillForm: fake.fillForm,
      state() {
        const s = fake.snapshot();
        return {
          cookies: s.cookies,
          siteData: s.siteData,
          sessionStorage: s.sessionStorage,
          history: s.history.map((h) => h.url),
          downloads: s.downloads.map((x) => ({ id: x.id, exists: x.exists })),
          files: s.files,
          closedTabs: s.closedTabs,
          formData: s.formData,
        };
      },
    };
  };
}

/** The engine's adapter over the API double; every store and container is one the extension can list. */
export function adapterUnderTest(engine: Engine): MakePort {
  return ({ now, downloadsApi }) => {
    const double = createApiDouble(engine);
    const normal = engine === 'chrome' ? '0' : 'firefox-default';
    const privateId = engine === 'chrome' ? '1' : 'firefox-private';
    double.listedStores = [normal, privateId];
    double.containers = CONTAINERS[engine];
    const { downloads: _without, ...withoutDownloads } = double.api;
    const api = downloadsApi === false ? withoutDownloads : double.api;
    const port = (engine === 'chrome' ? createChromePort(api) : createFirefoxPort(api)).port;
    let nextTabId = 1;
    let nextDownloadId = 1;
    const key = (seed: SiteDataSeed) =>
      seed.key ?? (seed.kind === 'cache' ? `${new URL(seed.origin).origin}/` : 'data');
    return {
      port,
      engine,
      stores: { normal, private: privateId, containers: CONTAINERS[engine] },
      setCookie(seed) {
        const hostOnly = seed.hostOnly ?? !seed.domain.startsWith('.');
        const bare = seed.domain.replace(/^\./, '').toLowerCase();
        void double.api.cookies.set({
          url: `https://${bare}${seed.path ?? '/'}`,
          name: seed.name,
          value: seed.value ?? '',
          path: seed.path ?? '/',
          secure: seed.secure ?? false,
          httpOnly: seed.httpOnly ?? false,
          sameSite: seed.sameSite ?? 'unspecified',
          ...(hostOnly ? {} : { domain: bare }),
          ...(seed.storeId !== undefined ? { storeId: seed.storeId } : {}),
          ...(seed.expirationDate !== undefined ? { expirationDate: seed.expirationDate } : {}),
          ...(seed.partitionKey ? { partitionKey: seed.partitionKey } : {}),
          ...(seed.firstPartyDomain !== undefined ? { firstPartyDomain: seed.firstPartyDomain } : {}),
        });
      },
      setSiteData(seed) {
        const item: StoredItem = {
          storeId: seed.storeId ?? normal,
          origin: new URL(seed.origin).origin,
          kind: seed.kind,
          name: key(seed),
          ...(seed.topLevelSite ? { topLevelSite: seed.topLevelSite } : {}),
        };
        double.siteData.push(item);
      },
      addHistory: (entry) => void double.history.push({ lastVisitTime: now(), ...entry }),
      addDownload(seed) {
        const id = nextDownloadId++;
        const onDisk = seed.exists ?? true;
        double.downloads.push({
          id,
          url: seed.url,
          filename: seed.filename,
          exists: onDisk,
          onDisk,
          state: seed.state ?? 'complete',
          startTime: new Date(seed.startTime ?? now()).toISOString(),
          ...(seed.referrer !== undefined ? { referrer: seed.referrer } : {}),
        });
        return id;
      },
      deleteFile(filename) {
        for (const x of double.downloads)
          if (x.filename === filename) Object.assign(x, { onDisk: false, exists: false });
      },
      openTab(seed = {}) {
        const id = nextTabId++;
        const incognito = seed.incognito ?? false;
        double.tabs.push({
          id,
          windowId: seed.windowId ?? 1,
          incognito,
          status: 'complete',
          ...(seed.url !== undefined ? { url: seed.url } : {}),
          ...(engine === 'firefox' || seed.cookieStoreId
            ? { cookieStoreId: seed.cookieStoreId ?? (incognito ? privateId : normal) }
            : {}),
          frames: [...(seed.frames ?? [])],
        });
        return id;
      },
      setTabStorage(tabId, origin, key, value) {
        double.sessionStorage.push({ tabId, origin: new URL(origin).origin, key, value });
      },
      personClosesTab: (tabId) => double.api.tabs.remove(tabId),
      fillForm: (field, value) => void double.formData.push({ field, value, at: now() }),
      state() {
        const open = new Set(double.tabs.map((t) => t.id));
        return {
          cookies: double.cookies.map(toCookieRecord),
          siteData: double.siteData.map(({ name, ...item }) => ({ ...item, key: name })),
          sessionStorage: double.sessionStorage.filter((s) => open.has(s.tabId)),
          history: double.history.map((h) => h.url),
          downloads: double.downloads.map((x) => ({ id: x.id, exists: x.exists })),
          files: [
            ...double.downloads.filter((x) => x.onDisk).map((x) => x.filename),
            ...double.orphanFiles,
          ].sort(),
          closedTabs: double.closed.flatMap((c) => (c.url !== undefined ? [c.url] : [])),
          formData: double.formData.map((e) => `${e.field}=${e.value}`),
        };
      },
    };
  };
}
