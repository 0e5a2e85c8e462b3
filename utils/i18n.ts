/**
 * Typed i18n. 'auto' asks the browser (`i18n.getMessage`, which follows the browser's language); a language
 * chosen in the options uses the same catalogues, bundled at build time (no fetch: the extension makes no
 * requests) and formatted the way the browser formats them.
 */
import { browser } from 'wxt/browser';
import da from '../public/_locales/da/messages.json';
import en from '../public/_locales/en/messages.json';
import fi from '../public/_locales/fi/messages.json';
import nb from '../public/_locales/nb/messages.json';
import sv from '../public/_locales/sv/messages.json';
import type { Language, LanguageSetting } from './languages';

/** Every message key, checked at compile time against the English catalogue (the other locales are tested to match). */
export type MessageKey = keyof typeof en;

export interface CatalogueEntry {
  message: string;
  /** For translators: where the words appear and what they mean (every message has one in English). */
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}
export type Catalogue = Record<MessageKey, CatalogueEntry>;

export const CATALOGUES: Record<Language, Catalogue> = { sv, en, fi, nb, da } as Record<Language, Catalogue>;

let chosen: Catalogue | null = null;

/** 'auto' = the browser's language (browser.i18n); otherwise that language's bundled catalogue. */
export function setLanguage(setting: LanguageSetting): void {
  chosen = setting === 'auto' ? null : CATALOGUES[setting];
}

/**
 * A catalogue entry with its substitutions, as `i18n.getMessage` does it: `$name$` becomes the placeholder's
 * content (names are case-insensitive), then `$1`…`$9` the substitutions and `$$` a dollar sign.
 */
export function formatMessage(entry: CatalogueEntry, substitutions: readonly string[]): string {
  const contents = new Map(
    Object.entries(entry.placeholders ?? {}).map(([name, p]) => [name.toLowerCase(), p.content]),
  );
  const named = entry.message.replace(
    /\$([a-z0-9_@]+)\$/gi,
    (whole, name: string) => contents.get(name.toLowerCase()) ?? whole,
  );
  return named.replace(/\$(\$|[1-9])/g, (_, d: string) =>
    d === '$' ? '$' : (substitutions[Number(d) - 1] ?? ''),
  );
}

export function t(key: MessageKey, ...substitutions: (string | number)[]): string {
  const subs = substitutions.map(String);
  return chosen ? formatMessage(chosen[key], subs) : browser.i18n.getMessage(key, subs);
}

/**
 * The messages that have a plural form: `key` is the form for the category "other", `key_one` the form for
 * "one". Every language Safe Logout speaks has exactly these two cardinal categories (Intl.PluralRules), so
 * the browser's own message format, which knows no plurals, is enough. A message whose count stands alone
 * after a colon ("Tabs closed: 3") needs none (tests/unit/ui/plural.test.ts).
 */
export type PluralKey = {
  [K in MessageKey]: `${K}_one` extends MessageKey ? K : never;
}[MessageKey];

/** `key` for the count `n`, in the plural form the language of the page takes for it. */
export function tn(key: PluralKey, n: number, ...more: (string | number)[]): string {
  const form = new Intl.PluralRules(t('htmlLang') || 'en').select(n);
  return t(form === 'one' ? (`${key}_one` as MessageKey) : key, n, ...more);
}
