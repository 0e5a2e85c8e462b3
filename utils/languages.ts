/** The languages Safe Logout speaks, and the setting that picks one ('auto' = the browser's language). */
export const LANGUAGES = ['sv', 'en', 'fi', 'nb', 'da'] as const;
export type Language = (typeof LANGUAGES)[number];
export type LanguageSetting = 'auto' | Language;

export const isLanguageSetting = (v: unknown): v is LanguageSetting =>
  v === 'auto' || (LANGUAGES as readonly unknown[]).includes(v);
