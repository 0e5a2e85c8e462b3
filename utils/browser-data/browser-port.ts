/**
 * The background's one entry to the browser's data: the port of the engine this build is for, and
 * what the background must know beside it. The engine is a build-time constant, so each build carries
 * one adapter (chrome-port.ts or firefox-port.ts) and nothing asks "which engine?" at run time.
 */
import { createChromePort } from './chrome-port';
import { createFirefoxPort } from './firefox-port';
import type { BrowserDataPort } from './port';
import type { WebExtApi } from './webext-api';

export interface EnginePorts {
  port: BrowserDataPort;
  /**
   * A tab the adapter opened for its own work (Firefox Cache Storage): its navigation is not the
   * person's browsing, so session tracking ignores its events.
   */
  isOwnTab(tabId: number): boolean;
}

export function createBrowserPorts(api: WebExtApi): EnginePorts {
  return import.meta.env.FIREFOX ? createFirefoxPort(api) : createChromePort(api);
}
