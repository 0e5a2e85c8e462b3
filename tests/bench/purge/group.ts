/**
 * The session group the purge benchmark builds: a protected kommun e-service and the four hosts its login
 * passes through (on no list), each on its own registrable domain. Chromium keeps at most 180 unpartitioned
 * cookies per registrable domain (more and it evicts down to 150), so 200 cookies on each of five hosts
 * need five domains and some partitioned cookies (counted per partition).
 */

/** In login order: the tab starts on the e-service, goes round the login path and comes back. */
export const GROUP_HOSTS = [
  'e-tjanster.jarfalla.se', // protected: se-kommun-0123 (Järfälla kommun)
  'login.eidbrygga.net', // the IdP (SAML), reached by a 302 from the e-service
  'valj.legitimering-disco.se', // "choose your e-ID" discovery service
  'id.bankbrygga.com', // BankID broker
  'app.qrlegitimering.net', // QR / app-launch page
] as const;

/** A chat widget framed in the e-service: not a group member, but its cookies partitioned under jarfalla.se go. */
export const WIDGET_HOST = 'chatt.kundtjanstwidget.se';

/** Registrable domain of each host (all five are plain `label.tld`). */
export const registrableOf = (host: string): string => host.split('.').slice(-2).join('.');

export const SEED = {
  /** Unpartitioned cookies each host sets on its own page (≤ 180 per registrable domain). */
  unpartitioned: 170,
  /** Partitioned cookies each host sets on its own page (partition: its own site). */
  partitionedOwn: 20,
  /** Partitioned cookies each host sets when framed by the previous host of the ring (partition: that site). */
  partitionedFramed: 10,
  /** Partitioned cookies the widget sets, framed in the e-service. */
  widget: 10,
  localStorageKeys: 100,
  indexedDbRecords: 200,
  cacheStorageEntries: 20,
} as const;

export const COOKIES_PER_HOST = SEED.unpartitioned + SEED.partitionedOwn + SEED.partitionedFramed;
export const COOKIES_TOTAL = COOKIES_PER_HOST * GROUP_HOSTS.length + SEED.widget;

/** The group host that host i's page frames (the next one, the last frames the e-service): a ring, so every host gets cookies partitioned under another group site. */
export const frameOf = (i: number): string => GROUP_HOSTS[(i + 1) % GROUP_HOSTS.length]!;
