import type { PurgeReport } from '@/utils/purge/types';

export interface ReceiptText {
  title: string;
  nothing: string;
  sites: (s: string) => string;
  cookies: (n: number) => string;
  storage: (n: number) => string;
  tabs: (n: number) => string;
  history: (n: number) => string;
  downloads: (n: number) => string;
  verified: string;
  leftovers: (n: number) => string;
}

/** The verified receipt: site names and counts only. `role="status"` so screen readers announce it. */
export function Receipt({ report, text }: { report: PurgeReport; text: ReceiptText }) {
  const removedAnything =
    report.cookiesRemoved + report.tabsClosed + report.historyRemoved + report.downloadsRemoved > 0;
  const problems = report.leftovers.length + report.failures.length;
  return (
    <section class="receipt" role="status" aria-live="polite" data-verified={String(report.verified)}>
      <h2>{text.title}</h2>
      {report.labels.length > 0 && <p>{text.sites(report.labels.join(', '))}</p>}
      {!removedAnything && report.originsCleared === 0 ? (
        <p>{text.nothing}</p>
      ) : (
        <ul>
          <li>{text.cookies(report.cookiesRemoved)}</li>
          <li>{text.storage(report.originsCleared)}</li>
          {report.tabsClosed > 0 && <li>{text.tabs(report.tabsClosed)}</li>}
          {report.historyRemoved > 0 && <li>{text.history(report.historyRemoved)}</li>}
          {report.downloadsRemoved > 0 && <li>{text.downloads(report.downloadsRemoved)}</li>}
        </ul>
      )}
      <p class={problems ? 'warning' : 'ok'}>{problems ? text.leftovers(problems) : text.verified}</p>
    </section>
  );
}
