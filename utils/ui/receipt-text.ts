/** The receipt in the current language: every word from the locale catalogues. */
import { type MessageKey, t } from '../i18n';
import type { PurgeTrigger } from '../purge/types';
import type { Advice, Problem, ReceiptText, RemovedLine } from './receipt-view';

/** A time of day in the page's language ("14:05"): the form-data line says since when. */
function clock(ms: number): string {
  const at = new Date(ms);
  try {
    return at.toLocaleTimeString(t('htmlLang'), { hour: '2-digit', minute: '2-digit' });
  } catch {
    return at.toISOString().slice(11, 16);
  }
}

function line(l: RemovedLine): string {
  switch (l.kind) {
    case 'cookies':
      return t('receiptCookies', l.n);
    case 'storage':
      return t('receiptStorage', l.n);
    case 'tabs':
      return t('receiptTabs', l.n);
    case 'history':
      return t('receiptHistory', l.n);
    case 'history-off':
      return t('receiptHistoryOff');
    case 'downloads':
      return t('receiptDownloads', l.n);
    case 'downloads-check':
      return t('receiptDownloadsCheck');
    case 'form-data':
      return t('receiptFormData', clock(l.since));
  }
}

function check(l: RemovedLine): string | null {
  if (!('ok' in l) || !l.ok) return null;
  return l.kind === 'cookies' ? t('receiptCheckedAgain') : t('receiptConfirmed');
}

function problem(p: Problem): string {
  switch (p.kind) {
    case 'cookies-left':
      return t('receiptLeftCookies', p.n, p.sites.join(', '));
    case 'check-failed':
      return t('receiptFailCheck');
    case 'site-data-failed':
      return t('receiptFailSiteData');
    case 'history-failed':
      return t('receiptFailHistory');
    case 'downloads-failed':
      return t('receiptFailDownloads');
    case 'tabs-failed':
      return t('receiptFailTabs');
  }
}

const ADVICE: Record<Advice, () => string> = {
  'close-browser': () => t('receiptDoCloseBrowser'),
  history: () => t('receiptDoHistory'),
  downloads: () => t('receiptDoDownloads'),
  tabs: () => t('receiptDoTabs'),
  retry: () => t('receiptDoRetry'),
};

const WHY: Record<PurgeTrigger, MessageKey> = {
  button: 'receiptWhyButton',
  shortcut: 'receiptWhyShortcut',
  'context-menu': 'receiptWhyContextMenu',
  guard: 'receiptWhyGuard',
  'site-logout': 'receiptWhySiteLogout',
  'last-tab-closed': 'receiptWhyLastTabClosed',
  idle: 'receiptWhyIdle',
  'browser-start': 'receiptWhyBrowserStart',
};

export function receiptText(): ReceiptText {
  return {
    title: t('receiptTitle'),
    nothing: t('receiptNothing'),
    sites: (s) => t('receiptSites', s),
    signedInThrough: (host, service) => t('siteSignedInThrough', host, service),
    // A receipt stored by an older version may name a trigger that no longer exists: no line then.
    why: (trigger) => (WHY[trigger] ? t(WHY[trigger]) : ''),
    removedHeading: t('receiptRemoved'),
    line,
    check,
    problemsHeading: t('receiptProblems'),
    problem,
    advice: (a) => ADVICE[a](),
    verified: t('receiptVerified'),
    leave: t('receiptLeave'),
  };
}
