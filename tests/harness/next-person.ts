import { join } from 'node:path';
import type { BrowserContext, Page, Request } from 'playwright-core';
import { SERVICE_KEYS, type ServiceKey } from '../sim/hosts';
import type { ServiceUrls, Sim } from '../sim/server';
import { allCookies, type CdpCookie } from './chromium';

/** What the next person at the computer can reach, channel by channel. Tests assert on this. */
export interface NextPersonReach {
  /** Visiting each service's `/login` without typing anything. */
  login: Record<ServiceKey, LoginReach>;
  /** Cookies of the session group (both services and the IdP), incl. partitioned ones. */
  cookies: {
    group: CdpCookie[];
    /** CHIPS cookies whose partition is a group site, or that belong to a group host. */
    partitioned: CdpCookie[];
    /** The IdP's SSO cookie, if still in the browser. */
    idpSso: CdpCookie | null;
  };
  /** Who the IdP's server considers logged in (its SSO cookie, validated server-side). */
  idpSsoAs: string | null;
  /** What each service origin's storage holds, read by a page that creates nothing. */
  storage: Record<ServiceKey, OriginStorage>;
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

export interface ReachOptions {
  /** Save a screenshot of each page the next person sees into this folder (`next-*.png`). */
  screenshotDir?: string;
  /** Order in which the next person tries the services' `/login`. */
  loginOrder?: readonly ServiceKey[];
}

type SimView = Pick<Sim, 'urls' | 'hosts' | 'stats' | 'idpCookies' | 'newspaper'>;

/** Registrable site of a host, good enough for the sim's hostnames (last two labels). */
const siteOf = (host: string) => host.split('.').slice(-2).join('.');

/**
 * In a fresh tab, finds out what the next person can reach. Read-only checks come first (cookies,
 * HTTP cache, storage, unrelated site); the `/login` visits come last, as they log in again.
 */
export async function nextPersonReach(
  context: BrowserContext,
  sim: SimView,
  options: ReachOptions = {},
): Promise<NextPersonReach> {
  const groupHosts = [sim.hosts.kommun, sim.hosts.vklass, sim.hosts.idp];
  const groupSites = groupHosts.map((h) => `https://${siteOf(h)}`);
  const cookies = await allCookies(context);
  const inGroup = (c: CdpCookie) => groupHosts.includes(c.domain.replace(/^\./, ''));
  const group = cookies.filter(
    (c) => inGroup(c) || (c.partitionKey && groupSites.includes(c.partitionKey.topLevelSite)),
  );

  const page = await context.newPage();
  const shot = async (name: string) => {
    if (options.screenshotDir)
      await page.screenshot({ path: join(options.screenshotDir, `next-${name}.png`) });
  };
  try {
    const httpCache = {} as Record<ServiceKey, HttpCacheReach>;
    for (const key of SERVICE_KEYS) {
      httpCache[key] = await receiptReach(page, sim, sim.urls[key]);
      await shot(`${key}-kvitto`);
    }
    const storage = {} as Record<ServiceKey, OriginStorage>;
    for (const key of SERVICE_KEYS) storage[key] = await originStorage(page, sim.urls[key].state);
    const apiProfile = await apiProfileReach(
      sim,
      (url) => page.goto(url),
      (url) => page.evaluate(fetchProfileName, url),
    );
    await page.goto(sim.urls.idp.state);
    const idpSsoAs = (await page.getAttribute('body', 'data-sso-as')) || null;
    const paper = await originStorage(page, sim.urls.newspaper.state);
    const unrelated = {
      cookie: (await page.getAttribute('body', 'data-cookie-present')) === 'true',
      localStorage: sim.newspaper.storageKey in paper.localStorage,
    };
    await shot('lokaltidningen');
    const login = {} as Record<ServiceKey, LoginReach>;
    for (const key of options.loginOrder ?? SERVICE_KEYS) {
      login[key] = await loginReach(page, sim, sim.urls[key]);
      await shot(`${key}-login`);
    }
    return {
      login,
      cookies: {
        group,
        partitioned: group.filter((c) => c.partitionKey),
        idpSso:
          group.find((c) => c.name === sim.idpCookies.sso && c.domain.replace(/^\./, '') === sim.hosts.idp) ??
          null,
      },
      idpSsoAs,
      storage,
      httpCache,
      apiProfile,
      unrelated,
    };
  } finally {
    await page.close().catch(() => {});
  }
}

async function receiptReach(page: Page, sim: SimView, service: ServiceUrls): Promise<HttpCacheReach> {
  const before = sim.stats.count(service.receipt);
  await page.goto(service.receipt);
  const servedFromCache = sim.stats.count(service.receipt) === before;
  return { servedFromCache, shownName: (await page.getAttribute('body', 'data-logged-in-as')) || null };
}

/** Runs in the page: the profile fetch "Mina sidor" makes (self-contained: it is sent to the browser as text). */
export const fetchProfileName = async (url: string): Promise<string | null> =>
  ((await (await fetch(url, { credentials: 'include' })).json()) as { namn: string | null }).namn;

/**
 * From a kommun page that creates nothing (`open` goes there; `fetchName` runs `fetchProfileName` in it): the
 * name the platform API's profile shows the next person, and whether the API was asked at all.
 */
export async function apiProfileReach(
  sim: Pick<Sim, 'urls' | 'stats'>,
  open: (url: string) => Promise<unknown>,
  fetchName: (url: string) => Promise<string | null>,
): Promise<HttpCacheReach> {
  await open(sim.urls.kommun.state);
  const before = sim.stats.count(sim.urls.api.profile);
  const shownName = await fetchName(sim.urls.api.profile);
  return { servedFromCache: sim.stats.count(sim.urls.api.profile) === before, shownName };
}

async function originStorage(page: Page, stateUrl: string): Promise<OriginStorage> {
  await page.goto(stateUrl);
  await page.locator('body[data-state-ready], body[data-state-error]').waitFor({ timeout: 10_000 });
  const error = await page.getAttribute('body', 'data-state-error');
  if (error) throw new Error(`${stateUrl}: ${error}`);
  const state = await page.evaluate(
    () => (window as unknown as { simState: Omit<OriginStorage, 'sessionAs'> }).simState,
  );
  return { ...state, sessionAs: (await page.getAttribute('body', 'data-session-as')) || null };
}

async function loginReach(page: Page, sim: SimView, service: ServiceUrls): Promise<LoginReach> {
  let sawIdp = false;
  // Only top-level hops count: "Mina sidor" itself embeds an IdP iframe.
  const onRequest = (r: Request) => {
    if (
      r.isNavigationRequest() &&
      r.frame() === page.mainFrame() &&
      new URL(r.url()).hostname === sim.hosts.idp
    ) {
      sawIdp = true;
    }
  };
  page.on('request', onRequest);
  try {
    await page.goto(service.login);
    await page
      .locator('body[data-page="overview"], body[data-page="idp-login"]')
      .waitFor({ timeout: 10_000 })
      .catch(() => {});
    const pageKind = await page.getAttribute('body', 'data-page').catch(() => null);
    const loggedInAs =
      pageKind === 'overview' ? (await page.getAttribute('body', 'data-logged-in-as')) || null : null;
    return {
      loggedInAs,
      via: loggedInAs ? (sawIdp ? 'sso' : 'session') : null,
      askedToLogIn: pageKind === 'idp-login',
      finalUrl: page.url(),
    };
  } finally {
    page.off('request', onRequest);
  }
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
  return out;
}
