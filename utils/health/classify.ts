/**
 * The criterion, pure: a logout left the person signed in at the login service when a session mark that came
 * with the login (present when the login came back to the service, absent or different when it first reached
 * the login service) is still there, unchanged, once the logout page has loaded.
 */
import type { LogoutOutcome } from './types';

/** The marks the login brought: there after it, not in the baseline (per host, at first sight) of the trip. */
export function loginMarks(
  baseline: Record<string, readonly string[]>,
  afterLogin: readonly string[],
): string[] {
  const before = new Set(Object.values(baseline).flat());
  return afterLogin.filter((m) => !before.has(m));
}

/**
 * What the logout left. Null when the login brought no mark Safe Logout saw (a login it did not see, or a
 * silent single sign-on on a session another service began): nothing is counted then.
 */
export function logoutOutcome(
  signedIn: readonly string[] | undefined,
  atLogout: readonly string[],
): LogoutOutcome | null {
  const marks = signedIn ?? [];
  if (!marks.length) return null;
  const now = new Set(atLogout);
  return marks.some((m) => now.has(m)) ? 'left-signed-in' : 'ended';
}
