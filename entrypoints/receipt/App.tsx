import { useEffect, useRef, useState } from 'preact/hooks';
import { Receipt } from '@/components/Receipt';
import { ShieldIcon } from '@/components/ShieldIcon';
import { t } from '@/utils/i18n';
import { sendMessage } from '@/utils/messages';
import type { PurgeReport } from '@/utils/purge/types';
import { watchLastReport } from '@/utils/storage';
import { receiptText } from '@/utils/ui/receipt-text';
import { receiptView } from '@/utils/ui/receipt-view';

/**
 * The receipt page, opened by the background before every forced purge. It waits for the first report
 * that finished at or after `since` (the moment the logout was asked for) and shows it; `since` = 0 shows
 * the last receipt. Only site names and counts are ever shown, and nothing is kept here.
 */
export function App({ since }: { since: number }) {
  const [report, setReport] = useState<PurgeReport | null>(null);
  const [loaded, setLoaded] = useState(false);
  const live = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const take = (r: PurgeReport | null) => {
      if (r && r.finishedAt >= since) setReport(r);
    };
    void sendMessage('getStatus', {}).then((s) => {
      take(s.lastReport);
      setLoaded(true);
    });
    return watchLastReport(take);
  }, [since]);

  useEffect(() => {
    // Move focus to the title: keyboard users start at the receipt; the live region announces it too.
    if (report) live.current?.querySelector<HTMLElement>('.receipt-title')?.focus();
  }, [report]);

  const waiting = !report && (since > 0 || !loaded);
  return (
    <main>
      <p class="brand">
        <ShieldIcon size={22} /> {t('extName')}
      </p>
      <div
        ref={live}
        role="status"
        aria-live="polite"
        class="live"
        data-verified={report ? String(report.verified) : undefined}
      >
        {report ? (
          <Receipt view={receiptView(report)} text={receiptText()} level={1} />
        ) : waiting ? (
          <h1 class="working">{t('working')}</h1>
        ) : (
          <h1>{t('receiptNone')}</h1>
        )}
      </div>
    </main>
  );
}
