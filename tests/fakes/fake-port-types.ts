/** Types of the fake browser (fake-port.ts): what tests seed, inspect and inject. */

import type {
  BrowserDataPort,
  CookieRecord,
  DownloadEntry,
  HistoryEntry,
  TabInfo,
} from '@/utils/browser-data/port';
import type { CookieSeed } from './fake-cookie-jar';
import type { FakeEngine, SiteDataItem, SiteDataSeed } from './fake-site-data';

export interface TabSeed {
  url?: string;
  windowId?: number;
  incognito?: boolean;
  /** Defaults to the engine's default (or private) store. */
  cookieStoreId?: string;
  /** URLs of the tab's subframes (their origins get sessionStorage / Cache Storage cleared with the tab). */
  frames?: string[];
}

export interface DownloadSeed {
  url: string;
  referrer?: string;
  filename: string;
  /** Whether the file is on disk (default true). */
  exists?: boolean;
  state?: DownloadEntry['state'];
  /** When it started (ms; default: now). */
  startTime?: number;
}

export interface FakePortInit {
  /** Whose quirks to reproduce (default `chrome`). */
  engine?: FakeEngine;
  /** Clock for cookie expiry, in ms (default `Date.now`). */
  now?: () => number;
  /** `false` models a build without the `downloads` permission: `findDownloads` answers `[]`. */
  downloadsApi?: boolean;
  cookies?: CookieSeed[];
  siteData?: SiteDataSeed[];
  history?: HistoryEntry[];
  downloads?: DownloadSeed[];
  tabs?: TabSeed[];
}

export interface FakeSnapshot {
  cookies: CookieRecord[];
  siteData: SiteDataItem[];
  sessionStorage: { tabId: number; origin: string; key: string; value: string }[];
  history: HistoryEntry[];
  downloads: DownloadEntry[];
  /** Downloaded files still on the fake disk. */
  files: string[];
  tabs: TabInfo[];
  /** URLs on the recently-closed list, newest first. */
  closedTabs: string[];
  /** Saved form entries, `field=value`, oldest first. */
  formData: string[];
}

export type PortMethod = keyof BrowserDataPort;

export interface FailOptions {
  /** How many consecutive calls fail (default 1). */
  times?: number;
  error?: Error;
  /** Do the work, then reject — like a browser that finished but whose answer was lost. */
  afterEffect?: boolean;
}

export interface FakePort extends BrowserDataPort {
  readonly engine: FakeEngine;
  readonly defaultStoreId: string;
  readonly privateStoreId: string;
  setCookie(seed: CookieSeed): CookieRecord;
  setSiteData(seed: SiteDataSeed): SiteDataItem;
  /** Write sessionStorage in the tab, for the frame of `origin`. */
  setTabStorage(tabId: number, origin: string, key: string, value: string): void;
  addHistory(entry: HistoryEntry): void;
  addDownload(seed: DownloadSeed): number;
  /** The user deletes a downloaded file outside the browser. */
  deleteFile(filename: string): void;
  openTab(seed?: TabSeed): number;
  /** The person closes a tab (it goes on the recently-closed list). */
  personClosesTab(tabId: number): void;
  /** The person submits a form: the browser saves the field's value as a suggestion (now). */
  fillForm(field: string, value: string): void;
  snapshot(): FakeSnapshot;
  /** The next call(s) of `method` reject. */
  failNext(method: PortMethod, options?: FailOptions): void;
  /** Matching cookies survive removal (the call still resolves). Returns a function that lifts it. */
  stickCookies(match: (cookie: CookieRecord) => boolean): () => void;
  stickSiteData(match: (item: SiteDataItem) => boolean): () => void;
  /** How often each port method was called (to check batching, e.g. one `removeSiteData` per purge). */
  callCount(method: PortMethod): number;
}
