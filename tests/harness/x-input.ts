/**
 * A person's keyboard and mouse on our own Xvfb display (xvfb.ts), through `xdotool` (Debian package
 * `xdotool`), which sends input with the X server's XTEST extension: the browser receives it exactly as it
 * receives a real keyboard and mouse. That matters for the browser's own UI: a keyboard shortcut registered by
 * an extension (`commands`) and the native context menu never see Playwright's input, which goes through the
 * DevTools protocol straight into the page (checked with Chromium 156: `page.keyboard.press('Alt+Shift+L')`
 * fires no `commands.onCommand`; the same keys from xdotool do).
 */
import { execFile } from 'node:child_process';
import type { Page } from 'playwright-core';
import type { Display } from './xvfb';

function xdotool(display: Display, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      'xdotool',
      args,
      { env: { ...process.env, DISPLAY: display.name }, timeout: 10_000 },
      (error, stdout, stderr) => {
        if (error) {
          const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
          reject(
            new Error(
              missing
                ? 'xdotool is not installed (Debian package xdotool)'
                : `xdotool ${args.join(' ')}: ${stderr || error.message}`,
            ),
          );
        } else resolve(stdout.trim());
      },
    );
  });
}

/** The browser's (only) visible top-level window on `display`, given the input focus. */
async function focusBrowserWindow(display: Display): Promise<string> {
  const windows = (await xdotool(display, ['search', '--onlyvisible', '--class', 'chromium'])).split('\n');
  const win = windows.at(-1);
  if (!win) throw new Error(`no visible Chromium window on ${display.name}`);
  await xdotool(display, ['windowfocus', '--sync', win]);
  return win;
}

/**
 * Presses a key combination (xdotool's names: `alt+shift+l`) on the browser window, as a person does. `page`
 * is brought to the front first, so the keys reach the browser with that tab active.
 */
export async function pressKeys(display: Display, page: Page, combo: string): Promise<void> {
  await page.bringToFront();
  await focusBrowserWindow(display);
  await xdotool(display, ['key', '--clearmodifiers', combo]);
}

/**
 * Right-clicks the page's own document (not one of its frames) with the X pointer and picks the context menu's
 * item whose title starts with `itemTitle`'s first letter, by typing that letter, as a keyboard user does in
 * the open menu: Chromium's menus accept the only item that starts with a typed letter. The point is found by
 * moving the pointer over the window until the page itself reports a `mousemove` there.
 */
export async function chooseFromContextMenu(display: Display, page: Page, itemTitle: string): Promise<void> {
  await page.bringToFront();
  const win = await focusBrowserWindow(display);
  await page.evaluate(() => {
    const w = window as unknown as { pointerSeenAt?: { x: number; y: number } };
    delete w.pointerSeenAt;
    addEventListener('mousemove', (e) => {
      w.pointerSeenAt = { x: e.clientX, y: e.clientY };
    });
  });
  const viewport = await page.evaluate(() => ({ width: innerWidth, height: innerHeight }));
  let at: { x: number; y: number } | undefined;
  // Points spread over the window, from its middle: the first the top document sees is on the page.
  for (const [fx, fy] of [
    [0.5, 0.6],
    [0.3, 0.8],
    [0.7, 0.8],
    [0.2, 0.5],
  ] as const) {
    const x = String(Math.round(viewport.width * fx));
    const y = String(Math.round(viewport.height * fy));
    await xdotool(display, ['mousemove', '--window', win, x, y]);
    await xdotool(display, ['mousemove_relative', '--', '1', '1']);
    at = await page
      .waitForFunction(() => (window as unknown as { pointerSeenAt?: object }).pointerSeenAt, undefined, {
        timeout: 2_000,
      })
      .then((h) => h.jsonValue() as Promise<{ x: number; y: number }>)
      .catch(() => undefined);
    if (at) break;
  }
  if (!at) throw new Error('the X pointer never reached the page’s own document');
  // The menu is a window of its own: type only once it is there.
  const visibleWindows = async () =>
    (await xdotool(display, ['search', '--onlyvisible', '--name', '']).catch(() => '')).split('\n').length;
  const before = await visibleWindows();
  await xdotool(display, ['click', '3']);
  const deadline = Date.now() + 5_000;
  while ((await visibleWindows()) <= before) {
    if (Date.now() > deadline) throw new Error('no context menu opened on the right-click');
    await new Promise((r) => setTimeout(r, 50));
  }
  await xdotool(display, ['key', itemTitle.charAt(0).toLowerCase()]);
}
