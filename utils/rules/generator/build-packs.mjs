/**
 * data/domains/*.tsv → the source text of utils/rules/generated/packs.ts.
 * Pure apart from reading the input files; `scripts/build-rules.mjs` writes the result.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { KOMMUN_LABELS, ROWS, RULE_DEFS } from './catalogue.mjs';
import { NORDIC_ROWS, NORDIC_RULE_DEFS } from './catalogue-nordic.mjs';
import { checkHostname, extractHosts, isWithin, UNVERIFIED } from './cells.mjs';
import { finish } from './finish-packs.mjs';
import { addNordicSources, NORDIC_FILES } from './nordic-sources.mjs';
import { renderPacks } from './render.mjs';
import { parseTsv } from './tsv.mjs';

export { renderPacks };

export const SOURCE_FILES = [
  'kommuner.tsv',
  'kommuner_alt.tsv',
  'regioner.tsv',
  'platforms.tsv',
  'idp.tsv',
  'nordic.tsv',
  ...NORDIC_FILES,
  'logins-opt-in.tsv',
];

const ALL_ROWS = { ...ROWS, ...NORDIC_ROWS };
const ALL_RULE_DEFS = { ...RULE_DEFS, ...NORDIC_RULE_DEFS };

/** `SAFE_LOGOUT_DOMAINS_DIR` (relative to the working directory) or the repository's own `data/domains`. */
export function resolveDomainsDir(repoRoot, env = process.env) {
  const override = env.SAFE_LOGOUT_DOMAINS_DIR;
  return override ? resolve(override) : resolve(repoRoot, 'data/domains');
}

export function readSources(dir) {
  return Object.fromEntries(SOURCE_FILES.map((file) => [file, readFileSync(join(dir, file), 'utf8')]));
}

export function buildPacks(dir) {
  return renderPacks(buildPackData(readSources(dir)));
}

