/**
 * The fake browser's cookie store (used by `createFakePort`). Cookies are keyed as browsers key them:
 * (store, partition top-level site, first-party domain, domain — with its leading dot for domain
 * cookies —, path, name). Setting the same name/domain/path in another store or partition makes a
 * second cookie; an expired cookie is gone.
 */
import {
  type CookieQuery,
  type CookieRecord,
  cookieIdentity,
  type PartitionKey,
} from '@/utils/browser-data/port';
import { bareDomain, domainMatch } from './fake-hosts';

/** What a test gives to create a cookie; everything but name and domain has a browser-like default. */
export interface CookieSeed {
  name: string;
  value?: string;
  /** `.example.se` (or `hostOnly: false`) makes a domain cookie; a bare host makes a host-only cookie. */
  domain: string;
  hostOnly?: boolean;
  path?: string;
  secure?: boolean;
  httpOnly?: boolean;
  sameSite?: CookieRecord['sameSite'];
  /** Seconds since the epoch; omit for a session cookie. A time in the past deletes the cookie, as in browsers. */
  expirationDate?: number;
  storeId?: string;
  partitionKey?: PartitionKey;
  firstPartyDomain?: string;
}

export function createCookieJar(defaultStoreId: string, nowMs: () => number) {
  const cookies = new Map<string, CookieRecord>();

  const expired = (cookie: CookieRecord) =>
    cookie.expirationDate !== undefined && cookie.expirationDate * 1000 <= nowMs();

  /** Every live cookie; expired ones are evicted on the way, as a browser does. */
  function live(): CookieRecord[] {
    for (const [key, cookie] of cookies) if (expired(cookie)) cookies.delete(key);
    return [...cookies.values()];
  }

  function set(seed: CookieSeed): CookieRecord {
    const hostOnly = seed.hostOnly ?? !seed.domain.startsWith('.');
    const bare = bareDomain(seed.domain);
    const record: CookieRecord = {
      name: seed.name,
      value: seed.value ?? '',
      domain: hostOnly ? bare : `.${bare}`,
      hostOnly,
      path: seed.path ?? '/',
      secure: seed.secure ?? false,
      httpOnly: seed.httpOnly ?? false,
      sameSite: seed.sameSite ?? 'unspecified',
      session: seed.expirationDate === undefined,
      storeId: seed.storeId ?? defaultStoreId,
      ...(seed.expirationDate !== undefined ? { expirationDate: seed.expirationDate } : {}),
      ...(seed.partitionKey ? { partitionKey: { ...seed.partitionKey } } : {}),
      ...(seed.firstPartyDomain !== undefined ? { firstPartyDomain: seed.firstPartyDomain } : {}),
    };
    const key = cookieIdentity(record);
    if (expired(record)) cookies.delete(key);
    else cookies.set(key, record);
    return structuredClone(record);
  }

  function find(query: CookieQuery): CookieRecord[] {
    return live()
      .filter(
        (c) =>
          (query.storeId === undefined || c.storeId === query.storeId) &&
          (query.domain === undefined || domainMatch(c.domain, query.domain)) &&
          (query.topLevelSite === undefined || c.partitionKey?.topLevelSite === query.topLevelSite),
      )
      .map((c) => structuredClone(c));
  }

  /** Delete the cookies `match` selects, except those `keep` protects; returns how many went. */
  function removeWhere(match: (c: CookieRecord) => boolean, keep: (c: CookieRecord) => boolean): number {
    let removed = 0;
    for (const cookie of live()) {
      if (match(cookie) && !keep(cookie)) {
        cookies.delete(cookieIdentity(cookie));
        removed++;
      }
    }
    return removed;
  }

  return { set, find, removeWhere, all: () => live().map((c) => structuredClone(c)) };
}

export type CookieJar = ReturnType<typeof createCookieJar>;
