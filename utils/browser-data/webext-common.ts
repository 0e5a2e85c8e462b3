/**
 * The part of `BrowserDataPort` both engines implement alike (history, downloads, form data, the tab
 * list); chrome-port.ts and firefox-port.ts add what each engine does its own way.
 */
import type { BrowserDataPort } from './port';
import type { WebExtApi } from './webext-api';
import { findDownloads, removeDownload } from './webext-downloads';
import { findHistory } from './webext-history';
import { listTabs } from './webext-tabs';

export type CommonPortMethods = Pick<
  BrowserDataPort,
  | 'findHistory'
  | 'deleteHistory'
  | 'findDownloads'
  | 'removeDownload'
  | 'removeFormData'
  | 'removeHttpCache'
  | 'listTabs'
>;

/** `isOwnTab`: tabs the adapter opened for its own work, left out of `listTabs`. */
export function commonPortMethods(api: WebExtApi, isOwnTab: (tabId: number) => boolean): CommonPortMethods {
  return {
    findHistory: (hosts, since) => findHistory(api, hosts, since),
    async deleteHistory(url) {
      await api.history.deleteUrl({ url });
    },
    findDownloads: (hosts, since) => findDownloads(api, hosts, since),
    removeDownload: (id) => removeDownload(api, id),
    async removeFormData(since) {
      await api.browsingData.remove({ since }, { formData: true });
    },
    async removeHttpCache(since) {
      await api.browsingData.remove({ since }, { cache: true });
    },
    listTabs: () => listTabs(api, isOwnTab),
  };
}
