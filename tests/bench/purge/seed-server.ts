/**
 * The purge benchmark's own HTTPS server on loopback (the sim stays untouched): it answers for every host of
 * the benchmark group and seeds each with cookies and storage while a tab walks the login path
 *   e-service /seed → /login (302) → IdP /seed → discovery /seed → broker /seed → QR /seed → e-service /done.
 * Each /seed page sets its cookies in the response, frames the next host of the ring (which sets partitioned
 * cookies there), fills localStorage, IndexedDB and Cache Storage, then moves on with `location.replace`.
 */
import { rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { makeCertificate } from '../../sim/cert';
import { frameOf, GROUP_HOSTS, registrableOf, SEED, WIDGET_HOST } from './group';

export const NEUTRAL_HOST = 'startsida.test';

export interface SeedServer {
  port: number;
  hostResolverRules: string;
  certSpki: string;
  /** Where a tab starts the walk for round `round` (cookie values carry the round). */
  startUrl(round: number): string;
  /** A page that sets nothing, for reading an origin's storage from inside (first-party). */
  checkUrl(host: string): string;
  /** The page the walk ends on (back on the e-service). */
  doneUrl(round: number): string;
  neutralUrl: string;
  close(): Promise<void>;
}

const E_SERVICE = GROUP_HOSTS[0];
const IDP = GROUP_HOSTS[1];
const origin = (host: string) => `https://${host}`;

const pad = (n: number, width: number) => String(n).padStart(width, '0');
const value = (round: number, i: number) => `r${round}-${pad(i, 3)}-${'v'.repeat(12)}`;

/** Unpartitioned cookies of one host: host-only and domain, Secure or not, SameSite None/Lax, some HttpOnly, some on /app, some persistent. */
function ownCookies(host: string, round: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < SEED.unpartitioned; i++) {
    const parts = [`u${pad(i, 3)}=${value(round, i)}`, `Path=${i % 7 === 0 ? '/app' : '/'}`];
    if (i % 4 !== 0) parts.push(`Domain=${registrableOf(host)}`);
    if (i % 3 === 0) parts.push('Secure', 'SameSite=None');
    else if (i % 3 === 1) parts.push('Secure', 'SameSite=Lax');
    else parts.push('SameSite=Lax');
    if (i % 5 === 0) parts.push('HttpOnly');
    if (i % 2 === 0) parts.push('Max-Age=86400');
    out.push(parts.join('; '));
  }
  for (let i = 0; i < SEED.partitionedOwn; i++) {
    const parts = [`p${pad(i, 2)}=${value(round, i)}`, 'Path=/', 'Secure', 'SameSite=None', 'Partitioned'];
    if (i % 2 === 1) parts.push(`Domain=${registrableOf(host)}`);
    if (i % 2 === 0) parts.push('Max-Age=86400');
    out.push(parts.join('; '));
  }
  return out;
}

/** Partitioned cookies a framed host sets (partition: the framing page's site). */
function framedCookies(round: number, count: number, prefix: string): string[] {
  return Array.from(
    { length: count },
    (_, i) =>
      `${prefix}${pad(i, 2)}=${value(round, i)}; Path=/; Secure; SameSite=None; Partitioned; Max-Age=86400`,
  );
}

/** Runs in the seeded page: storage of this origin, then on to `next` once the frames have loaded. */
function seedScript(round: number, next: string): string {
  return `(async () => {
  for (let i = 0; i < ${SEED.localStorageKeys}; i++) localStorage.setItem('k' + i, 'x'.repeat(100) + ${round});
  await new Promise((resolve, reject) => {
    const open = indexedDB.open('bench', 1);
    open.onupgradeneeded = () => open.result.createObjectStore('items');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const tx = db.transaction('items', 'readwrite');
      for (let i = 0; i < ${SEED.indexedDbRecords}; i++) tx.objectStore('items').put({ i, text: 'y'.repeat(200), round: ${round} }, i);
      tx.oncomplete = () => { db.close(); resolve(); };
      tx.onerror = () => reject(tx.error);
    };
  });
  const cache = await caches.open('bench');
  await Promise.all(Array.from({ length: ${SEED.cacheStorageEntries} }, (_, i) =>
    cache.put('/cached/' + i, new Response('z'.repeat(1000), { headers: { 'content-type': 'text/plain' } }))));
  if (document.readyState !== 'complete') await new Promise((r) => addEventListener('load', r, { once: true }));
  location.replace(${JSON.stringify(next)});
})().catch((e) => { document.title = 'seed-error: ' + e; document.body.dataset.seedError = String(e); });`;
}

