import type { ServiceKey } from './hosts';

/** Who logged in: what the person typed on the IdP's BankID page. */
export interface Person {
  name: string;
  personnummer: string;
}

/** Paths of one e-service. Both services have the same kinds of page, under their own paths. */
export interface ServicePaths {
  start: string;
  /** Starts a login: 302 to the IdP (or to the overview when a session exists). */
  login: string;
  /** SAML assertion consumer service (HTTP-POST binding). */
  acs: string;
  /** "Mina sidor": the person's data; writes it to every kind of site storage. */
  overview: string;
  /** Sent with `Cache-Control: private, max-age=3600` (the HTTP-cache channel). */
  receipt: string;
  /** `Content-Disposition: attachment` PDF with the person's name. */
  pdf: string;
  /** "Logga ut" as a link (GET). */
  logoutLink: string;
  /** "Logga ut" as a form button (POST). */
  logoutForm: string;
  /**
   * The icon-only "Logga ut" button (in a web component's shadow root) calls `DELETE` here and redraws the
   * page without loading one: a script logout, no logout URL anywhere.
   */
  sessionApi: string;
  /** Read-only report of what the origin's storage holds (creates nothing). */
  state: string;
}

/** One e-service of the sim: names, cookies and the texts that make it look like itself. */
export interface ServiceProfile {
  key: ServiceKey;
  /** Shown in titles and headings. */
  title: string;
  /** Short name used in sentences ("Du är utloggad från …"). */
  shortName: string;
  /** The service's own session cookie (session cookie, HttpOnly): the ONLY thing its logout removes. */
  sessionCookie: string;
  /** Persistent preferences cookie that remembers the last person. */
  prefsCookie: string;
  /** Prefix for localStorage/sessionStorage keys, IndexedDB and Cache Storage names. */
  storagePrefix: string;
  paths: ServicePaths;
  /** Headings of the logged-in overview and of its list. */
  headings: { overview: string; cases: string };
  /** What "Mina sidor" lists for the person (a case, income…); plain Swedish. */
  cases: readonly { id: string; title: string; status: string }[];
  /** Monthly income shown on the page and stored (the kind of data a next person must not see). */
  income?: string;
}

export const SERVICES: Record<ServiceKey, ServiceProfile> = {
  kommun: {
    key: 'kommun',
    title: 'Järfälla kommun – e-tjänster',
    shortName: 'Järfälla kommuns e-tjänster',
    sessionCookie: 'JSESSIONID',
    prefsCookie: 'oep_installningar',
    storagePrefix: 'oep',
    paths: {
      start: '/',
      login: '/login',
      acs: '/saml/acs',
      overview: '/oversikt/overview/787',
      receipt: '/mina-sidor/kvitto',
      pdf: '/mina-sidor/beslut.pdf',
      logoutLink: '/logout',
      logoutForm: '/oversikt/logga-ut',
      sessionApi: '/api/session',
      state: '/state',
    },
    headings: { overview: 'Mina sidor', cases: 'Mina ärenden' },
    cases: [
      { id: 'FSK-2019-0412', title: 'Ansökan om förskoleplats', status: 'Under handläggning' },
      { id: 'MAX-2019-0977', title: 'Inkomstuppgift för barnomsorgsavgift', status: 'Inskickad' },
    ],
    income: '32 400 kr/mån',
  },
  vklass: {
    key: 'vklass',
    title: 'Vklass – vårdnadshavare',
    shortName: 'Vklass',
    sessionCookie: 'ASP.NET_SessionId',
    prefsCookie: 'vklass_prefs',
    storagePrefix: 'vklass',
    paths: {
      start: '/',
      login: '/login',
      acs: '/Saml/SignIn',
      overview: '/Guardian/Overview',
      receipt: '/Guardian/Kvitto',
      pdf: '/Guardian/Omdome.pdf',
      logoutLink: '/logout',
      logoutForm: '/Account/Logout',
      sessionApi: '/api/v2/auth/session',
      state: '/state',
    },
    headings: { overview: 'Översikt', cases: 'Aktuellt för ditt barn' },
    cases: [
      { id: 'FRV-2019-1131', title: 'Frånvaroanmälan', status: 'Registrerad' },
      { id: 'UTV-2019-0088', title: 'Utvecklingssamtal, vecka 47', status: 'Bokat' },
    ],
  },
};
