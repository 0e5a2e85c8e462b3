/**
 * The session state in storage: read it, change it with a pure function, save it — and mirror the groups to
 * the durable ledger when they change, so a browser that dies still knows at its next start what to purge.
 * Call inside `serialized` (queue.ts): one change at a time.
 */
import type { SessionGroup, SessionState } from '../session-groups/types';
import { type LedgerEntry, ledger, sessionState } from '../storage';

export const loadState = (): Promise<SessionState> => sessionState.getValue();

/** What a browser start needs of a group to purge it: never its URLs, tabs or login trails. */
export const ledgerEntry = (g: SessionGroup): LedgerEntry => ({
  id: g.id,
  sites: g.sites,
  hosts: g.hosts,
  origins: g.origins,
  ...(g.fetchedOrigins?.length ? { fetchedOrigins: g.fetchedOrigins } : {}),
  startedAt: g.startedAt,
});

const signature = (s: SessionState) =>
  JSON.stringify(
    Object.values(s.groups).map((g) => [g.id, g.sites.length, g.hosts, g.origins, g.fetchedOrigins]),
  );

/** Save the state; mirror its groups to the durable ledger when their membership changed. */
export async function saveState(prev: SessionState, next: SessionState): Promise<void> {
  if (prev === next) return;
  const writes: Promise<void>[] = [sessionState.setValue(next)];
  if (signature(prev) !== signature(next)) {
    writes.push(
      (async () => {
        const current = { ...(await ledger.getValue()) };
        for (const id of Object.keys(prev.groups)) if (!next.groups[id]) delete current[id];
        for (const g of Object.values(next.groups)) current[g.id] = ledgerEntry(g);
        await ledger.setValue(current);
      })(),
    );
  }
  await Promise.all(writes);
}

/** Apply a pure change to the stored state and save it. Returns the new state. */
export async function update(change: (s: SessionState) => SessionState): Promise<SessionState> {
  const prev = await loadState();
  const next = change(prev);
  await saveState(prev, next);
  return next;
}

/** A group from the ledger, as the planner takes it: no tab is open in a new browser session. */
export const groupFromLedger = ({ owed: _, ...e }: LedgerEntry): SessionGroup => ({
  ...e,
  tabIds: [],
  lastSeenAt: e.startedAt,
});
