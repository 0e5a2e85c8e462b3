/**
 * Every message, declared once and typed (STYLE.md §6). Only the background handles them; who may send
 * each one is declared here too: destructive commands come only from the extension's own pages, a content
 * script may only report and ask.
 */
import { browser } from 'wxt/browser';
import type { PurgeReport } from './purge/types';

export interface GroupSummary {
  id: string;
  labels: string[];
  hosts: string[];
  tabCount: number;
  startedAt: number;
}

export interface Protocol {
  getStatus: { req: Record<string, never>; res: { groups: GroupSummary[]; lastReport: PurgeReport | null } };
  /** Log out of every protected group and close their tabs. */
  logOutAll: { req: Record<string, never>; res: PurgeReport | null };
  /** Log out of one group ("Only this site"). */
  logOutGroup: { req: { groupId: string }; res: PurgeReport | null };
  /** A protected page saw a click on its own logout control: purge this tab's group once the logout has loaded. */
  logoutClicked: { req: Record<string, never>; res: { accepted: boolean } };
}

export type MessageType = keyof Protocol;

/** Who may send a message: 'extension-page' = a page of this extension; 'content-script' = our script in a web page. */
export const SENDER_POLICY: Record<MessageType, 'extension-page' | 'content-script'> = {
  getStatus: 'extension-page',
  logOutAll: 'extension-page',
  logOutGroup: 'extension-page',
  logoutClicked: 'content-script',
};

export interface Envelope<K extends MessageType = MessageType> {
  type: K;
  data: Protocol[K]['req'];
}

export function sendMessage<K extends MessageType>(
  type: K,
  data: Protocol[K]['req'],
): Promise<Protocol[K]['res']> {
  return browser.runtime.sendMessage({ type, data } satisfies Envelope<K>) as Promise<Protocol[K]['res']>;
}

export function isEnvelope(m: unknown): m is Envelope {
  return (
    typeof m === 'object' &&
    m !== null &&
    typeof (m as Envelope).type === 'string' &&
    Object.hasOwn(SENDER_POLICY, (m as Envelope).type)
  );
}

export interface SenderLike {
  id?: string;
  url?: string;
  origin?: string;
  tab?: { id?: number; url?: string };
  frameId?: number;
}

/** True only for a page of this very extension (popup, receipt, options): not a content script, not a web page. */
export function isExtensionPage(sender: SenderLike, extensionId: string, extensionBaseUrl: string): boolean {
  return (
    sender.id === extensionId && typeof sender.url === 'string' && sender.url.startsWith(extensionBaseUrl)
  );
}

/** True for our own content script, in the top frame of a web page (http/https). */
export function isOwnContentScript(sender: SenderLike, extensionId: string): boolean {
  return (
    sender.id === extensionId &&
    typeof sender.tab?.id === 'number' &&
    (sender.frameId ?? 0) === 0 &&
    typeof sender.url === 'string' &&
    /^https?:/.test(sender.url)
  );
}
