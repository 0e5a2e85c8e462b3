/**
 * Session marks: which cookies of a login service can say "someone is signed in here". Pure.
 *
 * A mark is a cookie that the browser sends to one of the login hosts and that page scripts cannot read
 * (`HttpOnly`): an identity provider's session cookie is one; a language choice or a consent banner's cookie,
 * which scripts write and read, is not. It is kept as a fingerprint (a hash of the cookie's identity and
 * value), so that "the same cookie, unchanged" can be told without keeping the value.
 */
import { type CookieRecord, cookieIdentity } from '../browser-data/port';
import { registrableDomain } from '../rules/hostname';

/** Does the browser send a cookie of `domain` (as the cookies API reports it) to `host`? */
export function cookieAppliesTo(c: Pick<CookieRecord, 'domain' | 'hostOnly'>, host: string): boolean {
  const d = (c.domain.startsWith('.') ? c.domain.slice(1) : c.domain).toLowerCase();
  const h = host.toLowerCase();
  return h === d || (!c.hostOnly && h.endsWith(`.${d}`));
}

/** A 53-bit string hash (cyrb53): enough to tell values apart, useless to recover one. */
function hash(s: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/** The session marks among `cookies` that reach one of `hosts` (sorted, no duplicates). */
export function sessionMarks(cookies: readonly CookieRecord[], hosts: readonly string[]): string[] {
  const marks = cookies
    .filter((c) => c.httpOnly && hosts.some((h) => cookieAppliesTo(c, h)))
    .map((c) => hash(`${cookieIdentity(c)}\u0000${c.value}`));
  return [...new Set(marks)].sort();
}

/** Where to look up the cookies that reach `hosts`: their registrable domains (a parent's cookies reach them). */
export const lookupDomains = (hosts: readonly string[]): string[] => [
  ...new Set(hosts.map((h) => registrableDomain(h))),
];
