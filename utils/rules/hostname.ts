/** Hostname helpers shared by validation and matching. Browser-safe: `URL` and `tldts` only. */
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

/**
 * The registrable domain (eTLD+1) by the Public Suffix List, private section included, as browsers use it
 * for cookie scope: `e-tjanster.jarfalla.se` → `jarfalla.se`, `x.github.io` → `x.github.io`. `null` for IPs
 * and public suffixes.
 */
/** Is `host` the domain itself or a subdomain of it? Both already lower-case, without a leading dot. */
export const isWithin = (host: string, domain: string): boolean =>
  host === domain || host.endsWith(`.${domain}`);

export function registrableDomain(hostname: string): string | null {
  const info = parse(hostname, { allowPrivateDomains: true });
  return info.isIp ? null : info.domain;
}

/** `se`, `co.uk`, `kommune.no`, `github.io` (private section) … but not an unknown single label like `intranet`. */
export function isPublicSuffix(domain: string): boolean {
  const info = parse(domain, { allowPrivateDomains: true });
  return !info.isIp && (info.isIcann === true || info.isPrivate === true) && info.publicSuffix === domain;
}
