import { useEffect, useState } from 'preact/hooks';
import { Receipt, type ReceiptText } from '@/components/Receipt';
import { SessionList } from '@/components/SessionList';
import { t } from '@/utils/i18n';
import { type GroupSummary, sendMessage } from '@/utils/messages';
import type { PurgeReport } from '@/utils/purge/types';

const receiptText: ReceiptText = {
  title: t('receiptTitle'),
  nothing: t('receiptNothing'),
  sites: (s) => t('receiptSites', s),
  cookies: (n) => t('receiptCookies', n),
  storage: (n) => t('receiptStorage', n),
  tabs: (n) => t('receiptTabs', n),
  history: (n) => t('receiptHistory', n),
  downloads: (n) => t('receiptDownloads', n),
  verified: t('receiptVerified'),
  leftovers: (n) => t('receiptLeftovers', n),
};

export function App() {
  const [groups, setGroups] = useState<GroupSummary[] | null>(null);
  const [report, setReport] = useState<PurgeReport | null>(null);
  const [busy, setBusy] = useState(false);

  const refresh = () => sendMessage('getStatus', {}).then((s) => setGroups(s.groups));
  useEffect(() => {
    void refresh();
  }, []);

  const run = async (action: () => Promise<PurgeReport | null>) => {
    setBusy(true);
    try {
      setReport(await action());
      await refresh();
    } finally {
      setBusy(false);
    }
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
        {busy ? t('working') : t('logOutAndClear')}
      </button>
      {report && <Receipt report={report} text={receiptText} />}
      {groups && groups.length > 0 && (
        <SessionList
          title={t('activeSessions')}
          groups={groups}
          tabsLabel={(n) => t('sessionTabs', n)}
          onlyThisSiteLabel={t('onlyThisSite')}
          onOnlyThisSite={(groupId) => run(() => sendMessage('logOutGroup', { groupId }))}
          busy={busy}
        />
      )}
      {groups && groups.length === 0 && !report && <p class="calm">{t('noSessions')}</p>}
    </main>
  );
}
