/**
 * User and policy domain input → a stored domain. A domain always means itself and all its subdomains,
 * so `*.example.se` and `example.se` both store `example.se`. Results are machine codes; the UI words them.
 *
 * Refused: IP addresses, public suffixes from both sections of the Public Suffix List (`se`, `co.uk`,
 * `kommune.no`, and private ones such as `github.io`: a rule there would sweep up every unrelated site on
 * it, and browsers never let one site's cookies span it), single-label names, non-LDH labels (underscores
 * too), and names past DNS limits. Names under a TLD the list does not know (`intra.corp`) are accepted
 * with an `unknown-tld` notice.
 *
 * Refused as `shared-hosting` too: a name that contains an entry of the list's private section
 * (`amazonaws.com` contains `s3.amazonaws.com`, `windows.net` contains `blob.core.windows.net`), or a known
 * hosting name the list lacks (`SHARED_HOSTING`): every stranger's site under it would be swept in. A site
 * under such an entry (`user.github.io`) is one owner's and is accepted.
 */
import { parse } from 'tldts';
import { IPV4, LDH_LABEL, toAsciiHostname } from './hostname';
import { privateSuffixWithin } from './private-suffixes';

/** Names where unrelated parties each own a host, not (or no longer) on the Public Suffix List. */
const SHARED_HOSTING: readonly string[] = ['googleusercontent.com'];

export type DomainErrorCode =
  | 'empty'
  | 'invalid'
  | 'ip-address'
  | 'public-suffix'
  | 'shared-hosting'
  | 'single-label'
  | 'too-long'
  | 'wildcard-in-middle';

export type NoticeCode =
  | 'scheme-stripped'
  | 'credentials-stripped'
  | 'port-stripped'
  | 'path-stripped'
  | 'query-stripped'
  | 'fragment-stripped'
  | 'wildcard-normalised'
  | 'idn-converted'
  | 'unknown-tld';

export interface Notice {
  readonly code: NoticeCode;
  /** What was removed or produced (`https`, `8080`, `/path`, the punycode name, the TLD); never credentials. */
  readonly detail?: string;
}

export type DomainValidation =
  | { readonly ok: true; readonly domain: string; readonly notices: readonly Notice[] }
  | { readonly ok: false; readonly error: DomainErrorCode; readonly detail?: string };

const MAX_INPUT = 2048;

const fail = (error: DomainErrorCode, detail?: string): DomainValidation =>
  detail === undefined ? { ok: false, error } : { ok: false, error, detail };

