/**
 * Owed purges tried again (owed.ts): by the `owed-purges` alarm (those due), and on every wake (all of them).
 * At browser start the leftovers purge takes them with the rest of the ledger.
 */
import { loginsInFlight } from '../session-groups/logins-in-flight';
import { mergeGroups } from '../session-groups/membership';
import { ledger } from '../storage';
import type { BackgroundContext } from './context';
import { isOwed, scheduleOwedAlarm } from './owed';
import { purge } from './purge';
import { serialized } from './queue';
import { groupFromLedger, loadState, saveState } from './session-store';

/**
 * Purge what is owed. An owed group whose site is open again in a live group (the person logged in again) is
 * folded into that group instead (also when a login of that group is on one of its hosts right now): its hosts
 * join it and go at that session's end, so a retry never logs a live session out or runs in the middle of its
 * login.
 */
export function retryOwedPurges(ctx: BackgroundContext, { dueOnly }: { dueOnly: boolean }) {
  return serialized(async () => {
    const now = ctx.now();
    const owed = Object.values(await ledger.getValue())
      .filter(isOwed)
      .filter((e) => !dueOnly || e.owed.nextAt <= now + 50)
      .sort((a, b) => a.owed.nextAt - b.owed.nextAt);
    if (!owed.length) {
      await scheduleOwedAlarm(ctx);
      return null;
    }
    const prev = await loadState();
    const next = structuredClone(prev);
    const folded: string[] = [];
    // A live group's logins in progress count too: an IdP the person is on right now is in no group's hosts yet.
    const inFlight = loginsInFlight(next);
    for (const e of owed) {
      // Only a live group of the same cookie store: the same site in another store is another session.
      const live = Object.values(next.groups).find(
        (g) =>
          g.storeId === e.storeId &&
          ([...g.hosts, ...(inFlight.get(g.id)?.hosts ?? [])].some((h) => e.hosts.includes(h)) ||
            g.sites.some((x) => e.sites.some((y) => y.ruleId === x.ruleId))),
      );
      if (!live) continue;
      mergeGroups(next, live, groupFromLedger(e));
      folded.push(e.id);
    }
    if (folded.length) {
      await saveState(prev, next);
      const left = { ...(await ledger.getValue()) };
      for (const id of folded) delete left[id];
      await ledger.setValue(left);
    }
    const rest = owed.filter((e) => !folded.includes(e.id));
    if (!rest.length) return null;
    return purge(ctx, {
      scope: { kind: 'owed', ids: rest.map((e) => e.id) },
      trigger: rest[0]!.owed.trigger,
    });
  });
}
