/**
 * The session state in storage: read it, change it with a pure function, save it — and mirror the groups to
 * the durable ledger when they change, so a browser that dies still knows at its next start what to purge.
 * Call inside `serialized` (queue.ts): one change at a time.
 */
import { isPrivateStore } from '../browser-data/stores';
import { boundState } from '../session-groups/bounds';
import { loginsInFlight } from '../session-groups/logins-in-flight';
import type { SessionGroup, SessionState } from '../session-groups/types';
import { type LedgerEntry, ledger, sessionState } from '../storage';

export const loadState = (): Promise<SessionState> => sessionState.getValue();

/**
 * What a browser start needs of a group to purge it: never its URLs, tabs or login trails — and never the other
 * origins its pages fetched from (`fetchedOrigins`): those are named by a page, so they stay in storage.session.
 * The ledger keeps only that there were some (`fetchedElsewhere`): after a crash or power cut the browser-start
 * purge then clears every site's HTTP cache stored since the group began (Chromium keys a cached API answer by
 * the API's own URL: the next person would read Anna's profile from it — tests/e2e/protection.test.ts, restart).
 */
export const ledgerEntry = (
  g: SessionGroup,
  inFlight: { hosts: readonly string[]; origins: readonly string[] } = { hosts: [], origins: [] },
): LedgerEntry => ({
  id: g.id,
  sites: g.sites,
  hosts: [...g.hosts, ...inFlight.hosts],
  origins: [...g.origins, ...inFlight.origins],
  ...(g.fetchedOrigins?.length || g.fetchedElsewhere ? { fetchedElsewhere: true } : {}),
  // Its cookie store (a container, private browsing): a browser start purges it there, or knows it is gone.
  ...(g.storeId !== undefined ? { storeId: g.storeId } : {}),
  startedAt: g.startedAt,
});

/**
 * The ledger's view of the state: each group with the hosts its logins in progress reached (a crash while the
 * person is on an IdP on no list still purges it). A change in anything else (URLs, trails) writes nothing to
 * disk.
 */
const ledgerView = (s: SessionState) => {
  const inFlight = loginsInFlight(s);
  return Object.values(s.groups).map((g) => ledgerEntry(g, inFlight.get(g.id)));
};
const signature = (s: SessionState) =>
  JSON.stringify(ledgerView(s).map((e) => [e.id, e.sites.length, e.hosts, e.origins, e.fetchedElsewhere]));

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
        for (const e of ledgerView(next)) current[e.id] = e;
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

/**
 * A browser start: the groups of private stores (Chromium incognito, Firefox private browsing) leave the ledger,
 * owed ones too. Their cookies and storage lived in memory and went with the browser, so there is nothing of
 * theirs left to purge — and a purge in a store that no longer exists could never verify. Containers keep their
 * data on disk: their groups stay and are purged in their container.
 */
export async function forgetPrivateLeftovers(): Promise<void> {
  const left = await ledger.getValue();
  const kept = Object.fromEntries(Object.entries(left).filter(([, e]) => !isPrivateStore(e.storeId)));
  if (Object.keys(kept).length !== Object.keys(left).length) await ledger.setValue(kept);
}

/** A group from the ledger, as the planner takes it: no tab is open in a new browser session. */
export const groupFromLedger = ({ owed: _, ...e }: LedgerEntry): SessionGroup => ({
  ...e,
  tabIds: [],
  lastSeenAt: e.startedAt,
});
