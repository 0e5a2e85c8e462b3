/**
 * What only a page can clear of its own origin: where `browsingData` cannot reach a store (Chromium incognito:
 * it acts on the regular profile only), a live page of the origin empties its localStorage, sessionStorage,
 * IndexedDB, Cache Storage and service workers before its tab closes (chrome-port.ts).
 */
import type { WebExtApi } from './webext-api';
import { withTimeout } from './webext-tab-storage';

/** Injected into each frame; must stay self-contained (it is serialised). Returns what it cleared. */
export async function clearPageStorage(): Promise<string[]> {
  const cleared: string[] = [];
  const attempt = async (kind: string, work: () => unknown) => {
    try {
      await work();
      cleared.push(kind);
    } catch {
      // Blocked in this frame (sandboxed, storage denied, not a secure context): nothing of it to clear.
    }
  };
  await attempt('localStorage', () => localStorage.clear());
  await attempt('sessionStorage', () => sessionStorage.clear());
  await attempt('cacheStorage', async () => {
    for (const name of await caches.keys()) await caches.delete(name);
  });
  await attempt('indexedDB', async () => {
    for (const { name } of await indexedDB.databases()) {
      if (!name) continue;
      await new Promise((resolve, reject) => {
        const request = indexedDB.deleteDatabase(name);
        request.onsuccess = resolve;
        request.onerror = () => reject(request.error);
        // The page's own open connection blocks it until the tab closes, which it is about to do.
        request.onblocked = resolve;
      });
    }
  });
  await attempt('serviceWorkers', async () => {
    for (const r of await navigator.serviceWorker.getRegistrations()) await r.unregister();
  });
  return cleared;
}

const SCRIPT_TIMEOUT_MS = 3000;

/** Runs `clearPageStorage` in every frame of the tab the extension may script; frames that refuse are skipped. */
export async function clearPageStorageInTab(api: WebExtApi, tabId: number): Promise<void> {
  const run = (target: { tabId: number; allFrames?: boolean; frameIds?: number[] }) =>
    withTimeout(api.scripting.executeScript({ target, func: clearPageStorage }), SCRIPT_TIMEOUT_MS);
  await run({ tabId, allFrames: true }).catch(() => run({ tabId, frameIds: [0] }).catch(() => []));
}
