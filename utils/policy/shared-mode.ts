/**
 * What `sharedComputer: true` in policy turns on, each unless its own policy key says otherwise
 * (utils/settings.ts merges them; docs/it-deployment.md documents them).
 */
import type { ManagedSettings } from './types';

export const SHARED_COMPUTER_DEFAULTS = {
  idleTimeoutSeconds: 300,
  clearDownloads: true,
  clearHistory: true,
  clearFormData: true,
  disablePasswordSaving: true,
} as const satisfies ManagedSettings;
