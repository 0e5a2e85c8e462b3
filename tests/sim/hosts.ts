/**
 * Every hostname of the simulated municipality, in one place.
 *
 * The product is judged against e-services it has never seen, so nothing in the product may know these
 * names; the sim and the harness read them from here only. Override any of them with `startSim({ hosts })`.
 */
export interface SimHosts {
  /** The municipality's e-service (Open ePlatform-like): where the 2019 leak was found. */
  kommun: string;
  /** A second e-service on a school vendor's domain that logs in through the same IdP. */
  vklass: string;
  /** Identity provider (BankID broker) on a host that is on no list. */
  idp: string;
  /**
   * The e-service platform's API on a domain of its own, on no list and never visited top-level: "Mina sidor"
   * fetches the person's profile from it, and the answer is cacheable.
   */
  api: string;
  /** An unrelated site whose data must survive every logout. */
  newspaper: string;
  /** A neutral page (the browser's "new tab"): harness warm-ups go here so they touch no site above. */
  neutral: string;
  /** A housing company's "Mina sidor" on no list: logs in through GrandID (flows.ts, #12). */
  unlisted: string;
  /** GrandID: a login service on the built-in list (kind `idp`), OpenID Connect with BankID. */
  grandid: string;
  /** A school platform (a listed vendor) whose login runs through the kommun's own IdP. */
  school: string;
  /** The kommun's own IdP (ADFS-like), under the kommun's domain: classified as the kommun. */
  kommunIdp: string;
  /** A kommun service with every login style (#14): OIDC, through a broker, QR frame, pop-up, new tab. */
  styles: string;
  /** An OIDC broker on no list between `styles` and GrandID. */
  broker: string;
}

export const DEFAULT_HOSTS: SimHosts = {
  kommun: 'e-tjanster.jarfalla.se',
  vklass: 'www.vklass.se',
  idp: 'login.eidbrygga.net',
  api: 'api.etjanstplattform.net',
  newspaper: 'www.lokaltidningen.se',
  neutral: 'startsida.test',
  unlisted: 'mina.bostadsbolaget-exempel.se',
  grandid: 'login.grandid.com',
  school: 'jarfalla.skola24.se',
  kommunIdp: 'fs.jarfalla.se',
  styles: 'minasidor.sundbyberg.se',
  broker: 'auth.kommunbrygga.net',
};

/** The two e-services: both are SAML service providers of the same IdP. */
export type ServiceKey = 'kommun' | 'vklass';
export const SERVICE_KEYS: readonly ServiceKey[] = ['kommun', 'vklass'];
