import type { HealthRow } from '@/utils/ui/health-view';

export interface HealthText {
  intro: string;
  criterion: string;
  local: string;
  empty: string;
  caption: string;
  colService: string;
  colLeft: string;
  colEnded: string;
  colVia: string;
  viaNone: string;
  exportJson: string;
  exportCsv: string;
  clear: string;
}

/**
 * The logout health report: one sentence per e-service and the same counts as a table. Presentational: the
 * caller loads the rows and does the export and the clearing.
 */
export function HealthReport(p: {
  rows: HealthRow[];
  text: HealthText;
  status: string;
  onExport: (format: 'json' | 'csv') => void;
  onClear: () => void;
}) {
  const { rows, text } = p;
  return (
    <div class="health" data-services={rows.length}>
      <p class="help">{text.intro}</p>
      <p class="help">{text.criterion}</p>
      <p class="help health-local">{text.local}</p>
      {rows.length === 0 ? (
        <p class="health-empty">{text.empty}</p>
      ) : (
        <>
          <ul class="health-lines">
            {rows.map((r) => (
              <li key={r.service} data-service={r.service} data-broken={String(r.broken)}>
                {r.sentence}
              </li>
            ))}
          </ul>
          <table class="health-table">
            <caption>{text.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{text.colService}</th>
                <th scope="col">{text.colLeft}</th>
                <th scope="col">{text.colEnded}</th>
                <th scope="col">{text.colVia}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.service}>
                  <th scope="row">{r.service}</th>
                  <td>{r.leftSignedIn}</td>
                  <td>{r.ended}</td>
                  <td>{r.loginServices.length ? r.loginServices.join(', ') : text.viaNone}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <div class="health-actions">
        <button type="button" onClick={() => p.onExport('json')} disabled={!rows.length}>
          {text.exportJson}
        </button>
        <button type="button" onClick={() => p.onExport('csv')} disabled={!rows.length}>
          {text.exportCsv}
        </button>
        <button type="button" onClick={p.onClear} disabled={!rows.length}>
          {text.clear}
        </button>
      </div>
      <p class="health-status" role="status">
        {p.status}
      </p>
    </div>
  );
}
