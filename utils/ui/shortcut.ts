/** The keyboard shortcut for "Log out and clear": its command name, and the keys the browser has bound to it. */
import { browser } from 'wxt/browser';

/** `commands` in wxt.config.ts. */
export const LOG_OUT_COMMAND = 'log-out-and-clear';

/** "Alt+Shift+L", or null when the person (or a clash) left it without keys. */
export async function logOutShortcut(): Promise<string | null> {
  try {
    const all = await browser.commands.getAll();
    return all.find((c) => c.name === LOG_OUT_COMMAND)?.shortcut || null;
  } catch {
    return null;
  }
}
