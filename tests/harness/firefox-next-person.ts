/**
 * What the next person at the computer can reach in real Firefox (the twin of next-person.ts). Cookies
 * are read through an extension page (`FirefoxLab.allCookies`), the only place that sees every cookie
 * store (containers, private browsing) with partitioned (Total Cookie Protection) and
 * first-party-isolated cookies; everything else is what a page of each site shows to whoever sits down
 * next.
 */
import type { BrowserContext, Page } from 'puppeteer-core';
import { SERVICE_KEYS, type ServiceKey } from '../sim/hosts';
import type { ServiceUrls, Sim } from '../sim/server';
import { bodyData, open, waitForSelectorAcrossNavigations } from './firefox-person';
import type { FirefoxLab } from './firefox-scenario';
import {
  apiProfileReach,
  channelsShowing as channelsShowingChromium,
  fetchProfileName,
  type HttpCacheReach,
  type LoginReach,
  type NextPersonReach,
  type OriginStorage,
} from './next-person';

/** A cookie as Firefox's `cookies.getAll` reports it (the fields the tests use). */
export interface FirefoxCookie {
  name: string;
  value: string;
  domain: string;
  path: string;
  storeId: string;
  partitionKey?: { topLevelSite?: string } | null;
  firstPartyDomain?: string;
}

export interface FirefoxReach extends Omit<NextPersonReach, 'cookies'> {
  cookies: {
    /** Cookies of the group's hosts, or partitioned under a group site, in every store. */
    group: FirefoxCookie[];
    partitioned: FirefoxCookie[];
    idpSso: FirefoxCookie | null;
  };
  /** What the IdP's origin stores (a login service may keep data in site storage too). */
  idpStorage: OriginStorage;
}

type SimView = Pick<Sim, 'urls' | 'hosts' | 'stats' | 'idpCookies' | 'newspaper'>;

const siteOf = (host: string) => host.split('.').slice(-2).join('.');

/** The group's cookies among `all`: on a group host (kommun, Vklass, IdP) or partitioned under a group site. */
export function groupCookies(sim: Pick<Sim, 'hosts'>, all: readonly FirefoxCookie[]): FirefoxCookie[] {
  const hosts = [sim.hosts.kommun, sim.hosts.vklass, sim.hosts.idp];
  const sites = hosts.map(siteOf);
  return all.filter((c) => {
    const bare = c.domain.replace(/^\./, '');
    const partition = c.partitionKey?.topLevelSite;
    return (
      hosts.includes(bare) ||
      sites.includes(bare) ||
      (partition !== undefined && sites.some((s) => partition.replace(/^https?:\/\//, '') === s))
    );
  });
}

export interface FirefoxReachOptions {
  /** The tabs the next person opens (default: the browser's default context, i.e. no container). */
  context?: BrowserContext;
  loginOrder?: readonly ServiceKey[];
  /** Skip the `/login` visits (they log in again when the SSO is still there): read-only checks only. */
  readOnly?: boolean;
  /**
   * The next person's tab, left open afterwards (e.g. to log in next). By default a new tab is opened
   * and closed; closing it ends the session group its visits made, which the extension then purges.
   */
  page?: Page;
}

/**
 * In a fresh tab, finds out what the next person can reach. Read-only checks come first (cookies,
 * HTTP cache, storage, unrelated site); the `/login` visits come last, as they log in again.
 */
export async function nextPersonReach(
  lab: Pick<FirefoxLab, 'firefox' | 'allCookies'>,
  sim: SimView,
  options: FirefoxReachOptions = {},
): Promise<FirefoxReach> {
  const group = groupCookies(sim, await lab.allCookies());
  const page =
    options.page ?? (await (options.context ?? lab.firefox.browser.defaultBrowserContext()).newPage());
  try {
    const httpCache = {} as Record<ServiceKey, HttpCacheReach>;
    for (const key of SERVICE_KEYS) httpCache[key] = await receiptReach(page, sim, sim.urls[key]);
    const storage = {} as Record<ServiceKey, OriginStorage>;
    for (const key of SERVICE_KEYS) storage[key] = await originStorage(page, sim.urls[key].state);
    const apiProfile = await apiProfileReach(
      sim,
      (url) => open(page, url),
      (url) => page.evaluate(fetchProfileName, url),
    );
    const idpStorage = await originStorage(page, sim.urls.idp.state);
    const idpSsoAs = (await bodyData(page, 'ssoAs')) || null;
    const paper = await originStorage(page, sim.urls.newspaper.state);
    const unrelated = {
      cookie: (await bodyData(page, 'cookiePresent')) === 'true',
      localStorage: sim.newspaper.storageKey in paper.localStorage,
    };
    const login = {} as Record<ServiceKey, LoginReach>;
    if (!options.readOnly)
      for (const key of options.loginOrder ?? SERVICE_KEYS)
        login[key] = await loginReach(page, sim, sim.urls[key]);
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
    if (!options.page) await page.close().catch(() => {});
  }
}

async function receiptReach(page: Page, sim: SimView, service: ServiceUrls): Promise<HttpCacheReach> {
  const before = sim.stats.count(service.receipt);
  await open(page, service.receipt);
  const servedFromCache = sim.stats.count(service.receipt) === before;
  return { servedFromCache, shownName: (await bodyData(page, 'loggedInAs')) || null };
}

async function originStorage(page: Page, stateUrl: string): Promise<OriginStorage> {
  await open(page, stateUrl);
  await waitForSelectorAcrossNavigations(page, 'body[data-state-ready], body[data-state-error]');
  const error = await bodyData(page, 'stateError');
  if (error) throw new Error(`${stateUrl}: ${error}`);
  const state = await page.evaluate(
    () => (window as unknown as { simState: Omit<OriginStorage, 'sessionAs'> }).simState,
  );
  return { ...state, sessionAs: (await bodyData(page, 'sessionAs')) || null };
}

/** Visits `/login` without typing; a top-level hop through the IdP (seen by the sim) means single sign-on. */
async function loginReach(page: Page, sim: SimView, service: ServiceUrls): Promise<LoginReach> {
  const from = sim.stats.requests.length;
  await open(page, service.login);
  await waitForSelectorAcrossNavigations(
    page,
    'body[data-page="overview"][data-storage-ready], body[data-page="idp-login"]',
  ).catch(() => {});
  const pageKind = await bodyData(page, 'page').catch(() => null);
  const loggedInAs = pageKind === 'overview' ? (await bodyData(page, 'loggedInAs')) || null : null;
  const sawIdp = sim.stats.requests
    .slice(from)
    .some((r) => new URL(r.url).hostname === sim.hosts.idp && r.fetchDest === 'document');
  return {
    loggedInAs,
    via: loggedInAs ? (sawIdp ? 'sso' : 'session') : null,
    askedToLogIn: pageKind === 'idp-login',
    finalUrl: page.url(),
  };
}

/** Where a name can be found in what the next person reached (next-person.ts's channels, plus cookies). */
export function channelsShowing(reach: FirefoxReach, name: string): string[] {
  const out = channelsShowingChromium(
    { ...reach, cookies: { group: [], partitioned: [], idpSso: null } } satisfies NextPersonReach,
    name,
  );
  if (reach.cookies.group.some((c) => decodeURIComponent(c.value).includes(name))) out.push('cookies');
  if (JSON.stringify(reach.idpStorage).includes(name)) out.push('idp:storage');
  return out;
}
