/**
 * IT policy as the background reads it, without ever waiting on the browser for it.
 *
 * Chrome answers `storage.managed.get()` only once its policy service is up: seconds after a start — and a
 * read made in the first moments of a freshly installed extension was never answered at all here (Chromium
 * 156, schema declared), while a read made a little later was. Every event reads the settings, so a read that
 * hangs would stall session tracking and purging behind it. So:
 * - the last policy read is kept in storage.local (`managedCache`) and used whenever the browser has not
 *   answered within a moment — at a browser start the last session's policy is in force at once;
 * - while the browser is slow, nobody waits: the read is asked again (with backoff) until it is answered; the
 *   answer replaces the cache, and whoever watches the cache re-applies everything;
 * - once the browser answers, every read asks it again (a fast call), so a changed policy counts at once.
 */
import { managedCache } from '../storage';

/** How long a read waits for the browser before it uses the cached policy. */
export const MANAGED_WAIT_MS = 300;
/** While the browser is slow, it is asked again after these delays (the last one repeats). */
export const MANAGED_RETRY_MS = [1_000, 2_000, 4_000, 8_000, 16_000, 30_000] as const;

export interface ManagedArea {
  get(): Promise<unknown>;
}

type Policy = Record<string, unknown>;
const TIMED_OUT = Symbol('timed out');

/** The read in flight (shared by concurrent callers); the retry timer while the browser is slow. */
let inflight: Promise<Policy> | undefined;
let retry: ReturnType<typeof setTimeout> | undefined;
/** Bumped when the managed area changes: an answer to an older read must not overwrite a newer one. */
let generation = 0;

const asPolicy = (v: unknown): Policy => (typeof v === 'object' && v !== null ? (v as Policy) : {});

function ask(area: ManagedArea): Promise<Policy> {
  if (inflight) return inflight;
  const gen = generation;
  const read: Promise<Policy> = area
    .get()
    // Firefox without a policy rejects ("Managed storage manifest not found"): no policy.
    .then(asPolicy, () => ({}))
    .then(async (v) => {
      if (inflight === read) inflight = undefined;
      if (gen !== generation) return v;
      clearTimeout(retry);
      retry = undefined;
      if (JSON.stringify(await managedCache.getValue()) !== JSON.stringify(v)) await managedCache.setValue(v);
      return v;
    });
  inflight = read;
  return read;
}

/** While the browser is slow: ask again now and then, with a fresh read (an early one may never be answered). */
function retryUntilAnswered(area: ManagedArea, attempt = 0): void {
  if (retry !== undefined) return;
  retry = setTimeout(() => {
    inflight = undefined;
    void ask(area);
    retry = undefined;
    retryUntilAnswered(area, Math.min(attempt + 1, MANAGED_RETRY_MS.length - 1));
  }, MANAGED_RETRY_MS[attempt]);
}

/** The raw managed value (effectiveSettings validates it): the browser's, or the cached one while it is slow. */
export async function readManaged(area: ManagedArea, waitMs = MANAGED_WAIT_MS): Promise<unknown> {
  if (retry !== undefined) return managedCache.getValue(); // the browser is slow: nobody waits for it
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(() => resolve(TIMED_OUT), waitMs);
  });
  try {
    const v = await Promise.race([ask(area), timeout]);
    if (v !== TIMED_OUT) return v;
    retryUntilAnswered(area);
    return managedCache.getValue();
  } finally {
    clearTimeout(timer);
  }
}

/** The browser says the policy changed: drop what is in flight and ask again. */
export function refreshManaged(area: ManagedArea): Promise<Policy> {
  generation++;
  inflight = undefined;
  return ask(area);
}
