/** The health report in words and rows: the sentence per service, in the page's language. */
import type { HealthReport } from '../health/types';
import { t } from '../i18n';
import { pluralForm } from './plural';

export interface HealthRow {
  service: string;
  leftSignedIn: number;
  ended: number;
  loginServices: string[];
  /** "Vklass: its own logout left you signed in at the login service 12 times out of 12. …" */
  sentence: string;
  /** Some logout left the login service signed in. */
  broken: boolean;
}

function sentence(service: string, left: number, ended: number): string {
  const total = left + ended;
  if (!left)
    return pluralForm(ended) === 'one'
      ? t('healthEndedOne', service, ended, total)
      : t('healthEndedOther', service, ended, total);
  const head =
    pluralForm(left) === 'one'
      ? t('healthLeftOne', service, left, total)
      : t('healthLeftOther', service, left, total);
  if (!ended) return head;
  return `${head} ${pluralForm(ended) === 'one' ? t('healthRestOne') : t('healthRestOther', ended)}`;
}

/** Rows by service name; those whose logout left someone signed in first. */
export function healthRows(report: HealthReport): HealthRow[] {
  return Object.entries(report.services)
    .map(([service, s]) => ({
      service,
      leftSignedIn: s.leftSignedIn,
      ended: s.ended,
      loginServices: s.loginServices,
      sentence: sentence(service, s.leftSignedIn, s.ended),
      broken: s.leftSignedIn > 0,
    }))
    .filter((r) => r.leftSignedIn + r.ended > 0)
    .sort((a, b) => Number(b.broken) - Number(a.broken) || a.service.localeCompare(b.service));
}
