/** The health report in words and rows: the sentence per service, in the page's language. */
import type { HealthReport } from '../health/types';
import { tn } from '../i18n';

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

/** Each count goes through tn(), which picks the form the language takes for it (`key` or `key_one`). */
function sentence(service: string, left: number, ended: number): string {
  const total = left + ended;
  if (!left) return tn('healthEnded', ended, service, total);
  const head = tn('healthLeft', left, service, total);
  return ended ? `${head} ${tn('healthRest', ended)}` : head;
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
