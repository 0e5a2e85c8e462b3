import { render } from 'preact';
import '@/components/theme.css';
import './style.css';
import { t } from '@/utils/i18n';
import { loadPageLanguage } from '@/utils/ui/page-language';
import { App } from './App';

void loadPageLanguage().then(() => {
  document.documentElement.lang = t('htmlLang');
  document.title = t('healthTitle');
  render(<App />, document.getElementById('app') as HTMLElement);
});
