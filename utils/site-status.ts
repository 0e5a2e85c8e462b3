/**
 * What the popup can truthfully say about the site in the person's tab (#12 item 1). Pure: the background
 * derives it from the tab's URL and the settings in force; the popup only words it (utils/ui/site-status-text.ts).
 */
import { isWithin, registrableDomain, webUrl } from './rules/hostname';
import { isLoginService } from './rules/login-service';
import type { RuleMatch } from './rules/types';
import { validateDomainInput } from './rules/validate-domain';

export type SiteStatus =
  /** Not a web page (the extension's own pages, the browser's, a file, a blank tab): nothing to say. */
  | { kind: 'not-web' }
  | { kind: 'protected'; host: string; label: string; loginService: boolean }
  /** IT's excludedDomains covers it: never protected, and it cannot be added. */
  | { kind: 'excluded'; host: string }
  /** An opt-in login pack (Microsoft, Google, Visma) covers it and is off: the options page turns it on. */
  | { kind: 'opt-in-off'; host: string; packId: string }
  /**
   * On no list in force. `domain`: what "Protect this site" would add (the registrable domain, validated);
   * null when the address is not a site of its own (an IP address, a single-label name). `locked`: IT locked
   * the person's own domains (lockSettings).
   */
  | { kind: 'unprotected'; host: string; domain: string | null; locked: boolean };

export interface SiteStatusInput {
  url: string | undefined;
  classify: (host: string) => RuleMatch | null;
  /**
   * The opt-in pack that is off and covers `host`, or one of whose domains lies within `domain` (protecting
   * `google.com` would sign a person out of Google everywhere): its id, or null.
   */
  optInOff: (host: string, domain: string | null) => string | null;
  excludedDomains: readonly string[];
  customDomainsLocked: boolean;
  /**
   * The session group this tab's site is in, when it is in one though no rule names it (a login service on no
   * list the login passed through, a site taken on because its login went through a known IdP): it is cleared
   * with that group, so it is protected. Its name, and whether the host is one of the group's login hosts.
   */
  group?: (host: string) => { label: string; loginService: boolean } | null;
}

/** The domain "Protect this site" adds for `host`: its registrable domain, when the validator accepts it. */
export function protectableDomain(host: string): string | null {
  const v = validateDomainInput(registrableDomain(host));
  return v.ok ? v.domain : null;
}

export function siteStatus(i: SiteStatusInput): SiteStatus {
  const url = i.url ? webUrl(i.url) : null;
  if (!url || url.hostname === '') return { kind: 'not-web' };
  const host = url.hostname.replace(/\.$/, '').toLowerCase();
  const m = i.classify(host);
  if (m) return { kind: 'protected', host, label: m.label, loginService: isLoginService(m) };
  const g = i.group?.(host);
  if (g) return { kind: 'protected', host, ...g };
  if (i.excludedDomains.some((d) => isWithin(host, d))) return { kind: 'excluded', host };
  const domain = protectableDomain(host);
  const packId = i.optInOff(host, domain);
  if (packId) return { kind: 'opt-in-off', host, packId };
  return { kind: 'unprotected', host, domain, locked: i.customDomainsLocked };
}
