/** The fake browser's download list and the disk its files land on. */
import type { DownloadEntry } from '@/utils/browser-data/port';
import { hostOf } from './fake-hosts';
import type { DownloadSeed } from './fake-port-types';

export function createFakeDownloads(apiPresent: boolean, now: () => number) {
  const downloads = new Map<number, Omit<DownloadEntry, 'exists'>>();
  const disk = new Set<string>();
  let nextId = 1;

  const entry = (d: Omit<DownloadEntry, 'exists'>): DownloadEntry => ({ ...d, exists: disk.has(d.filename) });

  return {
    add(seed: DownloadSeed): number {
      const id = nextId++;
      downloads.set(id, {
        id,
        url: seed.url,
        filename: seed.filename,
        state: seed.state ?? 'complete',
        startTime: seed.startTime ?? now(),
        ...(seed.referrer !== undefined ? { referrer: seed.referrer } : {}),
      });
      if (seed.exists ?? true) disk.add(seed.filename);
      return id;
    },
    find(hosts?: readonly string[], since?: number): DownloadEntry[] {
      if (!apiPresent) return [];
      const wanted = hosts && new Set(hosts.map((h) => h.toLowerCase()));
      const on = (url?: string) => !!wanted && wanted.has(hostOf(url) ?? '');
      return [...downloads.values()]
        .filter((d) => !wanted || on(d.url) || on(d.referrer))
        .filter((d) => since === undefined || (d.startTime ?? 0) >= since)
        .map(entry);
    },
    /** File (partial file of an unfinished download, which is cancelled) and entry go. */
    remove(id: number): void {
      // Without the permission the extension can remove nothing (the API is not there).
      if (!apiPresent) return;
      const download = downloads.get(id);
      if (!download) return;
      disk.delete(download.filename);
      downloads.delete(id);
    },
    deleteFile(filename: string): void {
      disk.delete(filename);
    },
    entries: () => [...downloads.values()].map(entry),
    files: () => [...disk].sort(),
  };
}