function page(title: string, body: string): string {
  return `<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>${title}</title></head><body>${body}</body></html>`;
}

interface Reply {
  status: number;
  headers: Record<string, string | string[]>;
  body: string;
}

function handle(host: string, url: URL): Reply {
  const round = Number(url.searchParams.get('r') ?? '0');
  const htmlHeaders = { 'content-type': 'text/html; charset=utf-8' };
  const i = GROUP_HOSTS.indexOf(host as (typeof GROUP_HOSTS)[number]);
  if (url.pathname === '/seed' && i >= 0) {
    const next =
      i === 0
        ? `${origin(E_SERVICE)}/login?r=${round}`
        : i < GROUP_HOSTS.length - 1
          ? `${origin(GROUP_HOSTS[i + 1]!)}/seed?r=${round}`
          : `${origin(E_SERVICE)}/done?r=${round}`;
    const frames = [frameOf(i), ...(i === 0 ? [WIDGET_HOST] : [])]
      .map((h) => `<iframe src="${origin(h)}/frame?r=${round}" width="40" height="40"></iframe>`)
      .join('');
    return {
      status: 200,
      // Cacheable, so the HTTP cache has the group's pages too.
      headers: {
        ...htmlHeaders,
        'cache-control': 'private, max-age=3600',
        'set-cookie': ownCookies(host, round),
      },
      body: page(host, `<h1>${host}</h1>${frames}<script>${seedScript(round, next)}</script>`),
    };
  }
  if (url.pathname === '/login' && host === E_SERVICE)
    return {
      status: 302,
      headers: { location: `${origin(IDP)}/seed?r=${round}`, 'cache-control': 'no-store' },
      body: '',
    };
  if (url.pathname === '/frame' && (i >= 0 || host === WIDGET_HOST)) {
    const cookies =
      host === WIDGET_HOST
        ? framedCookies(round, SEED.widget, 'w')
        : framedCookies(round, SEED.partitionedFramed, 'f');
    return {
      status: 200,
      headers: { ...htmlHeaders, 'cache-control': 'no-store', 'set-cookie': cookies },
      body: page('frame', `<p>${host}</p>`),
    };
  }
  if (url.pathname === '/done' && host === E_SERVICE)
    return {
      status: 200,
      headers: { ...htmlHeaders, 'cache-control': 'no-store' },
      body: page('klar', '<h1>Inloggad</h1><p data-done="1">klar</p>'),
    };
  if (url.pathname === '/check' && i >= 0)
    return {
      status: 200,
      headers: { ...htmlHeaders, 'cache-control': 'no-store' },
      body: page('check', '<p>check</p>'),
    };
  if (url.pathname === '/favicon.ico')
    return { status: 204, headers: { 'cache-control': 'no-store' }, body: '' };
  if (host === NEUTRAL_HOST)
    return {
      status: 200,
      headers: { ...htmlHeaders, 'cache-control': 'no-store' },
      body: page('Start', '<h1>Start</h1>'),
    };
  return {
    status: 404,
    headers: { ...htmlHeaders, 'cache-control': 'no-store' },
    body: page('404', '<h1>404</h1>'),
  };
}

export async function startSeedServer(): Promise<SeedServer> {
  const cert = await makeCertificate([...GROUP_HOSTS, WIDGET_HOST, NEUTRAL_HOST]);
  const server: Server = createServer({ key: cert.key, cert: cert.cert }, (req, res) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    const out = handle(host, new URL(req.url ?? '/', `https://${host || 'invalid'}`));
    res.writeHead(out.status, out.headers);
    res.end(out.body);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    hostResolverRules: `MAP * 127.0.0.1:${port}`,
    certSpki: cert.spkiSha256,
    startUrl: (round) => `${origin(E_SERVICE)}/seed?r=${round}`,
    checkUrl: (host) => `${origin(host)}/check`,
    doneUrl: (round) => `${origin(E_SERVICE)}/done?r=${round}`,
    neutralUrl: `${origin(NEUTRAL_HOST)}/`,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await rm(cert.dir, { recursive: true, force: true });
    },
  };
}
