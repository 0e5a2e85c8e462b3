import { useEffect, useState } from 'preact/hooks';
import { healthReport } from '@/utils/health/storage';
import type { HealthReport as Report } from '@/utils/health/types';
import { t } from '@/utils/i18n';
import { sendMessage } from '@/utils/messages';
import { healthCsv, healthJson } from '@/utils/ui/health-export';
import { healthRows } from '@/utils/ui/health-view';
import { HealthReport, type HealthText } from './HealthReport';
import './health.css';

const text = (): HealthText => ({
  intro: t('healthIntro'),
  criterion: t('healthCriterion'),
  local: t('healthLocal'),
  empty: t('healthEmpty'),
  caption: t('healthTableCaption'),
  colService: t('healthColService'),
  colLeft: t('healthColLeft'),
  colEnded: t('healthColEnded'),
  colVia: t('healthColVia'),
  viaNone: t('healthViaNone'),
  exportJson: t('healthExportJson'),
  exportCsv: t('healthExportCsv'),
  clear: t('healthClear'),
});

/** A file made here and handed to the browser's download (a Blob link: no permission, nothing sent). */
function download(name: string, type: string, body: string): void {
  const url = URL.createObjectURL(new Blob([body], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

type Status = { enabled: boolean; report: Report };

/**
 * The report, loaded from the background: on the health page (`level` 1) and as a section of the options
 * page (`level` 2).
 */
export function HealthPanel({ level }: { level: 1 | 2 }) {
  const [state, setState] = useState<Status | null>(null);
  const [status, setStatus] = useState('');
  useEffect(() => {
    const load = () => void sendMessage('getHealthReport', {}).then(setState);
    load();
    // A logout counted while the page is open shows at once.
    return healthReport.watch(load);
  }, []);
  if (!state) return null;
  return (
    <HealthSection
      state={state}
      level={level}
      status={status}
      onExport={(format) =>
        format === 'json'
          ? download('safe-logout-health-report.json', 'application/json', healthJson(state.report))
          : download('safe-logout-health-report.csv', 'text/csv', healthCsv(state.report))
      }
      onClear={async () => {
        await sendMessage('clearHealthReport', {});
        setState(await sendMessage('getHealthReport', {}));
        setStatus(t('healthCleared'));
      }}
    />
  );
}

/** While IT's policy has the report off, the page says so and the options section is not shown at all. */
export function HealthSection(p: {
  state: Status;
  level: 1 | 2;
  status: string;
  onExport: (format: 'json' | 'csv') => void;
  onClear: () => void;
}) {
  const { state, level } = p;
  if (!state.enabled && level === 2) return null;
  const Title = level === 1 ? 'h1' : 'h2';
  const id = 'health-title';
  return (
    <section aria-labelledby={id} class="card health-panel" data-enabled={String(state.enabled)}>
      <Title id={id}>{t('healthTitle')}</Title>
      {state.enabled ? (
        <HealthReport
          rows={healthRows(state.report)}
          text={text()}
          status={p.status}
          onExport={p.onExport}
          onClear={p.onClear}
        />
      ) : (
        <p class="health-off">{t('healthOff')}</p>
      )}
    </section>
  );
}
