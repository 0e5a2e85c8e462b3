/**
 * The slice of the WebExtension API that `createWebExtPort` uses, typed for both engines (WXT's types
 * follow Chrome and lack Firefox's `firstPartyDomain`, `contextualIdentities`, `cookieStoreId`…).
 * Optional namespaces may be missing when the permission is not granted.
 */
import type { PartitionKey } from './port';

export interface RawCookie {
  name: string;
  value: string;
  domain: string;
  hostOnly: boolean;
  path: string;
  secure: boolean;
  httpOnly: boolean;
  sameSite?: string;
  session: boolean;
  expirationDate?: number;
  storeId: string;
  partitionKey?: PartitionKey | null;
  firstPartyDomain?: string;
}

export interface CookieDetails {
  url: string;
  name: string;
  storeId?: string;
  partitionKey?: PartitionKey;
  firstPartyDomain?: string;
}

export interface CookieGetAllDetails {
  url?: string;
  name?: string;
  domain?: string;
  storeId?: string;
  partitionKey?: PartitionKey;
  /** Firefox: `null` = any first-party domain (required while first-party isolation is on). */
  firstPartyDomain?: string | null;
}

export interface CookieSetDetails extends CookieDetails {
  value?: string;
  domain?: string;
  path?: string;
  secure?: boolean;
  httpOnly?: boolean;
  sameSite?: string;
  expirationDate?: number;
}

export interface RawTab {
  id?: number;
  windowId?: number;
  url?: string;
  incognito: boolean;
  cookieStoreId?: string;
  /** `loading` / `complete`. */
  status?: string;
}

export interface RawDownload {
  id: number;
  url: string;
  finalUrl?: string;
  referrer?: string;
  filename: string;
  exists: boolean;
  state: string;
  /** ISO 8601 (both engines). */
  startTime?: string;
}

export interface WebExtApi {
  cookies: {
    getAll(details: CookieGetAllDetails): Promise<RawCookie[]>;
    getAllCookieStores(): Promise<{ id: string }[]>;
    remove(details: CookieDetails): Promise<unknown>;
    set(details: CookieSetDetails): Promise<unknown>;
  };
  browsingData: {
    remove(
      options: {
        origins?: string[];
        hostnames?: string[];
        originTypes?: { unprotectedWeb?: boolean; protectedWeb?: boolean };
        since?: number;
        /** Firefox: only this cookie store's cookies, localStorage and IndexedDB. */
        cookieStoreId?: string;
      },
      dataToRemove: Record<string, boolean>,
    ): Promise<void>;
    removeCache(options: Record<string, never>): Promise<void>;
  };
  scripting: {
    executeScript<Args extends unknown[], Result>(injection: {
      target: { tabId: number; allFrames?: boolean; frameIds?: number[] };
      func: (...args: Args) => Result;
      args?: Args;
    }): Promise<{ frameId?: number; result?: Awaited<Result> }[]>;
  };
  history: {
    search(query: {
      text: string;
      startTime?: number;
      maxResults?: number;
    }): Promise<{ url?: string; title?: string; lastVisitTime?: number }[]>;
    deleteUrl(details: { url: string }): Promise<void>;
  };
  downloads?: {
    search(query: { id?: number }): Promise<RawDownload[]>;
    removeFile(id: number): Promise<void>;
    erase(query: { id: number }): Promise<number[]>;
    cancel(id: number): Promise<void>;
  };
  tabs: {
    query(query: Record<string, never>): Promise<RawTab[]>;
    remove(tabIds: number | number[]): Promise<void>;
    get(tabId: number): Promise<RawTab>;
    /** Firefox: `cookieStoreId` opens the tab in that container (needs the `cookies` permission). */
    create(properties: { url: string; active?: boolean; cookieStoreId?: string }): Promise<RawTab>;
    update(tabId: number, properties: { url: string }): Promise<RawTab | undefined>;
  };
  /** Firefox: recently closed tabs and windows; needs the `sessions` permission. */
  sessions?: {
    getRecentlyClosed(filter?: { maxResults?: number }): Promise<RawClosedSession[]>;
    forgetClosedTab(windowId: number, sessionId: string): Promise<void>;
    forgetClosedWindow(sessionId: string): Promise<void>;
  };
  /** Firefox containers; needs the `contextualIdentities` permission. */
  contextualIdentities?: {
    query(details: Record<string, never>): Promise<{ cookieStoreId: string }[]>;
  };
}

/** One entry of the recently-closed list (Firefox `sessions.Session`): a closed tab, or a closed window. */
export interface RawClosedSession {
  tab?: { url?: string; sessionId?: string; windowId?: number };
  window?: { sessionId?: string; tabs?: { url?: string }[] };
}
