import { browser } from 'wxt/browser';

/** Every message key, checked at compile time against the English catalogue (the other locales are tested to match). */
export type MessageKey = keyof typeof import('../public/_locales/en/messages.json');

export function t(key: MessageKey, ...substitutions: (string | number)[]): string {
  return browser.i18n.getMessage(key, substitutions.map(String));
}
