/**
 * The 2026-12 files: every Norwegian, Danish and Finnish municipality (one rule each, keyed by its official
 * code), the national agencies of all four countries, and the Nordic school / e-service platforms.
 */
import { MUNICIPALITY_FILES } from './catalogue-nordic.mjs';
import { checkHostname, isWithin } from './cells.mjs';

export const NORDIC_FILES = [
  'no-kommuner.tsv',
  'dk-kommuner.tsv',
  'fi-kunnat.tsv',
  'agencies.tsv',
  'platforms-nordic.tsv',
];

/**
 * @param {{
 *   rows: (file: string, required: string[]) => Array<Record<string, string> & { line: number }>,
 *   defineRule: (id: string, def: object) => { added: string[] },
 *   add: (rule: { added: string[] }, host: string) => void,
 *   skip: (file: string, line: number, list: { token: string, reason: string }[]) => void,
 *   catalogueRow: (file: string, row: object, name: string, cells: string[] | ((entry: object, where: string) => string[])) => void,
 * }} ctx
 */
export function addNordicSources({ rows, defineRule, add, skip, catalogueRow }) {
  for (const [file, spec] of Object.entries(MUNICIPALITY_FILES)) {
    /** @type {Map<string, string>} code → name, so a second domain names the same municipality */
    const names = new Map();
    for (const row of rows(file, ['code', 'name', 'domain'])) {
      const where = `${file}:${row.line}`;
      if (!spec.code.test(row.code)) throw new Error(`${where}: bad code "${row.code}"`);
      if (names.has(row.code) && names.get(row.code) !== row.name) {
        throw new Error(`${where}: code ${row.code} is ${names.get(row.code)}, not ${row.name}`);
      }
      names.set(row.code, row.name);
      const domain = checkHostname(row.domain.toLowerCase());
      if (!domain.ok) {
        // `kommune.no` itself and the like: a public suffix is never a rule (every <name>.kommune.no is one).
        skip(file, row.line, [{ token: row.domain, reason: domain.reason }]);
        continue;
      }
      const rule = defineRule(`${spec.idPrefix}${row.code}`, {
        label: spec.labels[row.code] ?? spec.label(row.name),
        kind: 'kommun',
        country: spec.country,
        pack: spec.pack,
      });
      add(rule, domain.host);
    }
  }

  for (const row of rows('agencies.tsv', ['country', 'name', 'domain'])) {
    catalogueRow('agencies.tsv', row, `${row.country} ${row.name}`, [row.domain]);
  }

  const platformColumns = ['country', 'name', 'registrable_domain', 'example_hosts'];
  for (const row of rows('platforms-nordic.tsv', platformColumns)) {
    catalogueRow('platforms-nordic.tsv', row, `${row.country} ${row.name}`, (entry, where) =>
      platformDomains(row, entry, where),
    );
  }
}

/**
 * The row's registrable domain, or the narrower `domains` of its catalogue entry; each must lie within the
 * registrable domain, and when narrowed every example host must lie within one of them.
 */
function platformDomains(row, entry, where) {
  const registrable = row.registrable_domain.toLowerCase();
  if (!checkHostname(registrable).ok) throw new Error(`${where}: bad registrable domain "${registrable}"`);
  if (!entry.domains) return [registrable];
  for (const domain of entry.domains) {
    if (!isWithin(domain, registrable)) throw new Error(`${where}: ${domain} is not within ${registrable}`);
  }
  const examples = row.example_hosts
    .split(/[;,\s]+/)
    .map((h) => h.replace(/\/.*$/, '').toLowerCase())
    .filter((h) => h.includes('.'));
  for (const host of examples) {
    if (!entry.domains.some((domain) => isWithin(host, domain))) {
      throw new Error(`${where}: example host ${host} is outside ${entry.domains.join(', ')}`);
    }
  }
  return [entry.domains.join('; ')];
}
