/** Downloads and their files, the same in both engines. The `downloads` permission is optional. */
import { hostnameOf } from './domains';
import type { DownloadEntry } from './port';
import type { RawDownload, WebExtApi } from './webext-api';

const DOWNLOAD_STATES = new Set<DownloadEntry['state']>(['in_progress', 'interrupted', 'complete']);

function toDownloadEntry(raw: RawDownload): DownloadEntry {
  return {
    id: raw.id,
    url: raw.finalUrl || raw.url,
    filename: raw.filename,
    exists: raw.exists,
    state: DOWNLOAD_STATES.has(raw.state as DownloadEntry['state'])
      ? (raw.state as DownloadEntry['state'])
      : 'interrupted',
    ...(raw.referrer ? { referrer: raw.referrer } : {}),
    ...(startedAt(raw) !== undefined ? { startTime: startedAt(raw) } : {}),
  };
}

const startedAt = (raw: RawDownload): number | undefined => {
  const ms = raw.startTime ? Date.parse(raw.startTime) : Number.NaN;
  return Number.isNaN(ms) ? undefined : ms;
};

export async function findDownloads(
  api: WebExtApi,
  hosts?: readonly string[],
  since?: number,
): Promise<DownloadEntry[]> {
  // Without the `downloads` permission the namespace is absent: there is nothing we could remove.
  if (!api.downloads) return [];
  const wanted = hosts && new Set(hosts.map((h) => h.toLowerCase()));
  const on = (url?: string) => !!wanted && wanted.has(hostnameOf(url) ?? '');
  return (
    (await api.downloads.search({}))
      .filter((d) => !wanted || on(d.url) || on(d.finalUrl) || on(d.referrer))
      // Started before `since` (or at an unknown time): not the session's download.
      .filter((d) => since === undefined || (startedAt(d) ?? Number.NEGATIVE_INFINITY) >= since)
      .map(toDownloadEntry)
  );
}

export async function removeDownload(api: WebExtApi, id: number): Promise<void> {
  const downloads = api.downloads;
  if (!downloads) return;
  const [item] = await downloads.search({ id });
  if (!item) return; // already erased
  // An unfinished download has no file to remove yet: cancelling deletes the partial file.
  if (item.state === 'in_progress') await downloads.cancel(id).catch(() => undefined);
  else if (item.exists) await downloads.removeFile(id);
  await downloads.erase({ id });
}
