/**
 * What the next person at the computer can reach, in either browser (browser-session.ts). Cookies are read
 * as the browser holds them (`BrowserSession.allCookies`: every store, partitioned and isolated ones
 * included); everything else is what a page of each site shows to whoever sits down next.
 */
import { join } from 'node:path';
import { SERVICE_KEYS, type ServiceKey } from '../sim/hosts';
import type { ServiceUrls, Sim } from '../sim/server';
import type { BrowserCookie, BrowserSession, Tab } from './browser-session';

/** What the next person at the computer can reach, channel by channel. Tests assert on this. */
export interface NextPersonReach {
  /** Visiting each service's `/login` without typing anything (none with `readOnly`). */
  login: Record<ServiceKey, LoginReach>;
  /** Cookies of the session group (both services and the IdP), in every store, partitioned ones included. */
  cookies: {
    /** Cookies of the group's hosts or sites, or partitioned under a group site. */
    group: BrowserCookie[];
    /** Those partitioned (CHIPS, Total Cookie Protection). */
    partitioned: BrowserCookie[];
    /** The IdP's SSO cookie, if still in the browser. */
    idpSso: BrowserCookie | null;
  };
  /** Who the IdP's server considers logged in (its SSO cookie, validated server-side). */
  idpSsoAs: string | null;
  /** What each service origin's storage holds, read by a page that creates nothing. */
  storage: Record<ServiceKey, OriginStorage>;
  /** What the IdP's origin stores (a login service may keep data in site storage too). */
  idpStorage: OriginStorage;
  /** The `Cache-Control: private` receipt as the next person gets it. */
  httpCache: Record<ServiceKey, HttpCacheReach>;
  /** The platform API's profile (cross-site), fetched by a kommun page as "Mina sidor" would. */
  apiProfile: HttpCacheReach;
  /** The unrelated site: its data should still be there. */
  unrelated: { cookie: boolean; localStorage: boolean };
}

export interface LoginReach {
  /** Name the service shows as logged in, or null. */
  loggedInAs: string | null;
  /** `session`: the service's own cookie still worked; `sso`: the IdP sent them back without a login page. */
  via: 'session' | 'sso' | null;
  /** The IdP's login page was shown: the next person would have to identify themselves. */
  askedToLogIn: boolean;
  finalUrl: string;
}

export interface OriginStorage {
  /** Who the service's server has a session for (its session cookie), or null. */
  sessionAs: string | null;
  documentCookie: string;
  localStorage: Record<string, string>;
  sessionStorage: Record<string, string>;
  indexedDB: Record<string, Record<string, unknown[]>>;
  cacheStorage: Record<string, { url: string; body: string }[]>;
}

export interface HttpCacheReach {
  /** The server was not asked: the page came from the browser's HTTP cache. */
  servedFromCache: boolean;
  /** Name the page shows (from the cache or the server), or null. */
  shownName: string | null;
}

export interface ReachOptions<P = unknown> {
  /** Save a screenshot of each page the next person sees into this folder (`next-*.png`). */
  screenshotDir?: string;
  /** Order in which the next person tries the services' `/login`. */
  loginOrder?: readonly ServiceKey[];
  /** Skip the `/login` visits (they log in again when the SSO is still there): read-only checks only. */
  readOnly?: boolean;
  /**
   * The next person's tab, left open afterwards (e.g. to log in next). By default a new tab is opened
   * (`newTab`, e.g. in a container; else the browser's default) and closed; closing it ends the session group
   * its visits made, which the extension then purges.
   */
  tab?: Tab<P>;
  newTab?: () => Promise<Tab<P>>;
}

type SimView = Pick<Sim, 'urls' | 'hosts' | 'stats' | 'idpCookies' | 'newspaper'>;

/** Registrable site of a host, good enough for the sim's hostnames (last two labels). */
const siteOf = (host: string) => host.split('.').slice(-2).join('.');

