import type { SimContext } from './context';
import type { SimHosts } from './hosts';
import type { SimRequest, SimResponse } from './http';
import { createOidcBroker, createOidcIdp, OIDC_PATHS, type OidcProvider } from './oidc-idp';
import { createOidcService, OIDC_SERVICE_PATHS } from './oidc-service';
import type { Person } from './services';

/**
 * The sim's login flows beyond the municipality's SAML IdP (#12, #14): a housing company on no list that logs in
 * through GrandID (a listed login service); a school platform (a listed vendor) whose login runs through the
 * kommun's own IdP under the kommun's domain; a kommun service with every login style (OIDC through a broker,
 * a BankID QR code in a frame, a pop-up, a new tab).
 */

export type FlowServiceKey = 'unlisted' | 'school' | 'styles';
export type FlowIdpKey = 'grandid' | 'kommunIdp' | 'broker';

export const FLOW_SERVICES: Record<
  FlowServiceKey,
  { title: string; sessionCookie: string; storagePrefix: string }
> = {
  unlisted: { title: 'Bostadsbolaget – Mina sidor', sessionCookie: 'bb_session', storagePrefix: 'bostad' },
  school: { title: 'Skola24 – Järfälla', sessionCookie: 'S24_SESSION', storagePrefix: 'skola24' },
  styles: { title: 'Sundbybergs stad – Mina sidor', sessionCookie: 'mina_sid', storagePrefix: 'minasidor' },
};

export const FLOW_IDP_COOKIES: Record<FlowIdpKey, string> = {
  grandid: 'grandid_sso',
  kommunIdp: 'MSISAuth',
  broker: 'kb_sso',
};

export type FlowServiceUrls = { origin: string } & { [K in keyof typeof OIDC_SERVICE_PATHS]: string };
export type FlowUrls = Record<FlowServiceKey, FlowServiceUrls> &
  Record<FlowIdpKey, { origin: string; state: string }>;

export interface Flows {
  handlers: [string, (req: SimRequest) => SimResponse][];
  urls: FlowUrls;
  /** The person's BankID app: scans the QR code every pending QR login shows. */
  scanQr(person: Person): void;
}

export function createFlows(ctx: SimContext): Flows {
  const h: SimHosts = ctx.hosts;
  const grandid = createOidcIdp(ctx, {
    host: h.grandid,
    name: 'GrandID',
    ssoCookie: FLOW_IDP_COOKIES.grandid,
  });
  const kommunIdp = createOidcIdp(ctx, {
    host: h.kommunIdp,
    name: 'Järfälla kommun – inloggning',
    ssoCookie: FLOW_IDP_COOKIES.kommunIdp,
  });
  const broker = createOidcBroker(ctx, {
    host: h.broker,
    name: 'Kommunbryggan',
    upstream: { host: h.grandid, provider: grandid },
  });
  const providers: Record<FlowIdpKey, OidcProvider> = { grandid, kommunIdp, broker };
  const service = (key: FlowServiceKey, issuer: FlowIdpKey) =>
    createOidcService(ctx, {
      host: h[key],
      ...FLOW_SERVICES[key],
      issuer: { host: h[issuer], provider: providers[issuer] },
      broker: { host: h.broker, provider: broker },
    });
  const handlers: Flows['handlers'] = [
    [h.unlisted, service('unlisted', 'grandid')],
    [h.school, service('school', 'kommunIdp')],
    [h.styles, service('styles', 'grandid')],
    ...(['grandid', 'kommunIdp', 'broker'] as const).map(
      (k) =>
        [h[k], (req: SimRequest) => providers[k].handle(req)] as [string, (req: SimRequest) => SimResponse],
    ),
  ];
  const serviceUrls = (key: FlowServiceKey): FlowServiceUrls => {
    const origin = ctx.origin(h[key]);
    const out = { origin } as FlowServiceUrls;
    for (const [name, path] of Object.entries(OIDC_SERVICE_PATHS))
      out[name as keyof typeof OIDC_SERVICE_PATHS] = origin + path;
    return out;
  };
  const idpUrls = (key: FlowIdpKey) => ({
    origin: ctx.origin(h[key]),
    state: ctx.origin(h[key]) + OIDC_PATHS.state,
  });
  return {
    handlers,
    // Origins may carry the port, known only once the server listens: built when asked.
    get urls() {
      return {
        unlisted: serviceUrls('unlisted'),
        school: serviceUrls('school'),
        styles: serviceUrls('styles'),
        grandid: idpUrls('grandid'),
        kommunIdp: idpUrls('kommunIdp'),
        broker: idpUrls('broker'),
      };
    },
    scanQr: (person) => grandid.scan(person),
  };
}
