/** The plural form of `n` in the page's language (Intl.PluralRules): every locale here has `one` and `other`. */
import { t } from '../i18n';

export function pluralForm(n: number): 'one' | 'other' {
  try {
    return new Intl.PluralRules(t('htmlLang')).select(n) === 'one' ? 'one' : 'other';
  } catch {
    return n === 1 ? 'one' : 'other';
  }
}
