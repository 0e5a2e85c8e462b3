/**
 * `clearTabStorage`: run a small script in every frame of a live tab. sessionStorage has no
 * browsingData key in either engine; Firefox also cannot remove Cache Storage per site, so there the
 * script empties `caches` too (of the frame's own origin and partition — the only ones it can reach).
 */
import type { WebExtApi } from './webext-api';
import type { Engine } from './webext-cookies';

/** Injected into each frame; must stay self-contained (it is serialised). Returns what it cleared. */
export async function clearFrameStorage(withCacheStorage: boolean): Promise<string[]> {
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
  }
  return cleared;
}

export async function clearTabStorage(api: WebExtApi, engine: Engine, tabId: number): Promise<void> {
  const run = (target: { tabId: number; allFrames?: boolean; frameIds?: number[] }) =>
    api.scripting.executeScript({ target, func: clearFrameStorage, args: [engine === 'firefox'] });
  try {
    await run({ tabId, allFrames: true });
  } catch {
    // One frame the extension may not touch fails the whole call; the top frame alone may still work.
    // If that fails too the page is restricted (about:, a store page) or the tab is gone: nothing to do.
    await run({ tabId, frameIds: [0] }).catch(() => undefined);
  }
}
