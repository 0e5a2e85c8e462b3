/**
 * Hostnames out of the free-text cells of data/domains.
 *
 * A cell is a list separated by `;` (segments), `,` or `|`, with notes in parentheses, `test:` / `QA:` /
 * `dev:` prefixes, `A -> B` redirect chains, URL schemes (`bankid:///`), paths, `<kommun>` placeholders,
 * `*.` wildcards and the word `unverified`. Only syntactically valid hostnames that are not bare public
 * suffixes come out; everything else is reported with a reason so the generator can list it.
 */
import { domainToASCII } from 'node:url';
import { parse } from 'tldts';

export const UNVERIFIED = 'marked unverified in the data';

const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
/** Subdomain labels that name a test / QA / staging environment. */
const TEST_LABEL = /^(?:qa|dev|stage|staging|sandbox|preprod|acc|at|tt\d+)$|^test|-(?:test|qa|dev)$/;

/**
 * @typedef {{ ok: true, host: string, subdomain: string }} HostOk
 * @typedef {{ ok: false, reason: string }} HostBad
 */

/**
 * A hostname the rules may cover: LDH labels, at least two, a TLD the Public Suffix List knows, and
 * something below the public suffix (ICANN and private sections both count).
 * @param {string} host lower-case ASCII
 * @returns {HostOk | HostBad}
 */
export function checkHostname(host) {
  if (host.length > 253) return { ok: false, reason: 'not a hostname (too long)' };
  const labels = host.split('.');
  if (!labels.every((label) => LABEL.test(label))) return { ok: false, reason: 'not a hostname' };
  if (!/[a-z]/.test(labels[labels.length - 1] ?? '')) return { ok: false, reason: 'not a hostname' };
  const info = parse(host, { allowPrivateDomains: true });
  if (info.isIp) return { ok: false, reason: 'IP address' };
  if (!info.isIcann && !info.isPrivate) return { ok: false, reason: 'TLD not in the Public Suffix List' };
  if (!info.domain || info.publicSuffix === host) {
    return {
      ok: false,
      reason: labels.length === 1 ? 'bare public suffix (a whole TLD)' : 'bare public suffix',
    };
  }
  return { ok: true, host, subdomain: info.subdomain ?? '' };
}

/** @param {string} host @param {string} parent */
export function isWithin(host, parent) {
  return host === parent || host.endsWith(`.${parent}`);
}

/**
 * Segments split on `;` outside parentheses; parenthesised text is kept apart as notes.
 * @param {string} cell
 */
function splitSegments(cell) {
  /** @type {{ text: string, notes: string }[]} */
  const segments = [];
  let text = '';
  let notes = '';
  let depth = 0;
  for (const ch of cell) {
    if (ch === '(') {
      depth++;
      notes += ' ';
    } else if (ch === ')' && depth > 0) {
      depth--;
    } else if (depth > 0) {
      notes += ch;
    } else if (ch === ';') {
      segments.push({ text, notes });
      text = '';
      notes = '';
    } else {
      text += ch;
    }
  }
  segments.push({ text, notes });
  return segments.filter((s) => s.text.trim() !== '' || s.notes.trim() !== '');
}

/**
 * One whitespace/comma/pipe-separated token → a candidate host, a reason to skip it, or null for plain words.
 * @param {string} raw
 * @returns {null | { skip: string, silent?: boolean } | { host: string, hasPath: boolean }}
 */
function parseToken(raw) {
  let t = raw.replace(/^['"“”‘’]+/, '');
  let hasPath = false;
  const scheme = /^([a-z][a-z0-9+.-]*):\/\/(.*)$/i.exec(t);
  if (scheme) {
    const rest = scheme[2] ?? '';
    const end = rest.search(/[/?#]/);
    t = end === -1 ? rest : rest.slice(0, end);
    if (t === '') return { skip: 'URL scheme, not a domain' };
    hasPath = end !== -1;
  }
  t = t.replace(/['"“”‘’).,;:]+$/, '');
  if (t === '' || t.startsWith('/')) return null;
  const end = t.search(/[/?#]/);
  if (end !== -1) {
    hasPath = true;
    t = t.slice(0, end);
  }
  t = t.replace(/:\d+$/, '').replace(/\.+$/, '');
  if (/[<>]/.test(t)) {
    const labels = t.split('.');
    let last = -1;
    labels.forEach((label, i) => {
      if (/[<>]/.test(label)) last = i;
    });
    const rest = labels.slice(last + 1);
    // `<kommun>.se`, `e-tjanster.<kommun-domain>`: a naming pattern, nothing concrete to cover.
    if (rest.length < 2) return { skip: 'placeholder pattern', silent: true };
    t = rest.join('.');
  }
  const wildcard = t.startsWith('*.');
  if (wildcard) t = t.slice(2);
  if (t.includes('*')) return { skip: 'wildcard inside a name' };
  // Plain words and abbreviations; but `*.stockholm` must still be checked (and refused as a whole TLD).
  if ((!t.includes('.') && !wildcard) || /^(?:e\.g|i\.e|etc)$/i.test(t)) return null;
  t = t.toLowerCase();
  // biome-ignore lint/suspicious/noControlCharactersInRegex: ASCII range test
  if (/[^\x00-\x7f]/.test(t)) t = domainToASCII(t);
  if (t === '') return { skip: 'not a hostname' };
  return { host: t, hasPath };
}

/**
 * @typedef {{ host: string, qualified: boolean }} Candidate
 *   `qualified`: the cell narrows the host by a path, query or parenthesised parameter (a shared host).
 * @typedef {{ token: string, reason: string, host?: string }} Skipped
 */

/**
 * @param {string} cell
 * @returns {{ hosts: Candidate[], skipped: Skipped[] }}
 */
export function extractHosts(cell) {
  /** @type {Candidate[]} */
  const hosts = [];
  /** @type {Skipped[]} */
  const skipped = [];
  const segments = splitSegments(cell);
  const allUnverified = segments.some((s) => /\ball unverified\b/i.test(`${s.text} ${s.notes}`));
  for (const segment of segments) {
    let text = segment.text;
    const arrow = text.indexOf('->');
    if (arrow !== -1) text = text.slice(0, arrow); // `A -> B -> C`: a redirect chain; A is this row's host
    const prefix = /^\s*(?:test|qa|dev)\s*:/i.exec(text);
    if (prefix) text = text.slice(prefix[0].length);
    const unverified = allUnverified || /\bunverified\b/i.test(`${segment.text} ${segment.notes}`);
    for (const raw of text.split(/[\s,|]+/)) {
      const token = parseToken(raw);
      if (token === null) continue;
      const shown = raw.replace(/[,;:]+$/, '');
      if ('skip' in token) {
        if (!token.silent) skipped.push({ token: shown, reason: token.skip });
        continue;
      }
      const checked = checkHostname(token.host);
      if (!checked.ok) {
        skipped.push({ token: shown, reason: checked.reason });
      } else if (unverified) {
        // The host goes along: a catalogue entry may know that "unverified" there means login hosts only.
        skipped.push({ token: shown, reason: UNVERIFIED, host: checked.host });
      } else if (prefix || checked.subdomain.split('.').some((label) => TEST_LABEL.test(label))) {
        skipped.push({ token: shown, reason: 'test / QA host' });
      } else {
        hosts.push({ host: checked.host, qualified: token.hasPath || segment.notes.trim() !== '' });
      }
    }
  }
  return { hosts, skipped };
}
