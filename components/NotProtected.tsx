import { t } from '@/utils/i18n';

/** The options' plain list of what Safe Logout cannot reach (the README says the same). */
export const NOT_PROTECTED = [
  'optLimitsPasswords',
  'optLimitsBrowsers',
  'optLimitsFiles',
  'optLimitsKeyloggers',
  'optLimitsScreens',
  'optLimitsPrintouts',
  'optLimitsServer',
] as const;

export function NotProtected() {
  return (
    <section aria-labelledby="limits-title" class="card limits">
      <h2 id="limits-title">{t('optLimitsTitle')}</h2>
      <p>{t('optLimitsIntro')}</p>
      <ul>
        {NOT_PROTECTED.map((k) => (
          <li key={k}>{t(k)}</li>
        ))}
      </ul>
    </section>
  );
}