export function buildPackData(sources) {
  /** @type {Map<string, { id: string, label: string, kind: string, country: string, pack: string, added: string[] }>} */
  const rules = new Map();
  /** @type {{ file: string, line: number, token: string, reason: string }[]} */
  const skipped = [];
  const rows = (file, required) => {
    const text = sources[file];
    if (text === undefined) throw new Error(`missing input file ${file}`);
    return parseTsv(text, file, required);
  };
  const defineRule = (id, def) => {
    let rule = rules.get(id);
    if (!rule) {
      rule = { id, ...def, added: [] };
      rules.set(id, rule);
    }
    return rule;
  };
  /** A catalogued rule, or one a data file made (a kommun / kunta a platform row sends a host to). */
  const catalogueRule = (id, where) => {
    const def = ALL_RULE_DEFS[id];
    if (!def) {
      const made = rules.get(id);
      if (made) return made;
      throw new Error(`${where}: rule "${id}" is not in RULE_DEFS`);
    }
    return defineRule(id, def);
  };
  const add = (rule, host) => {
    if (!rule.added.includes(host)) rule.added.push(host);
  };
  const skip = (file, line, list) => {
    for (const s of list) skipped.push({ file, line, ...s });
  };

  // Kommuner: one rule each, keyed by kommunkod.
  const kommunNames = new Map();
  for (const row of rows('kommuner.tsv', ['kommunkod', 'name', 'domain'])) {
    const where = `kommuner.tsv:${row.line}`;
    if (!/^\d{4}$/.test(row.kommunkod)) throw new Error(`${where}: bad kommunkod "${row.kommunkod}"`);
    const domain = checkHostname(row.domain.toLowerCase());
    if (!domain.ok) throw new Error(`${where}: "${row.domain}": ${domain.reason}`);
    kommunNames.set(row.kommunkod, row.name);
    const label = KOMMUN_LABELS[row.kommunkod] ?? `${row.name} kommun`;
    const rule = defineRule(`se-kommun-${row.kommunkod}`, {
      label,
      kind: 'kommun',
      country: 'SE',
      pack: 'se-kommuner',
    });
    add(rule, domain.host);
  }

  // Second, legacy and vendor-tenant hosts of a kommun join that kommun's rule.
  for (const row of rows('kommuner_alt.tsv', ['kommunkod', 'name', 'host_or_domain'])) {
    const where = `kommuner_alt.tsv:${row.line}`;
    const rule = rules.get(`se-kommun-${row.kommunkod}`);
    if (!rule || kommunNames.get(row.kommunkod) !== row.name) {
      throw new Error(`${where}: ${row.kommunkod} ${row.name} is not in kommuner.tsv`);
    }
    const { hosts, skipped: left } = extractHosts(row.host_or_domain);
    skip('kommuner_alt.tsv', row.line, left);
    for (const { host, qualified } of hosts) {
      if (rule.added.some((domain) => isWithin(host, domain))) continue;
      if (qualified) {
        // education.service.tieto.com (domain=StockholmEdu), open24.ist-asp.com/boras/: many kommuner share it.
        skip('kommuner_alt.tsv', row.line, [
          { token: host, reason: 'shared vendor host (tenant in path/parameter)' },
        ]);
      } else {
        add(rule, host);
      }
    }
  }

  // Regioner: one rule per län; current domain first, 2016 domains after it.
  for (const row of rows('regioner.tsv', ['lanskod', 'name', 'domain', 'legacy_domains_2016'])) {
    const cells = [row.domain, row.legacy_domains_2016];
    if (/^\d{2}$/.test(row.lanskod)) {
      const rule = defineRule(`se-region-${row.lanskod}`, {
        label: row.name,
        kind: 'region',
        country: 'SE',
        pack: 'se-regioner',
      });
      addCells(row, 'regioner.tsv', cells, (host) => add(rule, host));
      if (rule.added.length === 0) throw new Error(`regioner.tsv:${row.line}: no domain`);
    } else {
      catalogueRow('regioner.tsv', row, row.name, cells);
    }
  }

  for (const row of rows('platforms.tsv', ['vendor', 'domain_pattern'])) {
    catalogueRow('platforms.tsv', row, row.vendor, [row.domain_pattern]);
  }
  for (const row of rows('idp.tsv', ['name', 'hostnames'])) {
    catalogueRow('idp.tsv', row, row.name, [row.hostnames]);
  }
  for (const row of rows('nordic.tsv', ['country', 'service', 'domains'])) {
    catalogueRow('nordic.tsv', row, `${row.country} ${row.service}`, [row.domains]);
  }

  addNordicSources({ rows, defineRule, add, skip, catalogueRow });

  for (const row of rows('logins-opt-in.tsv', ['name', 'hostnames'])) {
    catalogueRow('logins-opt-in.tsv', row, row.name, [row.hostnames]);
  }

  function addCells(row, file, cells, take, entry = {}) {
    for (const cell of cells) {
      const { hosts, skipped: left } = extractHosts(cell);
      // `trust`: the row's "unverified" is about login hosts; its domains are confirmed (data README).
      const trusted = entry.trust ? left.filter((s) => s.reason === UNVERIFIED && s.host) : [];
      skip(
        file,
        row.line,
        left.filter((s) => !trusted.includes(s)),
      );
      for (const host of [...hosts.map((h) => h.host), ...trusted.map((s) => s.host)]) {
        const out = Object.entries(entry.leaveOut ?? {}).find(([domain]) => isWithin(host, domain));
        if (out) skip(file, row.line, [{ token: host, reason: out[1] }]);
        else take(host);
      }
    }
  }

  /** `cells` may depend on the catalogue entry (platforms-nordic.tsv: `domains` narrows the row). */
  function catalogueRow(file, row, name, cells) {
    const where = `${file}:${row.line}`;
    const matching = (ALL_ROWS[file] ?? []).filter((entry) => name.startsWith(entry.key));
    const longest = Math.max(0, ...matching.map((entry) => entry.key.length));
    const entries = matching.filter((entry) => entry.key.length === longest);
    if (entries.length !== 1) {
      throw new Error(`${where}: "${name}" matches ${entries.length} catalogue entries (need exactly one)`);
    }
    const entry = entries[0];
    if (entry.skip) {
      skip(file, row.line, [{ token: name, reason: `row left out: ${entry.skip}` }]);
      return;
    }
    const list = typeof cells === 'function' ? cells(entry, where) : cells;
    addCells(
      row,
      file,
      list,
      (host) => {
        const routed = Object.keys(entry.route ?? {}).find((domain) => isWithin(host, domain));
        const id = routed ? entry.route[routed] : entry.rule;
        if (!id) throw new Error(`${where}: no rule takes "${host}"`);
        add(catalogueRule(id, where), host);
      },
      entry,
    );
  }

  return finish(rules, skipped);
}
