import { scriptJson } from './http';

/**
 * Scripts that run in the sim's pages (inline, as strings). Plain ES2020 so every browser runs them.
 * Each one sets a `data-*` flag on <body> when done, so a test can wait for it.
 */

export interface StoredProfile {
  prefix: string;
  cachePath: string;
  profile: Record<string, unknown>;
  pending: Record<string, unknown>;
  records: Record<string, unknown>[];
}

/** Writes the person's data to localStorage, sessionStorage, IndexedDB and Cache Storage; then `data-storage-ready`. */
export function writeStorageScript(d: StoredProfile): string {
  return `<script>
(async () => {
  const d = ${scriptJson(d)};
  localStorage.setItem(d.prefix + '.profil', JSON.stringify(d.profile));
  sessionStorage.setItem(d.prefix + '.pagaende', JSON.stringify(d.pending));
  await new Promise((resolve, reject) => {
    const open = indexedDB.open(d.prefix, 1);
    open.onupgradeneeded = () => open.result.createObjectStore('arenden', { keyPath: 'id' });
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const tx = db.transaction('arenden', 'readwrite');
      for (const r of d.records) tx.objectStore('arenden').put(r);
      tx.oncomplete = () => { db.close(); resolve(); };
      tx.onerror = () => reject(tx.error);
    };
  });
  const cache = await caches.open(d.prefix + '-v1');
  await cache.put(d.cachePath, new Response(JSON.stringify(d.profile), { headers: { 'content-type': 'application/json' } }));
  document.body.dataset.storageReady = '1';
})().catch((e) => { document.body.dataset.storageError = String(e); });
</script>`;
}

/**
 * Reads everything the origin holds WITHOUT creating anything (IndexedDB only opens databases that
 * `indexedDB.databases()` lists; Cache Storage only opens names `caches.keys()` lists).
 * Result in `window.simState` and `<pre id="state">`; then `data-state-ready`.
 */
export const readStateScript = `<script>
(async () => {
  const dump = (s) => { const o = {}; for (let i = 0; i < s.length; i++) { const k = s.key(i); o[k] = s.getItem(k); } return o; };
  const indexedDBDump = {};
  for (const info of await indexedDB.databases()) {
    const db = await new Promise((resolve, reject) => {
      const open = indexedDB.open(info.name);
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const stores = {};
    for (const name of Array.from(db.objectStoreNames)) {
      stores[name] = await new Promise((resolve, reject) => {
        const req = db.transaction(name, 'readonly').objectStore(name).getAll();
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
    }
    db.close();
    indexedDBDump[info.name] = stores;
  }
  const cacheDump = {};
  for (const name of await caches.keys()) {
    const cache = await caches.open(name);
    const entries = [];
    for (const req of await cache.keys()) {
      const res = await cache.match(req);
      entries.push({ url: req.url, body: res ? await res.text() : '' });
    }
    cacheDump[name] = entries;
  }
  const state = {
    origin: location.origin,
    documentCookie: document.cookie,
    localStorage: dump(localStorage),
    sessionStorage: dump(sessionStorage),
    indexedDB: indexedDBDump,
    cacheStorage: cacheDump,
  };
  window.simState = state;
  document.getElementById('state').textContent = JSON.stringify(state, null, 2);
  document.body.dataset.stateReady = '1';
})().catch((e) => { document.body.dataset.stateError = String(e); });
</script>`;
