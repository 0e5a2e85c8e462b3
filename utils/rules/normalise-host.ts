import { toAsciiHostname } from './hostname';

/**
 * Fast canonical form of a hostname for lookups: lower case, no trailing dot, IDN as punycode.
 * `null` for anything that cannot be a DNS hostname (IP literals with brackets, ports, paths, spaces,
 * IPv4 addresses). Hot path of the matcher: one pass over the characters, no allocation for the
 * common already-canonical ASCII host.
 */
export function normaliseHostname(hostname: string): string | null {
  let host = hostname;
  let n = host.length;
  if (n > 0 && host.charCodeAt(n - 1) === 46) {
    host = host.slice(0, -1);
    n--;
  }
  if (n === 0 || n > 253) return null;
  let upper = false;
  for (let i = 0; i < n; i++) {
    const c = host.charCodeAt(i);
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 46 || c === 45 || c === 95) continue;
    if (c >= 65 && c <= 90) {
      upper = true;
    } else if (c > 127) {
      const ascii = toAsciiHostname(host);
      return ascii === null || ascii === '' || ascii.includes('[') ? null : dropIpv4(ascii);
    } else {
      return null;
    }
  }
  return dropIpv4(upper ? host.toLowerCase() : host);
}

/** A hostname whose last label starts with a digit is an IPv4 address (TLDs never do). */
function dropIpv4(host: string): string | null {
  const c = host.charCodeAt(host.lastIndexOf('.') + 1);
  return c >= 48 && c <= 57 ? null : host;
}
