/**
 * The privacy policy (docs/privacy.md, docs/privacy.sv.md) names every item the extension stores, in the
 * storage area it really uses, and no item that no longer exists; nothing writes the extension's storage
 * except through a declared item (`storage.defineItem`), so the list cannot miss one.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../../..');
const read = (p: string) => readFileSync(join(ROOT, p), 'utf8');

function sources(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(join(ROOT, dir))) {
    const p = join(dir, name);
    if (statSync(join(ROOT, p)).isDirectory()) sources(p, out);
    else if (/\.(ts|tsx)$/.test(name)) out.push(p);
  }
  return out;
}

const code = ['utils', 'entrypoints', 'components']
  .flatMap((d) => sources(d))
  .map((p) => ({ p, text: read(p) }));
/** `local:ledger`, `session:groups`, …: the keys of every declared item. */
const declared = code
  .flatMap(({ text }) => [
    ...text.matchAll(/defineItem<[\s\S]*?>\(\s*'((?:local|session|sync|managed):[\w-]+)'/g),
  ])
  .map((m) => m[1] as string)
  .sort();

describe.each(['docs/privacy.md', 'docs/privacy.sv.md'])('%s', (doc) => {
  const text = read(doc);
  const named = [
    ...new Set([...text.matchAll(/`((?:local|session|sync):[\w-]+)`/g)].map((m) => m[1] as string)),
  ];

  it('names every stored item, and no other', () => {
    expect(declared.length).toBeGreaterThan(5);
    expect(named.sort()).toEqual(declared);
  });

  it('puts each item under the area it is stored in', () => {
    const onDisk = text.slice(text.indexOf('`storage.local`'), text.indexOf('`storage.session`'));
    const inMemory = text.slice(text.indexOf('`storage.session`'), text.indexOf('`storage.managed`'));
    for (const key of declared) {
      const row = new RegExp(`^\\| \`${key}\``, 'm');
      expect(key.startsWith('local:') ? onDisk : inMemory, key).toMatch(row);
    }
  });

  it('tells the Firefox /robots.txt exception', () => {
    expect(text).toContain('/robots.txt');
  });
});

it('nothing writes the extension storage except through a declared item', () => {
  const raw = code.filter(({ text }) => /storage\.(local|session|sync)\.(set|remove|clear)\(/.test(text));
  expect(raw.map(({ p }) => p)).toEqual([]);
});
