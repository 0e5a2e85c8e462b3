import { render } from 'preact';
import '@/components/theme.css';
import './style.css';
import { t } from '@/utils/i18n';
import { loadPageLanguage } from '@/utils/ui/page-language';
import { App } from './App';

void loadPageLanguage().then(() => {
  document.documentElement.lang = t('htmlLang');
  document.title = t('receiptDocTitle');
  const since = Number(new URLSearchParams(location.search).get('since'));
  render(<App since={Number.isFinite(since) ? since : 0} />, document.getElementById('app') as HTMLElement);
});
