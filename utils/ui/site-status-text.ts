/** The popup's words for the site in the current tab (utils/site-status.ts); null: nothing to say (not a web page). */
import { t } from '../i18n';
import type { SiteStatus } from '../site-status';
import { packName } from './pack-groups';

export interface SiteStatusView {
  /** `protected` or not: the popup's colour and mark. */
  protected: boolean;
  title: string;
  host: string;
  /** Why not, or what the button would do. */
  detail: string | null;
  /** The domain "Protect this site" adds, when the button is offered. */
  protectDomain: string | null;
}

export function siteStatusView(s: SiteStatus): SiteStatusView | null {
  switch (s.kind) {
    case 'not-web':
      return null;
    case 'protected':
      return {
        protected: true,
        title: t(s.loginService ? 'siteLoginProtected' : 'siteProtected', s.label),
        host: s.host,
        detail: null,
        protectDomain: null,
      };
    case 'excluded':
      return view(s.host, t('siteExcluded'));
    case 'opt-in-off':
      return view(s.host, t('siteOptInOff', packName(s.packId)));
    case 'unprotected':
      if (s.domain === null) return view(s.host, t('siteNotASite'));
      if (s.locked) return view(s.host, t('siteLocked'));
      return { ...view(s.host, t('siteProtectHelp', s.domain)), protectDomain: s.domain };
  }
}

const view = (host: string, detail: string): SiteStatusView => ({
  protected: false,
  title: t('siteNotProtected'),
  host,
  detail,
  protectDomain: null,
});
