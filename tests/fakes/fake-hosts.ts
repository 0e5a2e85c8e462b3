/**
 * The fake browser's own notions of hosts and sites, written from the web platform's rules (the Public
 * Suffix List, RFC 6265 domain-match, schemeful sites) and not taken from the adapter's helpers: the fake
 * is a second, independent account of the browser, so the port contract can catch the adapter.
 */
import { getDomain } from 'tldts';

export const bareDomain = (domain: string) =>
  (domain.startsWith('.') ? domain.slice(1) : domain).toLowerCase();

/** eTLD+1 by the Public Suffix List, private section included (as browsers scope cookies); an IP or a bare name is itself. */
export function etldPlusOne(host: string): string {
  const bare = bareDomain(host);
  return getDomain(bare, { allowPrivateDomains: true }) ?? bare;
}

/** The schemeful site a partition is keyed by: `https://www.x.se:8443` → `https://x.se`. */
export function schemefulSite(origin: string): string {
  const url = new URL(origin);
  return `${url.protocol}//${etldPlusOne(url.hostname)}`;
}

/** RFC 6265 domain-match: `host` is `domain` or a subdomain of it (leading dots ignored). */
export function domainMatch(host: string, domain: string): boolean {
  const h = bareDomain(host);
  const d = bareDomain(domain);
  return h === d || h.endsWith(`.${d}`);
}

/** The origin of an http(s) URL or origin string; a TypeError otherwise (as the port rejects it). */
export function webOrigin(origin: string): string {
  const url = URL.canParse(origin) ? new URL(origin) : undefined;
  if (url?.protocol !== 'https:' && url?.protocol !== 'http:')
    throw new TypeError(`'${origin}' is not a valid origin.`);
  return url.origin;
}

/** The URL's hostname, or undefined for a URL without one. */
export function hostOf(url: string | undefined): string | undefined {
  return url && URL.canParse(url) ? new URL(url).hostname || undefined : undefined;
}
