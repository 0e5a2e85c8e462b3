/**
 * Host, site and cookie-domain arithmetic shared by the real port and the fake, so both match domains
 * the way browsers do.
 */
import { isWithin, registrableDomain, siteOf } from '../rules/hostname';

/** The registrable domain and the schemeful site are rules/hostname's (one vocabulary); re-exported for this module's importers. */
export { registrableDomain, siteOf };

/** `https://host[:port]` with a path, query or trailing slash removed; throws on anything that is not an http(s) origin. */
export function normalizeOrigin(origin: string): string {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    throw new TypeError(`'${origin}' is not a valid origin.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new TypeError(`'${origin}' is not a valid origin.`);
  }
  return url.origin;
}

/** Host with the port when the origin has one: what Firefox matches localStorage/IndexedDB against. */
export function hostWithPort(origin: string): string {
  return new URL(origin).host;
}

export function stripDot(domain: string): string {
  return domain.startsWith('.') ? domain.slice(1) : domain;
}

/**
 * `cookies.getAll({domain})` semantics: the cookie's domain equals the query domain or is a subdomain
 * of it; leading dots are ignored on both sides. (`.jarfalla.se` matches query `www.jarfalla.se`? No:
 * the query asks for cookies *of* www and below, and a domain cookie of the parent is not one of them.)
 */
export function cookieDomainMatches(cookieDomain: string, queryDomain: string): boolean {
  const cookie = stripDot(cookieDomain).toLowerCase();
  const query = stripDot(queryDomain).toLowerCase();
  return isWithin(cookie, query);
}

/** Is the URL's host one of `hosts`, or one of `domains` or under it? (Which closed tabs were a group's.) */
export function urlOnHosts(
  url: string | undefined,
  hosts: readonly string[],
  domains: readonly string[],
): boolean {
  const host = hostnameOf(url)?.toLowerCase();
  return !!host && (hosts.includes(host) || domains.some((d) => cookieDomainMatches(host, d)));
}

/** Hostname of a URL, or undefined when it has none (about:, data:, malformed). */
export function hostnameOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).hostname || undefined;
  } catch {
    return undefined;
  }
}