/** The group's cookies among `all`: on a group host or site (kommun, Vklass, IdP) or partitioned under a group site. */
export function groupCookies<C extends BrowserCookie>(sim: Pick<Sim, 'hosts'>, all: readonly C[]): C[] {
  const hosts = [sim.hosts.kommun, sim.hosts.vklass, sim.hosts.idp];
  const sites = hosts.map(siteOf);
  return all.filter((c) => {
    const bare = c.domain.replace(/^\./, '');
    const partition = c.partitionKey?.topLevelSite;
    return (
      hosts.includes(bare) ||
      sites.includes(bare) ||
      (partition !== undefined && sites.includes(partition.replace(/^https?:\/\//, '')))
    );
  });
}

/**
 * In a fresh tab, finds out what the next person can reach. Read-only checks come first (cookies,
 * HTTP cache, storage, unrelated site); the `/login` visits come last, as they log in again.
 */
export async function nextPersonReach<P>(
  session: BrowserSession<P>,
  sim: SimView,
  options: ReachOptions<P> = {},
): Promise<NextPersonReach> {
  const group = groupCookies(sim, await session.allCookies());
  const tab = options.tab ?? (await (options.newTab ?? (() => session.newTab()))());
  const shot = async (name: string) => {
    if (options.screenshotDir) await tab.screenshot(join(options.screenshotDir, `next-${name}.png`));
  };
  try {
    const httpCache = {} as Record<ServiceKey, HttpCacheReach>;
    for (const key of SERVICE_KEYS) {
      httpCache[key] = await receiptReach(tab, sim, sim.urls[key]);
      await shot(`${key}-kvitto`);
    }
    const storage = {} as Record<ServiceKey, OriginStorage>;
    for (const key of SERVICE_KEYS) storage[key] = await originStorage(tab, sim.urls[key].state);
    await tab.goto(sim.urls.kommun.state);
    const before = sim.stats.count(sim.urls.api.profile);
    const apiProfile = {
      shownName: await tab.evaluate(fetchProfileName, sim.urls.api.profile),
      servedFromCache: false,
    };
    apiProfile.servedFromCache = sim.stats.count(sim.urls.api.profile) === before;
    const idpStorage = await originStorage(tab, sim.urls.idp.state);
    const idpSsoAs = (await tab.bodyData('ssoAs')) || null;
    const paper = await originStorage(tab, sim.urls.newspaper.state);
    const unrelated = {
      cookie: (await tab.bodyData('cookiePresent')) === 'true',
      localStorage: sim.newspaper.storageKey in paper.localStorage,
    };
    await shot('lokaltidningen');
    const login = {} as Record<ServiceKey, LoginReach>;
    if (!options.readOnly)
      for (const key of options.loginOrder ?? SERVICE_KEYS) {
        login[key] = await loginReach(tab, sim, sim.urls[key]);
        await shot(`${key}-login`);
      }
    return {
      login,
      cookies: {
        group,
        partitioned: group.filter((c) => c.partitionKey?.topLevelSite),
        idpSso:
          group.find((c) => c.name === sim.idpCookies.sso && c.domain.replace(/^\./, '') === sim.hosts.idp) ??
          null,
      },
      idpSsoAs,
      storage,
      idpStorage,
      httpCache,
      apiProfile,
      unrelated,
    };
  } finally {
    if (!options.tab) await tab.close().catch(() => {});
  }
}

async function receiptReach(tab: Tab, sim: SimView, service: ServiceUrls): Promise<HttpCacheReach> {
  const before = sim.stats.count(service.receipt);
  await tab.goto(service.receipt);
  const servedFromCache = sim.stats.count(service.receipt) === before;
  return { servedFromCache, shownName: (await tab.bodyData('loggedInAs')) || null };
}

/** Runs in the page: the profile fetch "Mina sidor" makes (self-contained: it is sent to the browser as text). */
const fetchProfileName = async (url: string): Promise<string | null> =>
  ((await (await fetch(url, { credentials: 'include' })).json()) as { namn: string | null }).namn;

async function originStorage(tab: Tab, stateUrl: string): Promise<OriginStorage> {
  await tab.goto(stateUrl);
  await tab.waitFor('body[data-state-ready], body[data-state-error]');
  const error = await tab.bodyData('stateError');
  if (error) throw new Error(`${stateUrl}: ${error}`);
  const state = await tab.evaluate(
    () => (window as unknown as { simState: Omit<OriginStorage, 'sessionAs'> }).simState,
    undefined,
  );
  return { ...state, sessionAs: (await tab.bodyData('sessionAs')) || null };
}

/** Visits `/login` without typing; a top-level hop through the IdP (seen by the sim) means single sign-on. */
async function loginReach(tab: Tab, sim: SimView, service: ServiceUrls): Promise<LoginReach> {
  const from = sim.stats.requests.length;
  await tab.goto(service.login);
  await tab
    .waitFor('body[data-page="overview"][data-storage-ready], body[data-page="idp-login"]')
    .catch(() => {});
  const pageKind = await tab.bodyData('page').catch(() => null);
  const loggedInAs = pageKind === 'overview' ? (await tab.bodyData('loggedInAs')) || null : null;
  // Only top-level hops count ("Mina sidor" itself embeds an IdP iframe: its requests are `iframe`).
  const sawIdp = sim.stats.requests
    .slice(from)
    .some((r) => new URL(r.url).hostname === sim.hosts.idp && r.fetchDest === 'document');
  return {
    loggedInAs,
    via: loggedInAs ? (sawIdp ? 'sso' : 'session') : null,
    askedToLogIn: pageKind === 'idp-login',
    finalUrl: tab.url(),
  };
}

/** Where a name can be found in what the next person reached: one entry per leak channel. */
export function channelsShowing(reach: NextPersonReach, name: string): string[] {
  const has = (v: unknown) => JSON.stringify(v).includes(name);
  const out: string[] = [];
  for (const key of SERVICE_KEYS) {
    const login = reach.login[key];
    if (login?.loggedInAs === name) out.push(`${key}:login-via-${login.via}`);
    const s = reach.storage[key];
    if (s.sessionAs === name) out.push(`${key}:server-session`);
    if (has(s.localStorage)) out.push(`${key}:localStorage`);
    if (has(s.sessionStorage)) out.push(`${key}:sessionStorage`);
    if (has(s.indexedDB)) out.push(`${key}:indexedDB`);
    if (has(s.cacheStorage)) out.push(`${key}:cacheStorage`);
    if (has(decodeURIComponent(s.documentCookie))) out.push(`${key}:cookie`);
    if (reach.httpCache[key].servedFromCache && reach.httpCache[key].shownName === name)
      out.push(`${key}:httpCache`);
  }
  if (reach.apiProfile.shownName === name)
    out.push(reach.apiProfile.servedFromCache ? 'api:httpCache' : 'api:session');
  if (reach.idpSsoAs === name) out.push('idp:sso');
  if (has(reach.idpStorage)) out.push('idp:storage');
  if (reach.cookies.group.some((c) => decodeURIComponent(c.value).includes(name))) out.push('cookies');
  return out;
}
