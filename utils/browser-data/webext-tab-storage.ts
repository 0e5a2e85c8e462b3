/**
 * `clearTabStorage`: run a small script in every frame of a live tab. sessionStorage has no
 * browsingData key in either engine. Asked to, the script empties `caches` too (of the frame's own
 * origin and partition — the only ones it can reach) and unregisters its service workers, for an engine that
 * cannot remove Cache Storage per site, nor service workers per cookie store (firefox-cache-storage.ts).
 */
import type { WebExtApi } from './webext-api';

/** What the script did in one frame. */
export interface FrameCleared {
  /** The frame's origin (`location.origin`). */
  origin: string;
  /** `sessionStorage` and/or `cacheStorage`. */
  cleared: string[];
}

/** Injected into each frame; must stay self-contained (it is serialised). Returns what it cleared. */
export async function clearFrameStorage(withCacheStorage: boolean): Promise<FrameCleared> {
  const cleared: string[] = [];
  try {
    sessionStorage.clear();
    cleared.push('sessionStorage');
  } catch {
    // Storage blocked in this frame (sandboxed, or cookies blocked for it): nothing to clear.
  }
  if (withCacheStorage && typeof caches !== 'undefined') {
    try {
      for (const name of await caches.keys()) await caches.delete(name);
      cleared.push('cacheStorage');
    } catch {
      // Not a secure context, or blocked.
    }
    // Firefox cannot remove service workers of one cookie store either (firefox-site-data.ts).
    try {
      for (const r of await navigator.serviceWorker.getRegistrations()) await r.unregister();
      cleared.push('serviceWorkers');
    } catch {
      // No service workers here (not a secure context, private browsing).
    }
  }
  return { origin: location.origin, cleared };
}

/** A page that runs a modal dialog never answers: give up on it after this long. */
const SCRIPT_TIMEOUT_MS = 3000;

/** `work`, or a rejection after `ms` (the work itself goes on; its answer is ignored). */
export function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return Promise.race([
    work,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/**
 * Clears the tab's frames and returns what the top frame reported (undefined when nothing could run:
 * a closed tab, a page the extension may not script, a page that does not answer).
 */
export async function clearTabStorage(
  api: WebExtApi,
  tabId: number,
  { cacheStorage = false }: { cacheStorage?: boolean } = {},
): Promise<FrameCleared | undefined> {
  const run = (target: { tabId: number; allFrames?: boolean; frameIds?: number[] }) =>
    withTimeout(
      api.scripting.executeScript({ target, func: clearFrameStorage, args: [cacheStorage] }),
      SCRIPT_TIMEOUT_MS,
    );
  const top = (results: { frameId?: number; result?: FrameCleared }[]) =>
    results.find((r) => (r.frameId ?? 0) === 0)?.result;
  try {
    return top(await run({ tabId, allFrames: true }));
  } catch {
    // One frame the extension may not touch fails the whole call; the top frame alone may still work.
    // If that fails too the page is restricted (about:, a store page) or the tab is gone: nothing to do.
    return top(await run({ tabId, frameIds: [0] }).catch(() => []));
  }
}
