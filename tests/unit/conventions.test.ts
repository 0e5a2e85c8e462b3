/**
 * Project conventions, checked (docs/architecture.md, conventions): locales complete, no raw destructive browser calls outside
 * the port, every permission explained in the README.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
const read = (p: string) => readFileSync(join(root, p), 'utf8');

function files(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(join(root, dir))) {
    const p = join(dir, name);
    if (statSync(join(root, p)).isDirectory()) files(p, out);
    else if (/\.(ts|tsx)$/.test(name)) out.push(p);
  }
  return out;
}

const LOCALES = ['en', 'sv', 'fi', 'nb', 'da'];
const catalogue = (l: string) =>
  JSON.parse(read(`public/_locales/${l}/messages.json`)) as Record<string, { message: string }>;
const sources = [...files('utils'), ...files('components'), ...files('entrypoints')];

describe('locales', () => {
  const en = Object.keys(catalogue('en')).sort();
  it.each(LOCALES)('%s has exactly the English keys, none empty', (l) => {
    const c = catalogue(l);
    expect(Object.keys(c).sort()).toEqual(en);
    for (const [k, v] of Object.entries(c)) expect(v.message.trim(), `${l}:${k}`).not.toBe('');
  });

  it('every key is used somewhere (manifest keys via __MSG_; a plural form KEY_one through tn(KEY))', () => {
    const code = sources.map(read).join('\n') + read('wxt.config.ts');
    const used = (k: string) => code.includes(`'${k}'`) || code.includes(`__MSG_${k}__`);
    const unused = en.filter(
      (k) => !used(k) && !(k.endsWith('_one') && code.includes(`tn('${k.slice(0, -4)}'`)),
    );
    expect(unused).toEqual([]);
  });

  type Entry = { message: string; description?: string; placeholders?: Record<string, { example?: string }> };
  const entries = (l: string) => Object.entries(catalogue(l)) as [string, Entry][];

  it('every English message has a description for translators', () => {
    const bare = entries('en').filter(([, v]) => !v.description?.trim());
    expect(bare.map(([k]) => k)).toEqual([]);
  });

  it.each(LOCALES)('%s: every placeholder has an example', (l) => {
    const missing = entries(l).flatMap(([k, v]) =>
      Object.entries(v.placeholders ?? {})
        .filter(([, p]) => !p.example?.trim())
        .map(([name]) => `${k}.${name}`),
    );
    expect(missing).toEqual([]);
  });
});

describe('boundaries', () => {
  it('only the browser-data port calls destructive browser APIs', () => {
    const raw =
      /\b(?:browser|chrome)\.(?:cookies\.remove|browsingData\.remove\w*|history\.delete\w*|downloads\.(?:removeFile|erase))\b/;
    const offenders = sources.filter(
      (f) => !f.startsWith(join('utils', 'browser-data')) && raw.test(read(f)),
    );
    expect(offenders).toEqual([]);
  });

  it('the extension has no way to make a network request (no telemetry, no remote lists)', () => {
    const net =
      /\b(?:fetch|XMLHttpRequest|WebSocket|EventSource|sendBeacon|importScripts)\s*\(|new\s+(?:XMLHttpRequest|WebSocket|EventSource)\b/;
    expect(sources.filter((f) => net.test(read(f)))).toEqual([]);
  });

  it('utils/ never imports entrypoints/ or components/', () => {
    const bad = files('utils').filter((f) =>
      /from ['"](?:@\/|\.\.\/)+(?:entrypoints|components)\//.test(read(f)),
    );
    expect(bad.map((f) => relative(root, join(root, f)))).toEqual([]);
  });
});

describe('permissions', () => {
  it('every permission the manifest asks for is explained in the README', () => {
    const config = read('wxt.config.ts');
    const readme = read('README.md');
    const perms = [...config.matchAll(/^\s+'([a-zA-Z]+)', \/\/ /gm)].map((m) => m[1]!);
    expect(perms.length).toBeGreaterThan(5);
    for (const p of perms) expect(readme, `README explains ${p}`).toMatch(new RegExp(`\`${p}\``));
    expect(readme).toMatch(/host permission/i);
  });
});
