/**
 * The last step of the generator: every rule's domains collapsed (a listed parent covers its subdomains),
 * overlaps between rules refused, rules grouped into packs in PACK_DEFS order, the version hashed, and each
 * left-out host that another rule covers anyway marked so.
 */
import { createHash } from 'node:crypto';
import { PACK_DEFS, SHARED_DOMAINS } from './catalogue.mjs';
import { checkHostname, isWithin } from './cells.mjs';

/** Collapse covered domains, check overlaps, group into packs in PACK_DEFS order, hash. */
export function finish(rules, skipped) {
  /** @type {Map<string, string[]>} */
  const owners = new Map();
  const built = [...rules.values()].map((rule) => {
    const kept = [...rule.added]
      .sort((a, b) => a.split('.').length - b.split('.').length || (a < b ? -1 : a > b ? 1 : 0))
      .filter((host, i, all) => !all.slice(0, i).some((parent) => isWithin(host, parent)));
    const first = rule.added[0] ?? '';
    const primary = kept.find((domain) => isWithin(first, domain)) ?? kept[0];
    const domains = [primary, ...kept.filter((d) => d !== primary).sort()];
    for (const domain of domains) owners.set(domain, [...(owners.get(domain) ?? []), rule.id]);
    return {
      id: rule.id,
      label: rule.label,
      kind: rule.kind,
      country: rule.country,
      pack: rule.pack,
      domains,
    };
  });
  for (const [domain, ids] of owners) {
    if (ids.length < 2) continue;
    const allowed = SHARED_DOMAINS[domain] ?? [];
    if (ids.some((id) => !allowed.includes(id))) {
      throw new Error(`${domain} is listed by several rules (${ids.join(', ')}): route it to one`);
    }
  }
  const packs = PACK_DEFS.map((pack) => ({
    id: pack.id,
    label: pack.label,
    country: pack.country,
    ...(pack.optIn ? { optIn: true } : {}),
    rules: built
      .filter((rule) => rule.pack === pack.id)
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .map(({ pack: _pack, ...rule }) => rule),
  }));
  const ruleCount = packs.reduce((n, pack) => n + pack.rules.length, 0);
  const hash = createHash('sha256').update(JSON.stringify(packs)).digest('hex');
  const unique = new Map(
    skipped.map(({ file, line, token, reason, host }) => {
      const by = coveredBy(owners, host ?? token);
      const s = { file, line, token, reason: by ? `${reason}; covered anyway by ${by}` : reason };
      return [`${s.file}\t${s.line}\t${s.token}\t${s.reason}`, s];
    }),
  );
  return { version: `r${ruleCount}-${hash.slice(0, 10)}`, packs, skipped: [...unique.values()] };
}

/** The rule whose most specific domain covers a left-out token that is a hostname (`*.` stripped), if any. */
function coveredBy(owners, token) {
  const host = token.toLowerCase().replace(/^\*\./, '');
  if (!checkHostname(host).ok) return null;
  const labels = host.split('.');
  for (let i = 0; i < labels.length - 1; i++) {
    const ids = owners.get(labels.slice(i).join('.'));
    if (ids) return ids[0];
  }
  return null;
}
