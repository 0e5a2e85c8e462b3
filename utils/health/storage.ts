/**
 * The health report's stored items, each with its lifecycle (docs/architecture.md: state and lifecycles).
 */
import { storage } from 'wxt/utils/storage';
import { emptyHealthReport, emptyLoginsSeen, type HealthReport, type LoginsSeen } from './types';

/**
 * Counts per service (rule labels, listed login-service labels, two numbers): no person, URL, time or
 * unlisted host. On this computer only, never sent anywhere; survives restarts; cleared by IT's button on the
 * health page (the `clearHealthReport` message), and when IT turns the report off (`healthReport: false`).
 */
export const healthReport = storage.defineItem<HealthReport>('local:health-report', {
  fallback: emptyHealthReport(),
  version: 1,
});

/**
 * Login-service cookie fingerprints (never values) of the logins Safe Logout saw: per tab on a login trip, and
 * per group what its logins brought. In memory (storage.session): gone with the browser session; a trip goes
 * when its tab is back on an e-service, a group's marks once its logout is counted; at most `MAX_SEEN` of each
 * (the oldest go).
 */
export const loginsSeen = storage.defineItem<LoginsSeen>('session:health-logins', {
  fallback: emptyLoginsSeen(),
  version: 1,
});

export const MAX_SEEN = 30;
/** At most this many hosts per trip get a baseline. */
export const MAX_TRIP_HOSTS = 10;
