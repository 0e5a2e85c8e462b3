import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { Receipt } from '@/components/Receipt';
import { SessionList } from '@/components/SessionList';
import { t } from '@/utils/i18n';
import { type GroupSummary, type OwedSummary, sendMessage } from '@/utils/messages';
import type { PurgeReport } from '@/utils/purge/types';
import { receiptText } from '@/utils/ui/receipt-text';
import { receiptView } from '@/utils/ui/receipt-view';
import { sessionLine } from '@/utils/ui/session-line';
import { logOutShortcut } from '@/utils/ui/shortcut';

export function App() {
  const [groups, setGroups] = useState<GroupSummary[] | null>(null);
  const [owed, setOwed] = useState<OwedSummary[]>([]);
  const [report, setReport] = useState<PurgeReport | null>(null);
  const [shortcut, setShortcut] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const refresh = () =>
    sendMessage('getStatus', {}).then((s) => {
      setGroups(s.groups);
      setOwed(s.owed ?? []);
    });
  useEffect(() => {
    void refresh();
    void logOutShortcut().then(setShortcut);
  }, []);

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
    loginServices: (n: number) => t('loginServices', n),
    signedInThrough: (host: string, service: string) => t('siteSignedInThrough', host, service),
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
