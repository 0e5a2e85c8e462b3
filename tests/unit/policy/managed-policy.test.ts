/**
 * Reading IT policy without waiting on a slow browser: a browser whose policy service answers late, or never
 * answers a read made too early, must not hold events up — the cached policy stands in until it answers.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';

type Mod = typeof import('@/utils/background/managed-policy');
type Storage = typeof import('@/utils/storage');

/** A managed area whose every read is answered (or not) by the test. */
function area() {
  const reads: { resolve: (v: unknown) => void; reject: (e: unknown) => void }[] = [];
  return {
    reads,
    get: () =>
      new Promise<unknown>((resolve, reject) => {
        reads.push({ resolve, reject });
      }),
  };
}

let m: Mod;
let storage: Storage;

beforeEach(async () => {
  fakeBrowser.reset();
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  vi.resetModules(); // a new worker: nothing in memory
  [m, storage] = await Promise.all([import('@/utils/background/managed-policy'), import('@/utils/storage')]);
});

afterEach(() => {
  vi.useRealTimers();
});

/** Let promise callbacks run (fake timers do not touch microtasks). */
const flush = async () => {
  for (let i = 0; i < 10; i++) await Promise.resolve();
};

describe('readManaged', () => {
  it('the browser answers in time: its answer, cached; the next read asks again (a changed policy counts)', async () => {
    const a = area();
    const read = m.readManaged(a);
    a.reads[0]!.resolve({ idleTimeoutSeconds: 300 });
    expect(await read).toEqual({ idleTimeoutSeconds: 300 });
    expect(await storage.managedCache.getValue()).toEqual({ idleTimeoutSeconds: 300 });
    const next = m.readManaged(a);
    a.reads[1]!.resolve({ idleTimeoutSeconds: 600 });
    expect(await next).toEqual({ idleTimeoutSeconds: 600 });
    expect(await storage.managedCache.getValue()).toEqual({ idleTimeoutSeconds: 600 });
  });

  it('reads at the same moment share one browser call', async () => {
    const a = area();
    const both = Promise.all([m.readManaged(a), m.readManaged(a)]);
    expect(a.reads).toHaveLength(1);
    a.reads[0]!.resolve({ lockSettings: true });
    expect(await both).toEqual([{ lockSettings: true }, { lockSettings: true }]);
  });

  it('the browser does not answer: the last session’s policy at once, and nobody else waits', async () => {
    await storage.managedCache.setValue({ protectedDomains: ['exempelstad.se'] });
    const a = area();
    const first = m.readManaged(a);
    await vi.advanceTimersByTimeAsync(m.MANAGED_WAIT_MS);
    expect(await first).toEqual({ protectedDomains: ['exempelstad.se'] });
    // The next reads do not wait at all (no timer needs to run for them to resolve).
    expect(await m.readManaged(a)).toEqual({ protectedDomains: ['exempelstad.se'] });
  });

  it('a read the browser never answers is asked again; the answer replaces the cache and is followed', async () => {
    const a = area();
    const seen: unknown[] = [];
    storage.managedCache.watch((v) => seen.push(v));
    const first = m.readManaged(a);
    await vi.advanceTimersByTimeAsync(m.MANAGED_WAIT_MS);
    expect(await first).toEqual({});
    expect(a.reads).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(m.MANAGED_RETRY_MS[0]);
    expect(a.reads).toHaveLength(2);
    a.reads[1]!.resolve({ lockSettings: true });
    await flush();
    expect(await storage.managedCache.getValue()).toEqual({ lockSettings: true });
    expect(seen).toEqual([{ lockSettings: true }]);
    // Answered: no more retries, and reads ask the browser again.
    await vi.advanceTimersByTimeAsync(60_000);
    expect(a.reads).toHaveLength(2);
    const next = m.readManaged(a);
    a.reads[2]!.resolve({ lockSettings: true });
    expect(await next).toEqual({ lockSettings: true });
  });

  it('Firefox without a policy rejects the read: no policy', async () => {
    await storage.managedCache.setValue({ lockSettings: true });
    const a = area();
    const read = m.readManaged(a);
    a.reads[0]!.reject(new Error('Managed storage manifest not found'));
    expect(await read).toEqual({});
    expect(await storage.managedCache.getValue()).toEqual({});
  });

  it('the managed area changed: an answer to an older read that comes late does not overwrite the newer', async () => {
    const a = area();
    const stale = m.readManaged(a); // read 0: answered only at the end
    const refreshed = m.refreshManaged(a); // read 1
    expect(a.reads).toHaveLength(2);
    a.reads[1]!.resolve({ clearHistory: false });
    expect(await refreshed).toEqual({ clearHistory: false });
    a.reads[0]!.resolve({ clearHistory: true });
    await stale;
    expect(await storage.managedCache.getValue()).toEqual({ clearHistory: false });
  });
});
