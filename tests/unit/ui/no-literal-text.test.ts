/**
 * "No user-visible string outside the locale files": the UI sources hold no words of their own — JSX text
 * and the attributes people see or hear (aria-label, title, placeholder, alt) carry only expressions.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../../..');
function files(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(join(root, dir))) {
    const p = join(dir, name);
    if (statSync(join(root, p)).isDirectory()) files(p, out);
    else if (/\.(tsx|html)$/.test(name)) out.push(p);
  }
  return out;
}
const sources = [...files('components'), ...files('entrypoints')];
const LETTERS = /\p{L}/u;

describe('UI sources', () => {
  it.each(sources)('%s has no literal user-visible words', (file) => {
    const src = readFileSync(join(root, file), 'utf8')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/\{\/\*[\s\S]*?\*\/\}/g, '')
      .replace(/<!--[\s\S]*?-->/g, '')
      .replace(/<(style|script)\b[\s\S]*?<\/\1>/g, '');
    const found: string[] = [];
    if (file.endsWith('.tsx')) {
      // Text between JSX tags (not inside braces), e.g. <p>Hello</p>.
      for (const m of src.matchAll(/>\s*([^<>{}();=]+?)\s*</g))
        if (LETTERS.test(m[1]!) && !/^[\w.]+$/.test(m[1]!.trim())) found.push(m[1]!.trim());
    } else {
      for (const m of src.matchAll(/<title>([^<]*)<\/title>/g))
        if (LETTERS.test(m[1]!) && !/^__MSG_\w+__$/.test(m[1]!)) found.push(m[1]!);
    }
    for (const m of src.matchAll(/\b(aria-label|title|placeholder|alt)="([^"]*)"/g))
      if (LETTERS.test(m[2]!)) found.push(`${m[1]}="${m[2]}"`);
    expect(found).toEqual([]);
  });
});
