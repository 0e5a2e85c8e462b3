/**
 * Counts in words: a message whose count is part of the sentence ("in 1 second", "3 login services") has a
 * plural form per language, picked by Intl.PluralRules through tn(); a count standing alone after a colon
 * ("Tabs closed: 3") reads right with any number and needs none.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { CATALOGUES, type CatalogueEntry, type MessageKey, setLanguage, tn } from '@/utils/i18n';
import { LANGUAGES } from '@/utils/languages';

afterEach(() => setLanguage('auto'));

describe('tn()', () => {
  it('says "1 second" and "2 seconds" in every language that tells them apart', () => {
    const cases: [string, number, string][] = [
      ['sv', 1, 'Allt du är inloggad på loggas ut och rensas om 1 sekund.'],
      ['sv', 2, 'Allt du är inloggad på loggas ut och rensas om 2 sekunder.'],
      ['en', 1, 'Everything you are logged in to will be logged out and cleared in 1 second.'],
      ['en', 0, 'Everything you are logged in to will be logged out and cleared in 0 seconds.'],
      ['nb', 1, 'Alt du er logget inn på, logges ut og ryddes opp om 1 sekund.'],
      ['da', 1, 'Alt, du er logget ind på, bliver logget ud og ryddet om 1 sekund.'],
      ['da', 30, 'Alt, du er logget ind på, bliver logget ud og ryddet om 30 sekunder.'],
      ['fi', 1, 'Kirjaudut ulos kaikesta, ja jäljet poistetaan 1 sekunnin kuluttua.'],
    ];
    for (const [lang, n, words] of cases) {
      setLanguage(lang as (typeof LANGUAGES)[number]);
      expect(tn('stillThereBody', n), `${lang} ${n}`).toBe(words);
    }
    setLanguage('sv');
    expect(tn('loginServices', 1)).toBe('1 inloggningstjänst');
    expect(tn('loginServices', 2)).toBe('2 inloggningstjänster');
    expect(tn('optPolicyIdle', 1)).toContain('Efter 1 sekund utan');
  });

  it('follows the browser’s language when the language is automatic', () => {
    const sv = CATALOGUES.sv as Record<string, CatalogueEntry>;
    const spy = vi
      .spyOn(fakeBrowser.i18n, 'getMessage')
      .mockImplementation((k: string, subs?: string | string[]) =>
        (sv[k]?.message ?? '').replace('$N$', String([subs ?? []].flat()[0] ?? '')),
      );
    setLanguage('auto');
    expect(tn('stillThereBody', 1)).toBe('Allt du är inloggad på loggas ut och rensas om 1 sekund.');
    spy.mockRestore();
  });
});

describe('every count in the catalogues', () => {
  const root = join(import.meta.dirname, '../../..');
  const sources = (dir: string, out: string[] = []): string[] => {
    for (const name of readdirSync(join(root, dir))) {
      const p = join(dir, name);
      if (statSync(join(root, p)).isDirectory()) sources(p, out);
      else if (/\.tsx?$/.test(name)) out.push(readFileSync(join(root, p), 'utf8'));
    }
    return out;
  };
  const en = CATALOGUES.en as Record<string, CatalogueEntry>;
  const counted = Object.keys(en).filter(
    (k) =>
      !k.endsWith('_one') &&
      Object.values(en[k]!.placeholders ?? {}).some((p) => /^\d+$/.test(p.example ?? '')),
  );

  it('finds the counts (by their numeric example)', () => {
    expect(counted).toEqual(expect.arrayContaining(['stillThereBody', 'receiptTabs', 'loginServices']));
  });

  it.each(counted)('%s: a plural form in every language, or a count that stands alone after a colon', (k) => {
    const hasOne = `${k}_one` in en;
    for (const lang of LANGUAGES) {
      const m = (CATALOGUES[lang] as Record<string, CatalogueEntry>)[k]!.message;
      if (!hasOne) expect(m, `${lang}:${k} needs ${k}_one, or the count after a colon`).toMatch(/: \$N\$/);
    }
  });

  it('a message with plural forms is only ever shown through tn()', () => {
    const code = [...sources('utils'), ...sources('components'), ...sources('entrypoints')].join('\n');
    const plural = Object.keys(en).filter((k) => `${k}_one` in en) as MessageKey[];
    expect(plural.length).toBeGreaterThan(2);
    for (const k of plural) expect(code, k).not.toContain(`t('${k}'`);
  });
});
