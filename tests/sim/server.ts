import { rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { API_PATHS, createApi } from './api';
import { makeCertificate } from './cert';
import type { SimContext, SimEvent } from './context';
import { createEService } from './eservice';
import { createFlows, type FlowUrls } from './flows';
import { DEFAULT_HOSTS, SERVICE_KEYS, type ServiceKey, type SimHosts } from './hosts';
import { html, layout, parseCookies, type SimRequest, type SimResponse } from './http';
import { createIdp, IDP_COOKIES, IDP_PATHS } from './idp';
import { createNewspaper, handleNeutral, NEWSPAPER } from './newspaper';
import { type Person, SERVICES, type ServicePaths, type ServiceProfile } from './services';

export interface SimOptions {
  /** Override hostnames (defaults in hosts.ts). */
  hosts?: Partial<SimHosts>;
  /** Port to listen on; default 0 (a free port, mapped with `--host-resolver-rules`). 443 needs root. */
  port?: number;
  /** Put the port into URLs/origins (for browsers that can map a hostname to an IP but not to a port). */
  portInUrls?: boolean;
  /**
   * E-services whose logout is fixed: it also ends the IdP's session, by a front-channel logout (the service
   * redirects to the IdP's logout, which ends its SSO and redirects back to the service's logged-out page).
   * The others keep the 2019 bug: their logout leaves the IdP signed in.
   */
  fixedLogout?: readonly ServiceKey[];
}

export type ServiceUrls = { origin: string } & { [K in keyof ServicePaths]: string };

export interface SimUrls {
  kommun: ServiceUrls;
  vklass: ServiceUrls;
  idp: { origin: string; start: string; state: string };
  /** The platform API (cross-site to the e-services); `profile` is what "Mina sidor" fetches. */
  api: { origin: string; profile: string };
  newspaper: { origin: string; start: string; state: string };
  neutral: { origin: string; start: string };
  /** The login flows of flows.ts (#12, #14). */
  flows: FlowUrls;
}

export interface SimStats {
  /** Requests the server answered for this URL's host + path (query ignored). */
  count(url: string): number;
  /** Every request, in order, with the headers that tell who made it. */
  readonly requests: readonly SimRequestLog[];
  /** Logins, SSO reuses, logouts. */
  readonly events: readonly SimEvent[];
  reset(): void;
}

export interface SimRequestLog {
  method: string;
  url: string;
  at: number;
  origin?: string;
  referer?: string;
  /** `Sec-Fetch-Site` / `Sec-Fetch-Dest`: who asked, for what. */
  fetchSite?: string;
  fetchDest?: string;
  /** Names of the cookies the request carried (values are not kept). */
  cookieNames?: string[];
}

export interface Sim {
  port: number;
  hosts: SimHosts;
  urls: SimUrls;
  stats: SimStats;
  /** Cookie names, storage prefixes and paths of each e-service. */
  services: Record<ServiceKey, ServiceProfile>;
  idpCookies: typeof IDP_COOKIES;
  newspaper: typeof NEWSPAPER;
  /** Chromium `--host-resolver-rules` value: every hostname → this server. */
  hostResolverRules: string;
  /** The self-signed certificate (PEM), for browsers that want to trust it instead of ignoring errors. */
  certFile: string;
  /**
   * base64 SHA-256 of the certificate's public key. Give it to Chromium as
   * `--ignore-certificate-errors-spki-list`: then the certificate counts as valid and the HTTP cache
   * works as on the real web (with only `--ignore-certificate-errors`, Chromium caches nothing).
   */
  certSpki: string;
  /** The person's BankID app scans the QR code a QR login shows (flows.ts). */
  scanQr(person: Person): void;
  close(): Promise<void>;
}

/** Starts the simulated municipality: one HTTPS server on loopback answering for every sim hostname. */
export async function startSim(options: SimOptions = {}): Promise<Sim> {
  const hosts: SimHosts = { ...DEFAULT_HOSTS, ...options.hosts };
  const cert = await makeCertificate(Object.values(hosts));
  const requests: SimRequestLog[] = [];
  const counts = new Map<string, number>();
  const events: SimEvent[] = [];
  let port = options.port ?? 0;

  const ctx: SimContext = {
    hosts,
    origin: (host) => (options.portInUrls && port !== 443 ? `https://${host}:${port}` : `https://${host}`),
    record: (e) => events.push(e),
  };
  const flows = createFlows(ctx);
  const handlers = new Map<string, (req: SimRequest) => SimResponse>([
    ...flows.handlers,
    [hosts.idp, createIdp(ctx)],
    [hosts.api, createApi(ctx)],
    [hosts.newspaper, createNewspaper(ctx)],
    [hosts.neutral, handleNeutral],
    ...SERVICE_KEYS.map(
      (k) => [hosts[k], createEService(ctx, k, { fixedLogout: options.fixedLogout?.includes(k) })] as const,
    ),
  ]);

  const server: Server = createServer({ key: cert.key, cert: cert.cert }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const host = (req.headers.host ?? '').replace(/:\d+$/, '');
      const url = new URL(req.url ?? '/', `https://${req.headers.host ?? 'invalid'}`);
      const key = `${host}${url.pathname}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
      const header = (name: string) => {
        const v = req.headers[name];
        return Array.isArray(v) ? v.join(', ') : v;
      };
      requests.push({
        method: req.method ?? 'GET',
        url: url.href,
        at: Date.now(),
        origin: header('origin'),
        referer: header('referer'),
        fetchSite: header('sec-fetch-site'),
        fetchDest: header('sec-fetch-dest'),
        cookieNames: Object.keys(parseCookies(req.headers.cookie)),
      });
      const isForm = (req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded');
      const simReq: SimRequest = {
        method: req.method ?? 'GET',
        url,
        host,
        cookies: parseCookies(req.headers.cookie),
        origin: header('origin'),
        form: new URLSearchParams(isForm ? Buffer.concat(chunks).toString() : ''),
      };
      let out: SimResponse;
      try {
        const handler = handlers.get(host);
        out = handler
          ? handler(simReq)
          : html(layout({ title: 'Okänd webbplats', body: '<h1>Okänd webbplats</h1>' }), {}, 421);
      } catch (e) {
        out = html(
          layout({ title: 'Serverfel', body: `<h1>Serverfel</h1><pre>${String(e)}</pre>` }),
          {},
          500,
        );
      }
      res.writeHead(out.status, out.headers);
      res.end(out.body);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  const serviceUrls = (k: ServiceKey): ServiceUrls => {
    const origin = ctx.origin(hosts[k]);
    const paths = SERVICES[k].paths;
    const out = { origin } as ServiceUrls;
    for (const name of Object.keys(paths) as (keyof ServicePaths)[]) out[name] = origin + paths[name];
    return out;
  };
  const idpOrigin = ctx.origin(hosts.idp);
  const paperOrigin = ctx.origin(hosts.newspaper);
  const urls: SimUrls = {
    kommun: serviceUrls('kommun'),
    vklass: serviceUrls('vklass'),
    idp: { origin: idpOrigin, start: idpOrigin + IDP_PATHS.start, state: idpOrigin + IDP_PATHS.state },
    api: { origin: ctx.origin(hosts.api), profile: ctx.origin(hosts.api) + API_PATHS.profile },
    newspaper: {
      origin: paperOrigin,
      start: paperOrigin + NEWSPAPER.paths.start,
      state: paperOrigin + NEWSPAPER.paths.state,
    },
    neutral: { origin: ctx.origin(hosts.neutral), start: `${ctx.origin(hosts.neutral)}/` },
    flows: flows.urls,
  };

  return {
    port,
    hosts,
    urls,
    services: SERVICES,
    idpCookies: IDP_COOKIES,
    newspaper: NEWSPAPER,
    hostResolverRules: `MAP * 127.0.0.1:${port}`,
    certFile: cert.certFile,
    certSpki: cert.spkiSha256,
    scanQr: (person) => flows.scanQr(person),
    stats: {
      count: (u) => {
        const parsed = new URL(u);
        return counts.get(`${parsed.hostname}${parsed.pathname}`) ?? 0;
      },
      requests,
      events,
      reset: () => {
        counts.clear();
        requests.length = 0;
        events.length = 0;
      },
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await rm(cert.dir, { recursive: true, force: true });
    },
  };
}
