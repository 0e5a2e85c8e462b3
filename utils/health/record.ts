/** Counting one observed logout into the report, within its bounds. Pure. */
import type { HealthReport, LogoutOutcome, ServiceHealth } from './types';

/** At most this many services are counted; a new one beyond it is not added (the others keep counting). */
export const MAX_SERVICES = 200;
/** At most this many login-service labels per service. */
export const MAX_LOGIN_SERVICES = 10;
/** A label is a rule's name or an IT/user domain: longer ones are cut. */
const MAX_LABEL = 120;

const label = (s: string) => s.slice(0, MAX_LABEL);

export interface ObservedLogout {
  /** The labels of the group's protected sites (never a login service's). */
  services: readonly string[];
  /** The labels of the listed login services the group's login went through. */
  loginServices: readonly string[];
  outcome: LogoutOutcome;
}

export function recordLogout(report: HealthReport, seen: ObservedLogout): HealthReport {
  const services = { ...report.services };
  for (const name of new Set(seen.services.map(label))) {
    const old: ServiceHealth | undefined = services[name];
    if (!old && Object.keys(services).length >= MAX_SERVICES) continue;
    const via = [...(old?.loginServices ?? [])];
    for (const l of seen.loginServices.map(label))
      if (!via.includes(l) && via.length < MAX_LOGIN_SERVICES) via.push(l);
    services[name] = {
      leftSignedIn: (old?.leftSignedIn ?? 0) + (seen.outcome === 'left-signed-in' ? 1 : 0),
      ended: (old?.ended ?? 0) + (seen.outcome === 'ended' ? 1 : 0),
      loginServices: via.sort(),
    };
  }
  return { services };
}

/** A stored value that is not a report (an older or damaged copy) reads as an empty one. */
export function readReport(raw: unknown): HealthReport {
  const out: HealthReport = { services: {} };
  const services = (raw as HealthReport | null)?.services;
  if (!services || typeof services !== 'object') return out;
  for (const [name, s] of Object.entries(services).slice(0, MAX_SERVICES)) {
    if (!s || !Number.isSafeInteger(s.leftSignedIn) || !Number.isSafeInteger(s.ended)) continue;
    out.services[label(name)] = {
      leftSignedIn: Math.max(0, s.leftSignedIn),
      ended: Math.max(0, s.ended),
      loginServices: Array.isArray(s.loginServices)
        ? s.loginServices.filter((l) => typeof l === 'string').slice(0, MAX_LOGIN_SERVICES)
        : [],
    };
  }
  return out;
}
