/**
 * The receipt page after a forced logout, opened when the report is there. (A window whose tabs all belonged
 * to the group got it already, before its last tab closed: purge-runner's `windowPage`.) An open receipt tab
 * is reused, so there is never more than one.
 */
import { browser } from 'wxt/browser';

export const RECEIPT_PATH = '/receipt.html';

export interface ReceiptPlacement {
  /** Bring it to the front (the shortcut, the menu, the guard) or leave it behind the popup. */
  active: boolean;
  windowId?: number;
  /** Where in the window's tab strip: next to the tab the person was on. */
  index?: number;
}

export interface ReceiptTabsApi {
  query(q: Record<string, never>): Promise<{ id?: number; windowId?: number; url?: string }[]>;
  create(p: { url: string; active: boolean; windowId?: number; index?: number }): Promise<unknown>;
  update(id: number, p: { url?: string; active: boolean }): Promise<unknown>;
}

/** The receipt page's address. `since`: it shows the first report that finished at or after this time. */
export const receiptUrl = (base: string, since: number) => `${base}?since=${since}`;

/** This extension's receipt page for a logout asked for at `since`. */
export const receiptPageUrl = (since: number) => receiptUrl(browser.runtime.getURL(RECEIPT_PATH), since);

export async function openReceiptTab(
  placement: ReceiptPlacement,
  since: number,
  api: ReceiptTabsApi = browser.tabs as unknown as ReceiptTabsApi,
  base: string = browser.runtime.getURL(RECEIPT_PATH),
): Promise<void> {
  const url = receiptUrl(base, since);
  // Filtered here: extension URLs are not match patterns, and Firefox matches tab URLs differently.
  const open = (await api.query({})).find((t) => typeof t.id === 'number' && t.url?.startsWith(base));
  if (open?.id !== undefined && (placement.windowId === undefined || open.windowId === placement.windowId)) {
    // Already showing this logout (it kept an emptied window open): no reload, only bring it forward.
    if (open.url !== url) await api.update(open.id, { url, active: placement.active });
    else if (placement.active) await api.update(open.id, { active: true });
    return;
  }
  await api.create({
    url,
    active: placement.active,
    ...(placement.windowId !== undefined ? { windowId: placement.windowId } : {}),
    ...(placement.index !== undefined ? { index: placement.index } : {}),
  });
}
