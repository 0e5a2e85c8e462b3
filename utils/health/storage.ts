/**
 * The health report's stored items, each with its lifecycle (docs/architecture.md: state and lifecycles).
 */
import { storage } from 'wxt/utils/storage';
import { emptyHealthReport, type HealthReport, type LoginSeen } from './types';

/**
 * Counts per service (rule labels, listed login-service labels, two numbers): no person, URL, time or
 * unlisted host. On this computer only, never sent anywhere; survives restarts; cleared by IT's button on the
 * health page (the `clearHealthReport` message) and nothing else.
 */
export const healthReport = storage.defineItem<HealthReport>('local:health-report', {
  fallback: emptyHealthReport(),
  version: 1,
});

/**
 * Per group whose login Safe Logout saw: the login-service cookie fingerprints (never values) before and after
 * the login. In memory (storage.session): gone with the browser session, and dropped for a group once its
 * logout is counted; at most `MAX_LOGINS_SEEN` groups (the oldest go).
 */
export const loginsSeen = storage.defineItem<Record<string, LoginSeen>>('session:health-logins', {
  fallback: {},
  version: 1,
});

export const MAX_LOGINS_SEEN = 30;
/** At most this many login hosts per group get a baseline. */
export const MAX_BASELINE_HOSTS = 10;