export function validateDomainInput(input: string): DomainValidation {
  if (typeof input !== 'string') return fail('invalid', 'not-a-string');
  let s = input.trim();
  if (s === '') return fail('empty');
  if (s.length > MAX_INPUT) return fail('too-long', 'input');
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what we refuse
  if (/[\s\u0000-\u001f\u007f]/.test(s)) return fail('invalid', 'whitespace-or-control');
  const notices: Notice[] = [];

  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(s);
  if (scheme) {
    notices.push({ code: 'scheme-stripped', detail: scheme[1]!.toLowerCase() });
    s = s.slice(scheme[0].length);
  } else if (s.startsWith('//')) {
    notices.push({ code: 'scheme-stripped' });
    s = s.slice(2);
  }

  const end = s.search(/[/?#]/);
  let authority = end === -1 ? s : s.slice(0, end);
  const tail = end === -1 ? [] : stripTail(s.slice(end));

  const at = authority.lastIndexOf('@');
  if (at !== -1) {
    notices.push({ code: 'credentials-stripped' });
    authority = authority.slice(at + 1);
  }
  if (authority === '') return fail('invalid', 'no-host');

  const host = stripPort(authority, notices);
  if (typeof host !== 'string') return host;
  notices.push(...tail);
  return checkHost(host, notices);
}

/** Path, query and fragment after the authority: one notice for each that carries something. */
function stripTail(tail: string): Notice[] {
  const notices: Notice[] = [];
  const hash = tail.indexOf('#');
  const beforeHash = hash === -1 ? tail : tail.slice(0, hash);
  const query = beforeHash.indexOf('?');
  const path = query === -1 ? beforeHash : beforeHash.slice(0, query);
  if (path.length > 1) notices.push({ code: 'path-stripped', detail: path });
  if (query !== -1) notices.push({ code: 'query-stripped' });
  if (hash !== -1) notices.push({ code: 'fragment-stripped' });
  return notices;
}

/** `[v6]`, bare v6, `host:port`. Returns the host, or the failure. */
function stripPort(authority: string, notices: Notice[]): string | DomainValidation {
  if (authority.startsWith('[')) {
    const close = authority.indexOf(']');
    const literal = close === -1 ? null : toAsciiHostname(authority.slice(0, close + 1));
    return literal ? fail('ip-address', 'ipv6') : fail('invalid', 'bracket');
  }
  const colons = authority.split(':').length - 1;
  if (colons > 1) {
    return toAsciiHostname(`[${authority}]`) ? fail('ip-address', 'ipv6') : fail('invalid', 'colon');
  }
  if (colons === 0) return authority;
  const [host = '', port = ''] = authority.split(':');
  if (!/^\d{0,5}$/.test(port) || Number(port) > 65535) return fail('invalid', 'port');
  if (port !== '') notices.push({ code: 'port-stripped', detail: port });
  if (host === '') return fail('invalid', 'no-host');
  return host;
}

function checkHost(raw: string, notices: Notice[]): DomainValidation {
  let host = raw;
  if (host.startsWith('*.') || (host.startsWith('.') && host.length > 1)) {
    host = host.slice(host.indexOf('.') + 1);
    notices.push({ code: 'wildcard-normalised' });
  }
  if (host === '*') return fail('invalid', 'wildcard-only');
  if (host.includes('*')) return fail('wildcard-in-middle');
  if (host.endsWith('.')) host = host.slice(0, -1); // the root label: `example.se.` is `example.se`
  if (host === '') return fail('invalid', 'no-host');
  if (host.endsWith('.')) return fail('invalid', 'label');
  if (/[%\\[\]<>^|"'`{}]/.test(host)) return fail('invalid', 'character');

  const ascii = toAsciiHostname(host);
  if (ascii === null || ascii === '') return fail('invalid', 'hostname');
  // biome-ignore lint/suspicious/noControlCharactersInRegex: ASCII range test
  if (/[^\x00-\x7f]/.test(host)) notices.push({ code: 'idn-converted', detail: ascii });
  if (IPV4.test(ascii)) return fail('ip-address', 'ipv4');
  if (ascii.length > 253) return fail('too-long', 'name');
  const labels = ascii.split('.');
  if (labels.some((label) => label.length > 63)) return fail('too-long', 'label');
  if (!labels.every((label) => LDH_LABEL.test(label))) return fail('invalid', 'label');

  const info = parse(ascii, { allowPrivateDomains: true });
  const known = info.isIcann === true || info.isPrivate === true;
  if (known && info.publicSuffix === ascii)
    return fail('public-suffix', info.isPrivate ? 'private' : 'icann');
  if (labels.length === 1) return fail('single-label');
  const shared =
    privateSuffixWithin(ascii) ?? SHARED_HOSTING.find((h) => h === ascii || h.endsWith(`.${ascii}`));
  if (shared) return fail('shared-hosting', shared);
  if (!known) notices.push({ code: 'unknown-tld', detail: labels[labels.length - 1] });
  return { ok: true, domain: ascii, notices };
}

export interface DomainListError {
  readonly index: number;
  readonly input: string;
  readonly error: DomainErrorCode;
  readonly detail?: string;
}

export interface DomainListResult {
  /** Valid domains, deduplicated and sorted. */
  readonly domains: readonly string[];
  readonly errors: readonly DomainListError[];
}

/** For policy arrays and pasted lists: anything that is not a list, or not a string, is an error too. */
export function validateDomainList(inputs: unknown): DomainListResult {
  if (!Array.isArray(inputs)) {
    return {
      domains: [],
      errors: [{ index: -1, input: String(inputs), error: 'invalid', detail: 'not-a-list' }],
    };
  }
  const domains = new Set<string>();
  const errors: DomainListError[] = [];
  inputs.forEach((value: unknown, index) => {
    const input = typeof value === 'string' ? value : String(value);
    const result = typeof value === 'string' ? validateDomainInput(value) : fail('invalid', 'not-a-string');
    if (result.ok) domains.add(result.domain);
    else
      errors.push({ index, input, error: result.error, ...(result.detail ? { detail: result.detail } : {}) });
  });
  return { domains: [...domains].sort(), errors };
}
