/**
 * Real-world recognition (#12): tests/data/coverage.tsv holds real hostnames residents log into, chosen from
 * knowledge of the services (not read back from the rules), and hosts that must never be recognised.
 * - any host expected `none` that the default packs recognise fails the test (a false positive);
 * - the share of `match` hosts recognised by the packs a new user has on must be ≥ 98 %;
 * - `opt-in` hosts are recognised only with the opt-in login packs on;
 * - `follow` hosts (services on no list, protected by following their login) are reported, never counted.
 * docs/coverage.md's pack table, per-category table and left-out list are checked against what the test
 * measures and the generator reports, so they cannot go stale; `SAFE_LOGOUT_WRITE_COVERAGE=1 npx vitest run
 * --project unit tests/unit/rules/coverage.test.ts` rewrites them (then `npx biome format --write docs/coverage.md`).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PACK_META, PACKS } from '@/utils/rules/generated/packs';
import { buildPackData, readSources, resolveDomainsDir } from '@/utils/rules/generator/build-packs.mjs';
import { createMatcher } from '@/utils/rules/match';

const DATA = fileURLToPath(new URL('../../data/coverage.tsv', import.meta.url));
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const DOC = `${ROOT}docs/coverage.md`;
const begin = (name: string) => `<!-- ${name}:begin (written by tests/unit/rules/coverage.test.ts) -->`;
const end = (name: string) => `<!-- ${name}:end -->`;
const MIN_SHARE = 0.98;
const EXPECTS = ['match', 'none', 'opt-in', 'follow'] as const;

interface Row {
  readonly host: string;
  readonly category: string;
  readonly expect: (typeof EXPECTS)[number];
  readonly line: number;
}

function readRows(): Row[] {
  const lines = readFileSync(DATA, 'utf8').split('\n');
  const rows: Row[] = [];
  let header: string[] | undefined;
  lines.forEach((text, i) => {
    if (text.trim() === '' || text.startsWith('#')) return;
    const cells = text.split('\t');
    if (!header) {
      header = cells;
      return;
    }
    const at = (name: string) => cells[header!.indexOf(name)] ?? '';
    const expectation = at('expect') as Row['expect'];
    if (!EXPECTS.includes(expectation)) throw new Error(`coverage.tsv:${i + 1}: bad expect "${expectation}"`);
    rows.push({ host: at('host'), category: at('category'), expect: expectation, line: i + 1 });
  });
  return rows;
}

const rows = readRows();
const byDefault = createMatcher();
const everyPack = createMatcher({ packs: PACKS });
const positives = rows.filter((r) => r.expect === 'match');

function table(): string {
  const categories = [...new Set(positives.map((r) => r.category))];
  const pct = (n: number, d: number) => `${((100 * n) / d).toFixed(1)} %`;
  const out = ['| category | hosts | recognised | share | not recognised |', '|---|---:|---:|---:|---|'];
  let hit = 0;
  for (const category of categories) {
    const list = positives.filter((r) => r.category === category);
    const missed = list.filter((r) => byDefault.match(r.host) === null).map((r) => r.host);
    hit += list.length - missed.length;
    const shown = missed.length ? missed.map((h) => `\`${h}\``).join(', ') : '—';
    out.push(
      `| ${category} | ${list.length} | ${list.length - missed.length} | ${pct(list.length - missed.length, list.length)} | ${shown} |`,
    );
  }
  out.push(`| **all positives** | ${positives.length} | ${hit} | ${pct(hit, positives.length)} | |`);
  const none = rows.filter((r) => r.expect === 'none');
  const falsePositives = none.filter((r) => byDefault.match(r.host) !== null).length;
  const follow = rows.filter((r) => r.expect === 'follow');
  const followHit = follow.filter((r) => byDefault.match(r.host) !== null).length;
  out.push(
    '',
    `Must never match: ${none.length} hosts, ${falsePositives} recognised (false positives). ` +
      `Opt-in logins: ${rows.filter((r) => r.expect === 'opt-in').length} hosts, none recognised by default. ` +
      `Covered by following the login (not counted): ${follow.length} hosts, ${followHit} on a list.`,
  );
  return out.join('\n');
}

describe('recognition of real hostnames (tests/data/coverage.tsv)', () => {
  it('has at least 300 positives over every kind of service and 50 hosts that must never match', () => {
    expect(positives.length).toBeGreaterThanOrEqual(300);
    expect(rows.filter((r) => r.expect === 'none').length).toBeGreaterThanOrEqual(50);
    expect(new Set(rows.map((r) => r.host)).size).toBe(rows.length);
  });

  it('recognises none of the hosts that must never match (no false positives)', () => {
    const wrong = rows
      .filter((r) => r.expect === 'none')
      .map((r) => ({ host: r.host, match: byDefault.match(r.host) ?? everyPack.match(r.host) }))
      .filter((r) => r.match !== null)
      .map((r) => `${r.host} → ${r.match?.ruleId}`);
    expect(wrong).toEqual([]);
  });

  it(`recognises at least ${MIN_SHARE * 100} % of the positives with the packs on by default`, () => {
    console.log(`\n${table()}\n`);
    const missed = positives.filter((r) => byDefault.match(r.host) === null).map((r) => r.host);
    const share = (positives.length - missed.length) / positives.length;
    expect(share, `not recognised: ${missed.join(', ')}`).toBeGreaterThanOrEqual(MIN_SHARE);
  });

  it('recognises the Microsoft, Google and Visma logins only with their opt-in packs on', () => {
    for (const row of rows.filter((r) => r.expect === 'opt-in')) {
      expect(byDefault.match(row.host), row.host).toBeNull();
      expect(everyPack.match(row.host)?.kind, row.host).toBe('idp');
    }
  });

  it('docs/coverage.md shows the packs, the shares this test measures and what the data leaves out', () => {
    const doc = readFileSync(DOC, 'utf8');
    let fresh = doc;
    for (const [name, text] of Object.entries(blocks())) {
      const start = fresh.indexOf(begin(name));
      const stop = fresh.indexOf(end(name));
      expect(start, `docs/coverage.md lacks ${begin(name)}`).toBeGreaterThanOrEqual(0);
      expect(stop).toBeGreaterThan(start);
      fresh = `${fresh.slice(0, start + begin(name).length)}\n${text}\n${fresh.slice(stop)}`;
    }
    if (process.env.SAFE_LOGOUT_WRITE_COVERAGE === '1') writeFileSync(DOC, fresh);
    // Biome aligns markdown tables (npx biome format --write docs/coverage.md): compare cell by cell.
    expect(tableCells(doc), `docs/coverage.md is stale: ${REWRITE}`).toBe(tableCells(fresh));
  });
});

const REWRITE =
  'SAFE_LOGOUT_WRITE_COVERAGE=1 npx vitest run --project unit tests/unit/rules/coverage.test.ts && npx biome format --write docs/coverage.md';

/** Markdown with table rows reduced to their trimmed cells (padding and separator widths do not count). */
function tableCells(markdown: string): string {
  return markdown
    .split('\n')
    .map((line) =>
      line.startsWith('|')
        ? line
            .split(/(?<!\\)\|/)
            .map((cell) => cell.trim().replace(/^-+(:?)$/, '---$1'))
            .join('|')
        : line,
    )
    .join('\n');
}

function blocks(): Record<string, string> {
  const packs = [
    '| pack | name in the data | country | rules | domains | default |',
    '|---|---|---|---:|---:|---|',
    ...PACK_META.map(
      (m) =>
        `| \`${m.id}\` | ${m.label} | ${m.country ?? '—'} | ${m.ruleCount} | ${m.domainCount} | ${m.optIn ? 'off (opt-in)' : 'on'} |`,
    ),
    `| **all** | | | ${PACK_META.reduce((n, m) => n + m.ruleCount, 0)} | ${PACK_META.reduce((n, m) => n + m.domainCount, 0)} | |`,
  ].join('\n');
  const { skipped } = buildPackData(readSources(resolveDomainsDir(ROOT)));
  const leftOut = [
    '| where | token | why |',
    '|---|---|---|',
    ...skipped.map((s) => `| ${s.file}:${s.line} | \`${s.token.replaceAll('|', '\\|')}\` | ${s.reason} |`),
  ].join('\n');
  return { 'coverage-packs': packs, 'coverage-table': table(), 'coverage-left-out': leftOut };
}
