/**
 * One term for one thing, in every language (issue #13): the glossary below is the reference, and the known
 * wrong variants are refused wherever they appear. A message that quotes the button, the product or the idle
 * dialog by name quotes it exactly as that language names it.
 */
import { describe, expect, it } from 'vitest';
import { CATALOGUES, type CatalogueEntry, type MessageKey } from '@/utils/i18n';
import { LANGUAGES, type Language } from '@/utils/languages';

interface Terms {
  product: string;
  /** The product's name as a sentence may inflect it (Finnish does), when it is not always `product`. */
  productInflected?: RegExp;
  /** The main button, quoted as its name. */
  button: string;
  loginService: string;
  eService: string;
  session: string;
  sharedComputer: string;
}

const GLOSSARY: Record<Language, Terms> = {
  en: {
    product: 'Safe Logout',
    button: 'Log out and clear',
    loginService: 'login service',
    eService: 'e-service',
    session: 'session',
    sharedComputer: 'shared computer',
  },
  sv: {
    product: 'Säker utloggning',
    button: 'Logga ut och rensa',
    loginService: 'inloggningstjänst',
    eService: 'e-tjänst',
    session: 'session',
    sharedComputer: 'delad dator',
  },
  fi: {
    product: 'Turvallinen uloskirjautuminen',
    productInflected: /\bTurvalli\w* uloskirjautumi\w*/,
    button: 'Kirjaudu ulos ja poista jäljet',
    loginService: 'tunnistuspalvelu',
    eService: 'sähköinen palvelu',
    session: 'istunto',
    sharedComputer: 'yhteiskäyttöinen tietokone',
  },
  nb: {
    product: 'Sikker utlogging',
    button: 'Logg ut og rydd opp',
    loginService: 'innloggingstjeneste',
    eService: 'e-tjeneste',
    session: 'økt',
    sharedComputer: 'delt datamaskin',
  },
  da: {
    product: 'Sikker udlogning',
    button: 'Log ud og ryd',
    loginService: 'login-tjeneste',
    eService: 'selvbetjening',
    session: 'session',
    sharedComputer: 'delt computer',
  },
};

/** Variants that were found in the catalogues once, with the term to use instead. */
const WRONG: Record<Language, [RegExp, string][]> = {
  en: [
    [/\blog ?off\b/i, 'log out'],
    [/\bsign(?:ed)? out\b/i, 'log out'],
  ],
  sv: [
    [/\bcookies?\b/i, 'kakor'],
    [/\blogga av\b/i, 'logga ut'],
  ],
  fi: [
    [/\bjae(?:ttu|tun|tulla) tietokonee?/i, 'yhteiskäyttöinen tietokone'],
    [/ulos ja tyhjennä\b/i, 'Kirjaudu ulos ja poista jäljet (the verb needs its object)'],
  ],
  nb: [
    [/\btøm/i, 'rydde opp'],
    [
      /\blogg(?:en|oppføring\w*)?\b(?! (?:ut|inn))/i,
      'historikk (beside "Logg ut", "logg" reads as the verb)',
    ],
    [/\bsesjon/i, 'økt'],
  ],
  da: [
    [/Sikker log ud/, 'Sikker udlogning (the name is a noun)'],
    [/\bøkt/i, 'session'],
    [/\be-service/i, 'selvbetjening'],
  ],
};

const entries = (lang: Language) => Object.entries(CATALOGUES[lang]) as [MessageKey, CatalogueEntry][];
const msg = (lang: Language, key: MessageKey) => CATALOGUES[lang][key].message;

describe.each(LANGUAGES)('%s', (lang) => {
  const g = GLOSSARY[lang];

  it('names the product, the button, the login service and shared computer as the glossary does', () => {
    expect(msg(lang, 'extName')).toBe(g.product);
    expect(msg(lang, 'logOutAndClear')).toBe(g.button);
    expect(msg(lang, 'loginService')).toBe(g.loginService);
    expect(msg(lang, 'optShared').toLowerCase()).toBe(g.sharedComputer);
    const all = entries(lang)
      .map(([, e]) => e.message.toLowerCase())
      .join('\n');
    for (const term of [g.eService, g.session]) expect(all, term).toContain(term.toLowerCase());
  });

  it('uses none of the known wrong variants', () => {
    const found = entries(lang).flatMap(([k, e]) =>
      WRONG[lang].filter(([re]) => re.test(e.message)).map(([re, use]) => `${k}: ${re} → ${use}`),
    );
    expect(found).toEqual([]);
  });

  it('quotes the button, the product and the idle dialog exactly where English quotes them', () => {
    const quoted: [string, (l: Language) => string | RegExp][] = [
      ['Log out and clear', (l) => GLOSSARY[l].button],
      ['Safe Logout', (l) => GLOSSARY[l].productInflected ?? GLOSSARY[l].product],
      [msg('en', 'stillThereTitle'), (l) => msg(l, 'stillThereTitle')],
    ];
    const has = (text: string, term: string | RegExp) =>
      typeof term === 'string' ? text.includes(term) : term.test(text);
    const wrong = entries('en').flatMap(([k, en]) =>
      quoted
        .filter(([name, own]) => en.message.includes(name) && !has(msg(lang, k), own(lang)))
        .map(([name]) => `${k} should quote ${name}`),
    );
    expect(wrong).toEqual([]);
  });
});
