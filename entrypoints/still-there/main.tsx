import { render } from 'preact';
import '@/components/theme.css';
import './style.css';
import { t } from '@/utils/i18n';
import { loadPageLanguage } from '@/utils/ui/page-language';
import { App } from './App';

void loadPageLanguage().then(() => {
  document.documentElement.lang = t('htmlLang');
  document.title = t('stillThereTitle');
  const until = Number(new URLSearchParams(location.search).get('until'));
  render(
    <App until={Number.isFinite(until) ? until : Date.now()} />,
    document.getElementById('app') as HTMLElement,
  );
});
