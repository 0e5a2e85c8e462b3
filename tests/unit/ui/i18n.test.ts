import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import {
  CATALOGUES,
  type CatalogueEntry,
  formatMessage,
  type MessageKey,
  setLanguage,
  t,
} from '@/utils/i18n';
import { LANGUAGES } from '@/utils/languages';

afterEach(() => setLanguage('auto'));

describe('formatMessage (the browser’s rules, for a language picked in the options)', () => {
  const entry = (message: string, placeholders?: CatalogueEntry['placeholders']): CatalogueEntry => ({
    message,
    ...(placeholders ? { placeholders } : {}),
  });

  it('puts substitutions in through named placeholders, case-insensitively', () => {
    const e = entry('Cookies: $N$ of $Sites$', { n: { content: '$1' }, sites: { content: '$2' } });
    expect(formatMessage(e, ['3', 'a.se'])).toBe('Cookies: 3 of a.se');
  });

  it('turns $$ into $ and leaves a missing substitution empty', () => {
    expect(formatMessage(entry('Pris $$5 $N$', { n: { content: '$1' } }), [])).toBe('Pris $5 ');
  });

  it('leaves an unknown $name$ as it is', () => {
    expect(formatMessage(entry('a $X$ b'), ['1'])).toBe('a $X$ b');
  });
});

describe('the catalogues', () => {
  const placeholderNames = (e: CatalogueEntry) => Object.keys(e.placeholders ?? {}).sort();
  const used = (e: CatalogueEntry) =>
    [...e.message.matchAll(/\$([a-z0-9_@]+)\$/gi)].map((m) => m[1]!.toLowerCase()).sort();

  it.each(LANGUAGES)('%s: every key has the English placeholders, each used in the text', (lang) => {
    for (const [key, en] of Object.entries(CATALOGUES.en) as [MessageKey, CatalogueEntry][]) {
      const e = CATALOGUES[lang][key];
      expect(placeholderNames(e), `${lang}:${key}`).toEqual(placeholderNames(en));
      expect([...new Set(used(e))], `${lang}:${key}`).toEqual(placeholderNames(e));
      const bare = e.message.replace(/\$[a-z0-9_@]+\$/gi, '').replace(/\$\$/g, '');
      expect(bare, `${lang}:${key} has no stray $`).not.toContain('$');
    }
  });

  it('htmlLang names each catalogue’s own language', () => {
    for (const lang of LANGUAGES) expect(CATALOGUES[lang].htmlLang.message).toBe(lang);
  });
});

describe('t()', () => {
  it('asks the browser when the language is automatic', () => {
    const spy = vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation((k: string) => `browser:${k}`);
    setLanguage('auto');
    expect(t('logOutAndClear')).toBe('browser:logOutAndClear');
    spy.mockRestore();
  });

  it('uses the chosen catalogue when the options pick a language', () => {
    setLanguage('sv');
    expect(t('logOutAndClear')).toBe('Logga ut och rensa');
    expect(t('receiptCookies', 3)).toBe('Webbplatser vars kakor rensades: 3');
    setLanguage('fi');
    expect(t('logOutAndClear')).toBe('Kirjaudu ulos ja poista jäljet');
    setLanguage('nb');
    expect(t('sessionTabs', 2)).toBe('Åpne faner: 2');
    setLanguage('da');
    expect(t('optCustomAdded', 'x.dk')).toBe('x.dk er nu beskyttet.');
  });
});
