/**
 * The one vocabulary for hosts and sites: validation and matching helpers, the registrable domain, the
 * schemeful site, web origins and 'the domain or under it'. Browser-safe: `URL` and `tldts` only.
 */
import { parse } from 'tldts';

/** One DNS label after IDN conversion: letters, digits, inner hyphens; 1–63 characters. */
export const LDH_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/** Dotted-quad IPv4, as `URL` canonicalises every IPv4 spelling (`0x7f.1`, `1.2.3`). */
export const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;

/**
 * IDN → punycode the way the browser does (UTS #46 through the URL parser), lower-cased, no trailing dot.
 * `null` when the URL parser refuses it.
 */
export function toAsciiHostname(host: string): string | null {
  try {
    const ascii = new URL(`http://${host}`).hostname;
    return ascii.endsWith('.') ? ascii.slice(0, -1) : ascii;
  } catch {
    return null;
  }
}

/** Is `host` the domain itself or a subdomain of it? Both already lower-case, without a leading dot. */
export const isWithin = (host: string, domain: string): boolean =>
  host === domain || host.endsWith(`.${domain}`);

/**
 * The registrable domain (eTLD+1) by the Public Suffix List, private section included, as browsers use it
 * for cookie scope and partition keys: `e-tjanster.jarfalla.se` → `jarfalla.se`, `x.github.io` →
 * `x.github.io`, `.Jarfalla.SE` (a cookie's domain) → `jarfalla.se`. A host that has none (an IP address,
 * an internal name like `localhost`, a public suffix) is its own: browsers treat it as a site of its own too,
 * so no caller has a `null` to patch.
 */
export function registrableDomain(host: string): string {
  const bare = (host.startsWith('.') ? host.slice(1) : host).toLowerCase();
  const info = parse(bare, { allowPrivateDomains: true });
  return (!info.isIp && info.domain) || bare;
}

/** Schemeful site of an origin, the form partition keys use: `https://www.jarfalla.se:8443` → `https://jarfalla.se`. */
export function siteOf(origin: string): string {
  const url = new URL(origin);
  return `${url.protocol}//${registrableDomain(url.hostname)}`;
}

/** The URL when it is an http(s) one; null for anything else (about:, chrome:, javascript:, not a URL). */
export function webUrl(url: string): URL | null {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u : null;
  } catch {
    return null;
  }
}

/** `scheme://host[:port]` of an http(s) URL or origin; null for anything else. */
export const webOrigin = (url: string): string | null => webUrl(url)?.origin ?? null;

/** `se`, `co.uk`, `kommune.no`, `github.io` (private section) … but not an unknown single label like `intranet`. */
export function isPublicSuffix(domain: string): boolean {
  const info = parse(domain, { allowPrivateDomains: true });
  return !info.isIp && (info.isIcann === true || info.isPrivate === true) && info.publicSuffix === domain;
}
