import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { Receipt } from '@/components/Receipt';
import { SessionList } from '@/components/SessionList';
import { SiteChange, SiteStatus } from '@/components/SiteStatus';
import { t, tn } from '@/utils/i18n';
import { type GroupSummary, type OwedSummary, sendMessage } from '@/utils/messages';
import type { PurgeReport } from '@/utils/purge/types';
import type { SiteStatus as Status } from '@/utils/site-status';
import { receiptText } from '@/utils/ui/receipt-text';
import { receiptView } from '@/utils/ui/receipt-view';
import { sessionLine } from '@/utils/ui/session-line';
import { logOutShortcut } from '@/utils/ui/shortcut';
import { siteStatusView } from '@/utils/ui/site-status-text';
import { currentTabId } from './current-tab';

/** After Protect this site: what to announce, and the domain Undo takes off again (null: no Undo). */
type SiteChangeState = { text: string; undo: string | null } | null;

export function App() {
  const [groups, setGroups] = useState<GroupSummary[] | null>(null);
  const [owed, setOwed] = useState<OwedSummary[]>([]);
  const [report, setReport] = useState<PurgeReport | null>(null);
  const [shortcut, setShortcut] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [tabId, setTabId] = useState<number | null>(null);
  const [site, setSite] = useState<Status | null>(null);
  const [change, setChange] = useState<SiteChangeState>(null);
  /** Where the focus goes once the answer is drawn (the button pressed is gone): Undo, or Protect again. */
  const focusNext = useRef<string | null>(null);
  useEffect(() => {
    const el = focusNext.current ? document.getElementById(focusNext.current) : null;
    if (el && !(el as HTMLButtonElement).disabled) {
      el.focus();
      focusNext.current = null;
    }
  });

  const refresh = () =>
    sendMessage('getStatus', {}).then((s) => {
      setGroups(s.groups);
      setOwed(s.owed ?? []);
    });
  const refreshSite = async (id: number | null) => {
    setSite(id === null ? { kind: 'not-web' } : await sendMessage('siteStatus', { tabId: id }));
  };
  useEffect(() => {
    void refresh();
    void logOutShortcut().then(setShortcut);
    void currentTabId().then((id) => {
      setTabId(id);
      return refreshSite(id);
    });
  }, []);

  const protect = async () => {
    if (tabId === null) return;
    setBusy(true);
    try {
      const r = await sendMessage('protectSite', { tabId });
      setSite(r.status);
      setChange(
        r.ok
          ? {
              text: `${t('siteProtectedNow', r.domain)}${r.undoable ? '' : ` ${t('siteKeptShared')}`}`,
              undo: r.undoable ? r.domain : null,
            }
          : { text: t('siteProtectFailed'), undo: null },
      );
      await refresh();
      focusNext.current = 'site-undo';
    } finally {
      setBusy(false);
    }
  };
  const undo = async (domain: string) => {
    setBusy(true);
    try {
      const r = await sendMessage('unprotectSite', { domain });
      setChange({ text: r.ok ? t('siteUndone', domain) : t('siteProtectFailed'), undo: null });
      await Promise.all([refresh(), refreshSite(tabId)]);
      focusNext.current = 'protect-site';
    } finally {
      setBusy(false);
    }
  };
  const siteView = site ? siteStatusView(site) : null;

  const run = async (action: () => Promise<PurgeReport | null>) => {
    setBusy(true);
    setReport(null);
    try {
      setReport(await action());
      await refresh();
    } finally {
      setBusy(false);
    }
  };

  const view = report ? receiptView(report) : null;
  const lineText = {
    loginService: t('loginService'),
    loginServices: (n: number) => tn('loginServices', n),
    signedInThrough: (host: string, service: string) => t('siteSignedInThrough', host, service),
    privateWindow: t('sessionPrivateWindow'),
    container: t('sessionContainer'),
  };
  return (
    <main>
      <h1>{t('extName')}</h1>
      <button
        type="button"
        class="primary"
        disabled={busy}
        aria-busy={busy}
        onClick={() => run(() => sendMessage('logOutAll', {}))}
      >
        {t('logOutAndClear')}
      </button>
      {shortcut && <p class="help shortcut">{t('shortcutHint', shortcut)}</p>}
      {/* One live region, present from the start, so the receipt is announced when it arrives. */}
      <div
        role="status"
        aria-live="polite"
        class="live"
        data-verified={view ? String(view.verified) : undefined}
      >
        {busy && <p class="working">{t('working')}</p>}
        {view && <Receipt view={view} text={receiptText()} />}
      </div>
      {siteView && (
        <SiteStatus
          view={siteView}
          protectLabel={t('siteProtect')}
          busy={busy}
          onProtect={() => void protect()}
        />
      )}
      {/* Present from the start, so "now protected" / "no longer protected" is announced when it comes. */}
      <div aria-live="polite" class="site-live">
        {change && (
          <SiteChange
            text={change.text}
            undoLabel={t('siteUndo')}
            onUndo={change.undo ? () => void undo(change.undo!) : null}
          />
        )}
      </div>
      {owed.length > 0 && (
        <p class="owed" role="note">
          {t('popupOwed', [...new Set(owed.flatMap((o) => o.labels))].join(', '))}
        </p>
      )}
      {groups && groups.length > 0 && (
        <SessionList
          title={t('activeSessions')}
          sessions={groups.map((g) => ({
            id: g.id,
            line: sessionLine(g, lineText),
            tabs: t('sessionTabs', g.tabCount),
          }))}
          onlyThisSiteLabel={t('onlyThisSite')}
          onOnlyThisSite={(groupId) => run(() => sendMessage('logOutGroup', { groupId }))}
          busy={busy}
        />
      )}
      {groups && groups.length === 0 && !report && !busy && <p class="calm">{t('noSessions')}</p>}
      <footer>
        <button type="button" class="link" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('popupSettings')}
        </button>
      </footer>
    </main>
  );
}
