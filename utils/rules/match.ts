/**
 * Which rule, if any, covers a hostname. Built once from the enabled packs, the user's and the policy's
 * domains and the exclusions; `match` then costs one hash lookup per label suffix of the hostname
 * (longest first) whatever the number of rules: no scan. A bit filter (suffix-filter.ts) answers most
 * of those lookups before the Map is touched.
 *
 * - A rule domain covers itself and every subdomain; the most specific listed domain wins
 *   (`login001.stockholm.se` → the IdP rule, `e-tjanster.stockholm.se` → Stockholms stad).
 * - On the very same domain: built-in (in pack order) before policy before user.
 * - An excluded domain wins over everything, for itself and all its subdomains.
 * - User, policy and excluded entries go through `validateDomainInput`; refused ones are in `rejected`.
 */
import { PACKS } from './generated/packs';
import { toAsciiHostname } from './hostname';
import { normaliseHostname } from './normalise-host';
import { createSuffixFilter, HASH_SEED, hashStep, mayContain } from './suffix-filter';
import type { Pack, RuleMatch } from './types';
import { type DomainErrorCode, validateDomainInput } from './validate-domain';

export interface MatcherOptions {
  /** Packs, or ids of built-in packs, in priority order. Default: every built-in pack that is on by default (no `optIn`). */
  readonly packs?: readonly (Pack | string)[];
  /** Domains the user added. */
  readonly custom?: readonly string[];
  /** Domains from managed storage (enterprise policy). */
  readonly policy?: readonly string[];
  /** Domains never to treat as e-services, with their subdomains. */
  readonly excluded?: readonly string[];
}

export interface RejectedEntry {
  readonly source: 'pack' | 'user' | 'policy' | 'excluded';
  readonly input: string;
  readonly error: DomainErrorCode | 'unknown-pack';
}

export interface Matcher {
  /** The rule covering `hostname` (any case, trailing dot, IDN), or `null`; `null` for IPs and non-hostnames. */
  match(hostname: string): RuleMatch | null;
  /** Inputs that were not used: unknown pack ids, invalid user/policy/excluded domains. */
  readonly rejected: readonly RejectedEntry[];
  /** Number of distinct rule domains in the lookup table. */
  readonly size: number;
}

export function createMatcher(options: MatcherOptions = {}): Matcher {
  const table = new Map<string, RuleMatch>();
  const excluded = new Set<string>();
  const rejected: RejectedEntry[] = [];
  const put = (domain: string, match: RuleMatch) => {
    if (!table.has(domain)) table.set(domain, Object.freeze(match));
  };

  for (const ref of options.packs ?? DEFAULT_PACKS) {
    const pack = typeof ref === 'string' ? PACKS.find((p) => p.id === ref) : ref;
    if (!pack) {
      rejected.push({ source: 'pack', input: String(ref), error: 'unknown-pack' });
      continue;
    }
    for (const [domain, match] of packEntries(pack)) if (!table.has(domain)) table.set(domain, match);
  }
  const valid = (source: RejectedEntry['source'], inputs: readonly string[] | undefined): string[] =>
    (inputs ?? []).flatMap((input) => {
      const result = validateDomainInput(input);
      if (result.ok) return [result.domain];
      rejected.push({ source, input: String(input), error: result.error });
      return [];
    });
  for (const source of ['policy', 'user'] as const) {
    for (const domain of valid(source, source === 'user' ? options.custom : options.policy)) {
      put(domain, { ruleId: `${source}:${domain}`, label: domain, kind: 'custom', scopeDomain: domain });
    }
  }
  for (const domain of valid('excluded', options.excluded)) excluded.add(domain);

  const rules = createSuffixFilter(table.keys(), table.size);
  const exclusions = createSuffixFilter(excluded, excluded.size);
  const hasExclusions = excluded.size > 0;

  function match(hostname: string): RuleMatch | null {
    let n = hostname.length;
    if (n > 0 && hostname.charCodeAt(n - 1) === 46) n--; // one trailing dot
    if (n === 0 || n > 253) return null;
    // One right-to-left pass: check the characters, hash each label suffix, remember where it starts.
    let h = HASH_SEED;
    let count = 0;
    let upper = false;
    for (let i = n - 1; i >= 0; i--) {
      let c = hostname.charCodeAt(i);
      if (c === 46) {
        STARTS[count] = i + 1;
        HASHES[count++] = h;
      } else if (c >= 65 && c <= 90) {
        c += 32;
        upper = true;
      } else if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 45 || c === 95)) {
        return c > 127 ? matchIdn(hostname) : null; // ':' '/' '[' ' ' …: not a hostname
      }
      h = hashStep(h, c);
    }
    STARTS[count] = 0;
    HASHES[count++] = h;
    const tld = hostname.charCodeAt(STARTS[0]!);
    if (tld >= 48 && tld <= 57) return null; // IPv4: no TLD starts with a digit

    let host: string | undefined;
    let found: RuleMatch | undefined;
    for (let k = count - 1; k >= 0; k--) {
      const hk = HASHES[k]!;
      const checkExcluded = hasExclusions && mayContain(exclusions, hk);
      const checkRule = found === undefined && mayContain(rules, hk);
      if (!checkExcluded && !checkRule) continue;
      host ??= upper ? hostname.slice(0, n).toLowerCase() : hostname;
      const suffix = host.slice(STARTS[k]!, n);
      if (checkExcluded && excluded.has(suffix)) return null;
      if (checkRule) {
        found = table.get(suffix);
        if (found !== undefined && !hasExclusions) return found;
      }
    }
    return found ?? null;
  }

  function matchIdn(hostname: string): RuleMatch | null {
    const ascii = toAsciiHostname(hostname);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: ASCII range test
    return ascii === null || /[^\x00-\x7f]/.test(ascii) ? null : match(ascii);
  }

  return { rejected, size: table.size, match };
}

const DEFAULT_PACKS = PACKS.filter((p) => !p.optIn);

/**
 * A pack's lookup entries, made once per pack object: the background builds a matcher on every settings
 * change, and with over a thousand rules normalising every domain again would be most of the cost.
 */
const ENTRIES = new WeakMap<Pack, readonly (readonly [string, RuleMatch])[]>();

function packEntries(pack: Pack): readonly (readonly [string, RuleMatch])[] {
  let entries = ENTRIES.get(pack);
  if (!entries) {
    entries = pack.rules.flatMap((rule) =>
      rule.domains.flatMap((listed) => {
        const domain = normaliseHostname(listed);
        if (domain === null) return [];
        const match: RuleMatch = { ruleId: rule.id, label: rule.label, kind: rule.kind, scopeDomain: domain };
        return [[domain, Object.freeze(match)] as const];
      }),
    );
    ENTRIES.set(pack, entries);
  }
  return entries;
}

/** Scratch space of `match`: where each label suffix starts, and its hash (≤ 254 suffixes in 253 chars). */
const STARTS = new Int32Array(256);
const HASHES = new Int32Array(256);
