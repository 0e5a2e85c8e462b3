/** Extension pages: the language chosen in the options (or the browser's), before the first render. */
import { setLanguage } from '../i18n';
import { isLanguageSetting } from '../languages';
import { userSettings } from '../storage';

export async function loadPageLanguage(): Promise<void> {
  const s = await userSettings.getValue().catch(() => null);
  setLanguage(isLanguageSetting(s?.language) ? s.language : 'auto');
}
