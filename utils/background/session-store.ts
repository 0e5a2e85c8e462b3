/**
 * The session state in storage: read it, change it with a pure function, save it — and mirror the groups to
 * the durable ledger when they change, so a browser that dies still knows at its next start what to purge.
 * Call inside `serialized` (queue.ts): one change at a time.
 */
import { boundState } from '../session-groups/bounds';
import type { SessionGroup, SessionState } from '../session-groups/types';
import { type LedgerEntry, ledger, sessionState } from '../storage';

export const loadState = (): Promise<SessionState> => sessionState.getValue();

/**
 * What a browser start needs of a group to purge it: never its URLs, tabs or login trails — and never the
 * other origins its pages fetched from (`fetchedOrigins`). Those are named by a page (its content script's
 * report), so they stay in storage.session and never reach the disk. The cost: after a crash or power cut, the
 * browser-start purge does not clear the HTTP cache of those other origins (an API on a domain of its own);
 * the group's own origins, cookies and storage still go, and Firefox empties its whole HTTP cache anyway.
 */
export const ledgerEntry = (g: SessionGroup): LedgerEntry => ({
  id: g.id,
  sites: g.sites,
  hosts: g.hosts,
  origins: g.origins,
  startedAt: g.startedAt,
});

/** What the ledger keeps of the groups: a change in anything else (URLs, fetched origins) writes nothing to disk. */
const signature = (s: SessionState) =>
  JSON.stringify(Object.values(s.groups).map((g) => [g.id, g.sites.length, g.hosts, g.origins]));

/**
 * Save the state, within its bounds (utils/session-groups/bounds.ts: no page can flood it past the quota);
 * mirror its groups to the durable ledger when their membership changed. Returns what was saved.
 */
export async function saveState(prev: SessionState, unbounded: SessionState): Promise<SessionState> {
  if (prev === unbounded) return prev;
  const next = boundState(unbounded);
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
  return next;
}

/** Apply a pure change to the stored state and save it. Returns the new state. */
export async function update(change: (s: SessionState) => SessionState): Promise<SessionState> {
  const prev = await loadState();
  return saveState(prev, change(prev));
}

/** A group from the ledger, as the planner takes it: no tab is open in a new browser session. */
export const groupFromLedger = ({ owed: _, ...e }: LedgerEntry): SessionGroup => ({
  ...e,
  tabIds: [],
  lastSeenAt: e.startedAt,
});
