/**
 * Chromium incognito for real-browser tests. Chromium has no policy that allows an extension in incognito: the
 * person (or the test) switches "Allow in Incognito" on, on chrome://extensions — here through the page's own
 * `developerPrivate` call, which reloads the extension. The extension then runs "spanning" (one worker sees
 * normal and incognito tabs), and opens an incognito window with `windows.create({incognito: true})` from one
 * of its pages; playwright-core follows that window's pages as it does any other.
 */
import type { Page } from 'playwright-core';
import type { BrowserCookie, Tab } from './browser-session';
import { type ChromiumSession, chromiumTab, extensionId, waitForExtensionReady } from './chromium';

type Chrome = {
  developerPrivate: {
    updateExtensionConfiguration(
      update: { extensionId: string; incognitoAccess: boolean },
      done: () => void,
    ): void;
  };
  runtime: { lastError?: { message: string } };
  extension: { isAllowedIncognitoAccess(): Promise<boolean> };
  storage: { session: { get(key: string): Promise<Record<string, unknown>> } };
  windows: { create(d: { incognito: boolean; url: string[] }): Promise<unknown> };
  cookies: { getAll(d: { storeId: string; partitionKey: object }): Promise<BrowserCookie[]> };
};
// Inside page.evaluate (the function is sent as text): the page's own `chrome`, typed.
declare const chrome: Chrome;

/** Switches "Allow in Incognito" on for Safe Logout, as a person does on chrome://extensions; waits for the reload. */
export async function allowInIncognito(session: ChromiumSession): Promise<void> {
  const id = await extensionId(session.context);
  const workersBefore = session.context
    .serviceWorkers()
    .filter((w) => w.url().startsWith('chrome-extension://'));
  const settings = await session.context.newPage();
  await settings.goto(`chrome://extensions/?id=${id}`);
  const error = await settings.evaluate(
    (extensionId) =>
      new Promise<string | null>((resolve) =>
        chrome.developerPrivate.updateExtensionConfiguration({ extensionId, incognitoAccess: true }, () =>
          resolve(chrome.runtime.lastError?.message ?? null),
        ),
      ),
    id,
  );
  await settings.close();
  if (error) throw new Error(`could not allow the extension in incognito: ${error}`);
  const deadline = Date.now() + 15_000;
  for (;;) {
    const page = await controlPage(session).catch(() => undefined);
    const allowed = await page
      ?.evaluate(() => chrome.extension.isAllowedIncognitoAccess())
      .catch(() => false);
    await page?.close();
    if (allowed) break;
    if (Date.now() > deadline) throw new Error('the extension was not allowed in incognito');
    await new Promise((r) => setTimeout(r, 200));
  }
  // Switching it on reloads the extension: the old worker goes, and the new one — which finds storage.session
  // empty and takes the reload for a browser start — runs its start-up work (it marks the browser session when
  // done). A person switches this on and then logs in; the old worker answering "ready" must not start the test
  // inside the reload (noted in the handover: a login begun in that gap at an IdP on no list loses its service
  // cookie to the start-up sweep).
  await Promise.all(
    workersBefore.map(
      (w) =>
        new Promise<void>((resolve) => {
          if (!session.context.serviceWorkers().includes(w)) resolve();
          else w.once('close', () => resolve());
        }),
    ),
  );
  for (;;) {
    const page = await controlPage(session).catch(() => undefined);
    const started = await page
      ?.evaluate(async () => (await chrome.storage.session.get('browser-session'))['browser-session'] ?? null)
      .catch(() => null);
    await page?.close();
    if (started) break;
    if (Date.now() > deadline) throw new Error('the reloaded extension did not finish its start-up');
    await new Promise((r) => setTimeout(r, 200));
  }
  await waitForExtensionReady(session.context);
}

async function controlPage(session: ChromiumSession): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(`chrome-extension://${await extensionId(session.context)}/popup.html`);
  return page;
}

/** A new incognito window with one tab on each of `urls`, in that order. */
export async function incognitoWindow(
  session: ChromiumSession,
  urls: readonly string[],
): Promise<Tab<Page>[]> {
  const control = await controlPage(session);
  const pages: Page[] = [];
  const onPage = (p: Page) => void pages.push(p);
  session.context.on('page', onPage);
  try {
    await control.evaluate((url) => chrome.windows.create({ incognito: true, url }), [...urls]);
    const deadline = Date.now() + 15_000;
    while (pages.length < urls.length) {
      if (Date.now() > deadline)
        throw new Error(`the incognito window opened ${pages.length} of ${urls.length} tabs`);
      await new Promise((r) => setTimeout(r, 100));
    }
  } finally {
    session.context.off('page', onPage);
    await control.close();
  }
  await Promise.all(pages.map((p) => p.waitForLoadState('load')));
  const byUrl = (u: string) => pages.find((p) => p.url().startsWith(u)) ?? pages[urls.indexOf(u)]!;
  return urls.map((u) => chromiumTab(byUrl(u)));
}

/** Every cookie of one Chromium cookie store (`'1'`: incognito), partitioned ones included, as the extension reads it. */
export async function cookiesIn(session: ChromiumSession, storeId: string): Promise<BrowserCookie[]> {
  const control = await controlPage(session);
  try {
    return await control.evaluate(
      async (id) =>
        (await chrome.cookies.getAll({ storeId: id, partitionKey: {} })).map((c) => ({
          name: c.name,
          value: c.value,
          domain: c.domain,
          path: c.path,
          storeId: id,
        })),
      storeId,
    );
  } finally {
    await control.close();
  }
}
