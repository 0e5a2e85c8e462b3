/**
 * Purges that did not verify stay owed: the ledger keeps their groups, marked `owed`, until a purge verifies
 * them. This module is the owed part of the ledger; `retry.ts` runs the retries. A fault can delay a purge,
 * never cancel it.
 *
 * Retried (docs/architecture.md: state and lifecycles): by the `owed-purges` alarm with a back-off
 * (`RETRY_BACKOFF_MS`, then every 10 minutes while it keeps failing), on every wake of the worker, and at
 * browser start (the leftovers purge takes the whole ledger, owed entries included).
 */
import type { PurgeReport } from '../purge/types';
import { type LedgerEntry, ledger } from '../storage';
import type { BackgroundContext } from './context';

export const OWED_PURGES_ALARM = 'owed-purges';

/** After the 1st, 2nd and 3rd failed attempt; every later one waits as long as the last. */
export const RETRY_BACKOFF_MS = [30_000, 2 * 60_000, 10 * 60_000] as const;

export const retryDelay = (attempts: number): number =>
  RETRY_BACKOFF_MS[Math.min(Math.max(attempts, 1), RETRY_BACKOFF_MS.length) - 1]!;

/** A purge verified its groups when the re-read found nothing left and no step failed (a failed step may have left data). */
export const purgeSettled = (r: PurgeReport): boolean => r.verified && r.failures.length === 0;

export const isOwed = (e: LedgerEntry): e is LedgerEntry & { owed: NonNullable<LedgerEntry['owed']> } =>
  e.owed !== undefined;

/**
 * The ledger entry of a group whose purge (`report`) did not settle: owed, under an id of its own (a new
 * session on the same site gets the group id again and must not overwrite it), one attempt more.
 */
export function owe(entry: LedgerEntry, report: PurgeReport, now: number): LedgerEntry {
  const attempts = (entry.owed?.attempts ?? 0) + 1;
  return {
    ...entry,
    id: entry.owed ? entry.id : `${entry.id}~${report.planId}`,
    owed: { trigger: entry.owed?.trigger ?? report.trigger, attempts, nextAt: now + retryDelay(attempts) },
  };
}

/** The alarm wakes the worker for the earliest owed purge (alarms outlive a sleeping worker). */
export async function scheduleOwedAlarm(
  ctx: BackgroundContext,
  entries?: Record<string, LedgerEntry>,
): Promise<void> {
  const owed = Object.values(entries ?? (await ledger.getValue())).filter(isOwed);
  if (!owed.length) return;
  await ctx.alarms.set(OWED_PURGES_ALARM, Math.min(...owed.map((e) => e.owed.nextAt)));
}
