/**
 * "Is my service covered?" (#12 item 2): what protects a typed address or name, with the person's settings in
 * force (packs switched off, opt-in packs, their own and IT's domains, IT's exclusions). Pure: the options page
 * builds a lookup from the settings it shows and words the answers (utils/ui/coverage-text.ts).
 *
 * An address (anything with a dot and no space: a host, a full URL pasted, an IDN) goes through the real
 * matcher; a name matches rule labels, accents and case aside (Göteborg/goteborg, Malmö/malmo).
 */
import { PACKS } from './rules/generated/packs';
import { isWithin, toAsciiHostname } from './rules/hostname';
import { createMatcher } from './rules/match';
import { packsInForce } from './rules/opt-in-packs';
import type { Rule } from './rules/types';
import type { EffectiveSettings } from './settings';

export type CoverageSettings = Pick<
  EffectiveSettings,
  'disabledPacks' | 'optInPacks' | 'customDomains' | 'policyDomains' | 'excludedDomains'
>;

export type CoverageAnswer =
  /** Protected now: by a built-in rule of `packId`, the person's own domain, or IT's. */
  | { kind: 'covered'; label: string; source: 'pack'; packId: string; host?: string }
  | { kind: 'covered'; label: string; source: 'own' | 'policy'; host?: string }
  /** On a list, but its pack is off (`optIn`: a login pack that is off by default). */
  | { kind: 'pack-off'; label: string; packId: string; optIn: boolean; host?: string }
  /** IT's excludedDomains takes it out. */
  | { kind: 'excluded'; label: string; host?: string }
  /** An address on no list. */
  | { kind: 'unlisted'; host: string }
  /** A name no rule has, or an address that is not one. */
  | { kind: 'not-found'; query: string };

/** Most name matches shown. */
export const MAX_NAME_MATCHES = 8;

/** Lower case without accents: `Göteborg` → `goteborg`, `Tromsø` → `tromso`, `Ærø` → `aero`. */
export function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/ø/g, 'o')
    .replace(/æ/g, 'ae')
    .replace(/ß/g, 'ss')
    .replace(/đ/g, 'd')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The host of a typed address or pasted URL (punycode), or null when it is not one. */
export function hostOf(query: string): string | null {
  const q = query.trim();
  if (q === '' || /\s/.test(q)) return null;
  const hasScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(q);
  if (!hasScheme && !q.includes('.')) return null;
  try {
    const url = new URL(hasScheme ? q : `http://${q}`);
    const host = toAsciiHostname(url.hostname);
    return host?.includes('.') ? host : null;
  } catch {
    return null;
  }
}

const PACK_OF_RULE = new Map<string, string>(PACKS.flatMap((p) => p.rules.map((r) => [r.id, p.id] as const)));
const OPT_IN = new Set(PACKS.filter((p) => p.optIn).map((p) => p.id));
const ALL_RULES: readonly Rule[] = PACKS.flatMap((p) => p.rules);
const FOLDED = ALL_RULES.map((r) => ({ rule: r, name: fold(r.label) }));

export function createCoverageLookup(s: CoverageSettings): (query: string) => CoverageAnswer[] {
  const inForce = packsInForce(s);
  const live = new Set(inForce.map((p) => p.id));
  const matcher = createMatcher({
    packs: inForce,
    custom: s.customDomains,
    policy: s.policyDomains,
    excluded: s.excludedDomains,
  });
  const everything = createMatcher({ packs: PACKS });
  const excluded = (host: string) => s.excludedDomains.some((d) => isWithin(host, d));

  /** A built-in rule's answer: in force, its pack off, or every domain of it excluded. */
  const ofRule = (rule: Rule, host?: string): CoverageAnswer => {
    const packId = PACK_OF_RULE.get(rule.id)!;
    const at = host ? { host } : {};
    if (host ? excluded(host) : rule.domains.every(excluded))
      return { kind: 'excluded', label: rule.label, ...at };
    if (!live.has(packId))
      return { kind: 'pack-off', label: rule.label, packId, optIn: OPT_IN.has(packId), ...at };
    return { kind: 'covered', label: rule.label, source: 'pack', packId, ...at };
  };

  const byAddress = (host: string): CoverageAnswer => {
    const m = matcher.match(host);
    if (m?.ruleId.startsWith('user:')) return { kind: 'covered', label: m.label, source: 'own', host };
    if (m?.ruleId.startsWith('policy:')) return { kind: 'covered', label: m.label, source: 'policy', host };
    const ruleId = m?.ruleId ?? everything.match(host)?.ruleId;
    const rule = ruleId ? ALL_RULES.find((r) => r.id === ruleId) : undefined;
    if (rule) return ofRule(rule, host);
    if (excluded(host)) return { kind: 'excluded', label: host, host };
    return { kind: 'unlisted', host };
  };

  const byName = (query: string): CoverageAnswer[] => {
    const q = fold(query);
    if (q.length < 2) return [];
    const hits = FOLDED.filter((x) => x.name.includes(q));
    // Names that begin with the query first ("Malmö stad" before "Region … Malmö"), then by name.
    hits.sort(
      (a, b) => Number(!a.name.startsWith(q)) - Number(!b.name.startsWith(q)) || a.name.localeCompare(b.name),
    );
    return hits.slice(0, MAX_NAME_MATCHES).map((x) => ofRule(x.rule));
  };

  return (query: string) => {
    const trimmed = query.trim();
    if (trimmed === '') return [];
    const host = hostOf(trimmed);
    if (host) return [byAddress(host)];
    const named = byName(trimmed);
    return named.length ? named : [{ kind: 'not-found', query: trimmed }];
  };
}
