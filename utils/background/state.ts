/**
 * Session state access for the background: one event at a time, persisted after every change.
 * The chain below only orders work inside one worker life; everything that matters is in storage.
 */

import type { SessionGroup, SessionState } from '../session-groups/types';
import { ledger, sessionState } from '../storage';

let chain: Promise<unknown> = Promise.resolve();

/** Run `fn` after every earlier event of this worker has been handled (no lost updates between events). */
export function serialized<T>(fn: () => Promise<T>): Promise<T> {
  const next = chain.then(fn, fn);
  chain = next.catch(() => undefined);
  return next;
}

/**
 * `serialized`, for work whose answer is ready before its bookkeeping is stored: the caller has `answer` at
 * once; the next event waits for `settled` too (it sees the state that the bookkeeping leaves).
 */
export function serializedAnswer<T>(fn: () => Promise<{ answer: T; settled: Promise<unknown> }>): Promise<T> {
  const next = chain.then(fn, fn);
  chain = next
    .then((r) => r.settled)
    .catch((e: unknown) => console.error('Safe Logout: bookkeeping after an answer', e));
  return next.then((r) => r.answer);
}

export const loadState = (): Promise<SessionState> => sessionState.getValue();

const ledgerView = (g: SessionGroup) => ({
  id: g.id,
  sites: g.sites,
  hosts: g.hosts,
  origins: g.origins,
  ...(g.fetchedOrigins?.length ? { fetchedOrigins: g.fetchedOrigins } : {}),
  startedAt: g.startedAt,
  lastSeenAt: g.startedAt,
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
        for (const g of Object.values(next.groups)) current[g.id] = ledgerView(g);
        await ledger.setValue(current);
      })(),
    );
  }
  await Promise.all(writes);
}
