import type { ServiceKey, SimHosts } from './hosts';
import type { Person } from './services';

/** Something the sim's servers did that a test may want to check (besides request counts). */
export type SimEvent =
  | { type: 'bankid-login'; person: Person; at: number }
  | { type: 'sso-reuse'; person: Person; sp: string; at: number }
  /** The IdP's front-channel logout ended its SSO (a service with a fixed logout sent the person there). */
  | { type: 'idp-logout'; person: Person | null; at: number }
  | { type: 'service-login'; service: ServiceKey; person: Person; at: number }
  | {
      type: 'service-logout';
      service: ServiceKey;
      how: 'link' | 'form' | 'script';
      person: Person | null;
      at: number;
    };

/** What every part of the sim gets: the hostnames, how to build an origin, and the event log. */
export interface SimContext {
  hosts: SimHosts;
  /** `https://host` (plus `:port` when the sim was started with `portInUrls`). */
  origin(host: string): string;
  record(event: SimEvent): void;
}
