/** The health report as files IT can take away: JSON (the stored shape) and CSV (one row per service). */
import type { HealthReport } from '../health/types';

export const healthJson = (report: HealthReport): string =>
  `${JSON.stringify({ format: 'safe-logout-health-report', version: 1, services: report.services }, null, 2)}\n`;

const cell = (v: string | number) => {
  const s = String(v);
  // Quoted when needed; a leading formula character is defused for spreadsheet programs.
  const safe = /^[=+\-@]/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
};

export function healthCsv(report: HealthReport): string {
  const rows = Object.entries(report.services).map(([name, s]) =>
    [name, s.leftSignedIn, s.ended, s.loginServices.join('; ')].map(cell).join(','),
  );
  return `service,left_signed_in,ended,login_services\n${rows.map((r) => `${r}\n`).join('')}`;
}
