/**
 * The faces in real Chromium, in Swedish and in English (the browser's UI language picks): the popup, the
 * receipt, the options and the in-page guard — clicked through, by keyboard where a person would, checked by
 * axe-core (WCAG 2.2 A/AA and best practices) with zero violations, at 200 % zoom and in forced colours.
 * The forced logout is proven from the popup, the guard, the keyboard shortcut and the context menu: each
 * time the group's cookies are gone and a verified receipt is shown. The browser runs headed on an Xvfb
 * display of the file's own, so the shortcut and the menu are a person's real keys and right-click
 * (x-input.ts: xdotool through the X server; the browser's own UI never sees DevTools input).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import da from '../../public/_locales/da/messages.json';
import en from '../../public/_locales/en/messages.json';
import fi from '../../public/_locales/fi/messages.json';
import nb from '../../public/_locales/nb/messages.json';
import sv from '../../public/_locales/sv/messages.json';
import { type Catalogue, type CatalogueEntry, formatMessage, type MessageKey } from '../../utils/i18n';
import { allCookies, type ChromiumSession, openExtensionPage } from '../harness/chromium';
import { loginAs } from '../harness/person';
import { ANNA } from '../harness/scenario';
import { chooseFromContextMenu, pressKeys } from '../harness/x-input';
import { type Display, startXvfb } from '../harness/xvfb';
import { type Sim, startSim } from '../sim';
import {
  axeViolations,
  controlsUnderGuard,
  focusStop,
  GUARD,
  guardState,
  launchInLanguage,
  noHorizontalScroll,
  openGuardForInspection,
  serviceWorker,
  tabUntil,
  type UiLang,
} from './faces-support';

const CATALOGUES = { sv, en, fi, nb, da } as unknown as Record<string, Catalogue>;
const POLL = { timeout: 30_000, interval: 200 };

let sim: Sim;
let display: Display;
beforeAll(async () => {
  [sim, display] = await Promise.all([startSim(), startXvfb()]);
});
afterAll(async () => {
  await display?.close();
  await sim?.close();
});

describe.each<UiLang>(['sv', 'en'])('the faces, browser in %s', (lang) => {
  const L = (key: MessageKey, ...subs: (string | number)[]) =>
    formatMessage(CATALOGUES[lang]![key] as CatalogueEntry, subs.map(String));
  let session: ChromiumSession;

  beforeAll(async () => {
    session = await launchInLanguage(sim, lang, display);
  });
  afterAll(async () => {
    await session?.close();
  });

  const ssoCookieLeft = async () =>
    (await allCookies(session.context)).some((c) => c.name === sim.idpCookies.sso);
  const worker = () => serviceWorker(session.context);
  const badge = async () =>
    (await worker()).evaluate(async () => {
      const action = (globalThis as unknown as { chrome: { action: Record<string, (d: object) => unknown> } })
        .chrome.action;
      return { text: await action.getBadgeText!({}), title: await action.getTitle!({}) };
    });
  /** Anna logs in to the kommun e-service; the tab stays on "Mina sidor" with the guard on it. */
  const annaLogsIn = async (): Promise<Page> => {
    const page = await session.context.newPage();
    await loginAs(page, sim.urls.kommun, ANNA);
    await expect.poll(async () => (await badge()).text, POLL).toBe('1');
    return page;
  };
  /** The receipt of the purge that started at or after `after` (the background keeps the last one). */
  const reportSince = async (after: number) => {
    // Where the product keeps the last receipt: in memory (storage.session) in shared-computer mode, which an
    // earlier test of this file switches on, else on disk.
    const last = async () =>
      (await worker()).evaluate(async () => {
        type Area = { get: (k: string) => Promise<Record<string, unknown>> };
        const { session, local } = (
          globalThis as unknown as { chrome: { storage: { session: Area; local: Area } } }
        ).chrome.storage;
        return ((await session.get('last-report'))['last-report'] ??
          (await local.get('last-report'))['last-report']) as
          | { startedAt: number; verified: boolean }
          | undefined;
      });
    await expect.poll(async () => ((await last())?.startedAt ?? 0) >= after, POLL).toBe(true);
    return (await last())!;
  };
  /** The receipt page opened for a logout asked for at or after `after`. */
  const receiptTab = async (after: number): Promise<Page> => {
    const fresh = (p: Page) => {
      const m = /\/receipt\.html\?since=(\d+)$/.exec(p.url());
      return m !== null && Number(m[1]) >= after;
    };
    await expect.poll(() => session.context.pages().some(fresh), POLL).toBe(true);
    return session.context.pages().find(fresh)!;
  };
  /** The receipt page shows a verified receipt, in this language, with site names and counts only. */
  const expectVerifiedReceiptPage = async (receipt: Page) => {
    const live = receipt.getByRole('status');
    await expect.poll(() => live.getAttribute('data-verified'), POLL).toBe('true');
    expect(await live.getAttribute('aria-live')).toBe('polite');
    const text = await live.textContent();
    expect(text).toContain(L('receiptTitle'));
    expect(text).toContain(L('receiptSites', 'Järfälla kommun'));
    expect(text).toContain(L('receiptCheckedAgain'));
    expect(text).toContain(L('receiptLeave'));
    for (const personal of [ANNA.name, ANNA.personnummer, sim.idpCookies.sso])
      expect(text, 'no personal data in the receipt').not.toContain(personal);
    expect(new URL(receipt.url()).search).toMatch(/^\?since=\d+$/);
    expect(await receipt.title()).toBe(L('receiptDocTitle'));
    expect(await receipt.evaluate(() => document.documentElement.lang)).toBe(lang);
    // The title gets focus: keyboard and screen-reader users start at the receipt.
    expect((await focusStop(receipt)).name).toContain(L('receiptTitle'));
    expect(await axeViolations(receipt)).toEqual([]);
  };

  /**
   * A forced logout asked for at `asked` from Anna's `page`: its receipt verified, the SSO cookie gone, her tab
   * closed, the receipt page opened and verified. Returns the receipt page.
   */
  const expectForcedLogout = async (page: Page, asked: number): Promise<Page> => {
    const report = await reportSince(asked);
    expect(report.verified).toBe(true);
    expect(await ssoCookieLeft()).toBe(false);
    await expect.poll(() => page.isClosed(), POLL).toBe(true);
    const receipt = await receiptTab(asked);
    await expectVerifiedReceiptPage(receipt);
    return receipt;
  };

  it('speaks the browser’s language: every message as the browser itself formats it', async () => {
    const popup = await openExtensionPage(session.context, 'popup.html');
    // Our own formatter (used when the options pick a language) against the browser's getMessage.
    const keys = Object.keys(CATALOGUES.en!) as MessageKey[];
    const fromBrowser = await popup.evaluate(
      (keys) =>
        Object.fromEntries(
          keys.map((k) => [
            k,
            (
              globalThis as unknown as {
                chrome: { i18n: { getMessage: (k: string, s: string[]) => string } };
              }
            ).chrome.i18n.getMessage(k, ['7', 'minkommun.se']),
          ]),
        ),
      keys,
    );
    for (const k of keys) expect(fromBrowser[k], k).toBe(L(k, '7', 'minkommun.se'));
    await popup.close();
  });

  it('popup with nothing protected: says so calmly; keyboard reaches the big button first; axe clean', async () => {
    const popup = await openExtensionPage(session.context, 'popup.html');
    await expect.poll(() => popup.getByText(L('noSessions')).isVisible(), POLL).toBe(true);
    expect(await popup.evaluate(() => document.documentElement.lang)).toBe(lang);
    expect(await popup.getByRole('heading', { level: 1 }).textContent()).toBe(L('extName'));
    const first = await tabUntil(popup, () => true, 1);
    expect(first[0]).toMatchObject({ tag: 'button', visibleIndicator: true });
    expect(first[0]!.name).toBe(L('logOutAndClear'));
    expect(await axeViolations(popup)).toEqual([]);
    expect(await badge()).toEqual({ text: '', title: L('badgeTitleNone') });
    await popup.close();
  });

  it('a protected session: badge 1, popup lists it by its human name, the guard shows on the page only', async () => {
    const page = await annaLogsIn();
    expect((await badge()).title).toBe(L('badgeTitle', 1));

    const popup = await openExtensionPage(session.context, 'popup.html');
    const item = popup.locator('.sessions li');
    await expect.poll(() => item.count(), POLL).toBe(1);
    expect(await item.locator('.session-line').textContent()).toBe(
      `Järfälla kommun — ${sim.hosts.kommun} + ${L('loginService')}`,
    );
    expect(await item.textContent()).toContain(L('sessionTabs', 1));
    const only = popup.getByRole('button', { name: L('onlyThisSite') });
    expect(await only.getAttribute('aria-describedby')).toBeTruthy();
    expect(await axeViolations(popup)).toEqual([]);
    await popup.close();

    // The guard: small, in this language, on a corner where it covers none of the page's controls.
    await openGuardForInspection(page);
    const g = await guardState(page);
    expect(g).toMatchObject({ minimised: false, shared: null });
    expect(g!.logOut!.text).toBe(L('logOutAndClear'));
    expect(g!.place).toMatch(/^(bottom|top)-(right|left)$/);
    expect(g!.panel!.height).toBeLessThan(120);
    expect(await controlsUnderGuard(page)).toEqual([]);
    expect(await axeViolations(page, GUARD)).toEqual([]);
    // Page CSS cannot reach it: a hostile rule on every element changes nothing inside or on the host.
    await page.addStyleTag({
      content: `* { display: none !important; color: lime !important; font-size: 4px !important }`,
    });
    await page.addStyleTag({ content: `body, html { display: block !important }` });
    const after = await guardState(page);
    expect(after!.logOut!.box).toEqual(g!.logOut!.box);
    await page.reload();
    await page.locator('body[data-page="overview"]').waitFor();
    await openGuardForInspection(page);

    // Nothing is injected into the unrelated newspaper.
    const paper = await session.context.newPage();
    await paper.goto(sim.urls.newspaper.start);
    await paper.locator('body[data-storage-ready]').waitFor();
    await paper.waitForTimeout(300); // content scripts run at document_idle; give one a chance to (wrongly) appear
    expect(await paper.locator(GUARD).count()).toBe(0);
    await paper.close();
  });

  it('the guard by keyboard alone: reachable, visible focus, minimises and comes back', async () => {
    const page = session.context.pages().find((p) => p.url().startsWith(sim.urls.kommun.origin))!;
    await page.bringToFront();
    await page.locator('body').click({ position: { x: 5, y: 200 } }); // start from the page, not the address bar
    const stops = await tabUntil(page, (s) => s.inGuard && s.name === L('logOutAndClear'));
    expect(
      stops.filter((s) => s.inGuard && !s.visibleIndicator),
      'the guard shows focus',
    ).toEqual([]);
    await page.keyboard.press('Tab');
    expect(await focusStop(page)).toMatchObject({ inGuard: true, name: L('guardMinimise') });
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await guardState(page))?.minimised, POLL).toBe(true);
    await expect.poll(() => focusStop(page), POLL).toMatchObject({ inGuard: true, name: L('guardRestore') });
    expect((await guardState(page))!.restore!.width).toBeLessThanOrEqual(52);
    expect(await controlsUnderGuard(page)).toEqual([]);
    expect(await axeViolations(page, GUARD)).toEqual([]);
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await guardState(page))?.minimised, POLL).toBe(false);
    await expect.poll(() => focusStop(page), POLL).toMatchObject({ inGuard: true, name: L('guardMinimise') });
  });

  it('options: what each setting does, packs per country, custom domains validated and registered at run time, shared-computer mode by keyboard', async () => {
    const options = await openExtensionPage(session.context, 'options.html');
    await options.getByRole('heading', { level: 1, name: L('optionsTitle') }).waitFor();
    expect(await options.title()).toBe(L('optionsTitle'));
    for (const k of [
      'optSharedHelp',
      'optGraceHelp',
      'optHistoryHelp',
      'optPacksHelp',
      'optCustomHelp',
    ] as const)
      expect(await options.getByText(L(k)).isVisible(), k).toBe(true);
    for (const k of ['countrySE', 'countryNO', 'countryDK', 'countryFI', 'countryNordic'] as const)
      expect(await options.getByRole('group', { name: L(k) }).isVisible(), k).toBe(true);
    // Every country has its municipalities' pack: the Swedish one, in its country's group.
    expect(
      await options
        .locator('fieldset[data-country="SE"]')
        .getByRole('checkbox', { name: L('packSeKommuner') })
        .isChecked(),
    ).toBe(true);
    expect(await axeViolations(options)).toEqual([]);

    // Custom domains, with the core's validation: a public suffix is refused in plain words…
    const field = options.getByLabel(L('optCustomInput'));
    await field.fill('se');
    await field.press('Enter');
    await expect
      .poll(() => options.locator('#custom-message').textContent(), POLL)
      .toBe(L('domErrPublicSuffix'));
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    expect(await axeViolations(options)).toEqual([]);
    // …a URL is trimmed to its domain, and the newspaper becomes protected: the guard is registered there.
    await field.fill(`https://${sim.hosts.newspaper}/nyheter?id=1`);
    await field.press('Enter');
    await expect
      .poll(() => options.locator('#custom-message').textContent(), POLL)
      .toBe(`${L('optCustomAdded', sim.hosts.newspaper)} ${L('optCustomOnlyDomain')}`);
    const paper = await session.context.newPage();
    await expect
      .poll(async () => {
        await paper.goto(sim.urls.newspaper.start);
        await paper.locator('body[data-storage-ready]').waitFor();
        return paper.locator(`${GUARD}[data-place]`).count();
      }, POLL)
      .toBe(1);
    await options.bringToFront();
    await options.getByRole('button', { name: L('optRemoveFor', sim.hosts.newspaper) }).click();
    await expect
      .poll(() => options.locator('#custom-message').textContent(), POLL)
      .toBe(L('optCustomRemoved', sim.hosts.newspaper));
    await expect
      .poll(async () => {
        await paper.goto(sim.urls.newspaper.start);
        await paper.locator('body[data-storage-ready]').waitFor();
        await paper.waitForTimeout(300);
        return paper.locator(GUARD).count();
      }, POLL)
      .toBe(0);
    await paper.close();

    // Shared-computer mode, by keyboard alone, with a visible focus on every stop on the way.
    await options.bringToFront();
    await options.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    const stops = await tabUntil(options, (s) => s.name === L('optShared'));
    expect(stops.filter((s) => !s.visibleIndicator)).toEqual([]);
    await options.keyboard.press('Space');
    await expect.poll(() => options.getByRole('status').last().textContent(), POLL).toBe(L('optSaved'));
    expect(await options.getByRole('checkbox', { name: L('optShared') }).isChecked()).toBe(true);
    await options.close();
  });

  it('the guard shows the shared-computer banner; its “Log out and clear” (keyboard) logs out this site and opens the receipt', async () => {
    const page = session.context.pages().find((p) => p.url().startsWith(sim.urls.kommun.origin))!;
    await page.bringToFront();
    await openGuardForInspection(page);
    await expect.poll(async () => (await guardState(page))?.shared, POLL).toBe(L('guardShared'));
    expect(await controlsUnderGuard(page)).toEqual([]);
    expect(await axeViolations(page, GUARD)).toEqual([]);

    await page.locator('body').click({ position: { x: 5, y: 200 } });
    await tabUntil(page, (s) => s.inGuard && s.name === L('logOutAndClear'));
    const asked = Date.now();
    // The purge may close this very tab before the key is released.
    await page.keyboard.press('Enter').catch((e: unknown) => {
      if (!page.isClosed()) throw e;
    });
    const receipt = await receiptTab(asked);
    await expectVerifiedReceiptPage(receipt);
    await expect.poll(() => page.isClosed(), POLL).toBe(true);
    expect(await ssoCookieLeft()).toBe(false);
    await expect.poll(async () => (await badge()).text, POLL).toBe('');
    await receipt.close();
  });

  it('forced logout from the popup: the receipt appears in the popup, announced and verified', async () => {
    const page = await annaLogsIn();
    const popup = await openExtensionPage(session.context, 'popup.html');
    const live = popup.locator('[role="status"]');
    await live.waitFor({ state: 'attached' });
    expect(await live.getAttribute('aria-live')).toBe('polite'); // there before the receipt: it is announced
    const asked = Date.now();
    await popup.getByRole('button', { name: L('logOutAndClear') }).click();
    await expect.poll(() => live.getAttribute('data-verified'), POLL).toBe('true');
    expect(await live.textContent()).toContain(L('receiptTitle'));
    expect(await live.textContent()).toContain(L('receiptVerified'));
    expect(await axeViolations(popup)).toEqual([]);
    await expect.poll(() => page.isClosed(), POLL).toBe(true);
    expect(await ssoCookieLeft()).toBe(false);
    // Every forced purge also has its receipt page (here behind the popup, which keeps the focus).
    const receipt = await receiptTab(asked);
    await expectVerifiedReceiptPage(receipt);
    await receipt.close();
    await popup.close();
  });

  it('forced logout from the keyboard shortcut: Alt+Shift+L pressed on the page', async () => {
    const page = await annaLogsIn();
    const commands = await (await worker()).evaluate(() =>
      (
        globalThis as unknown as { chrome: { commands: { getAll: () => Promise<unknown> } } }
      ).chrome.commands.getAll(),
    );
    expect(commands).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'log-out-and-clear', shortcut: 'Alt+Shift+L' }),
      ]),
    );
    const asked = Date.now();
    await pressKeys(display, page, 'alt+shift+l');
    const receipt = await expectForcedLogout(page, asked);
    await receipt.close();
  });

  it('forced logout from the context menu: right-click on the page, its item chosen (the item exists on protected pages and the toolbar button)', async () => {
    const page = await annaLogsIn();
    const w = await worker();
    // `update` rejects for an item that does not exist.
    for (const id of ['log-out-and-clear', 'log-out-and-clear-action'])
      await w.evaluate(
        (id) =>
          (
            globalThis as unknown as {
              chrome: { contextMenus: { update: (i: string, p: object) => Promise<void> } };
            }
          ).chrome.contextMenus.update(id, {}),
        id,
      );
    const tab = await w.evaluate(
      async (origin) =>
        (
          await (
            globalThis as unknown as {
              chrome: { tabs: { query: (q: object) => Promise<{ url?: string }[]> } };
            }
          ).chrome.tabs.query({})
        ).find((t) => t.url?.startsWith(origin)),
      sim.urls.kommun.origin,
    );
    expect(tab).toBeTruthy();
    const asked = Date.now();
    await chooseFromContextMenu(display, page, L('logOutAndClear'));
    const receipt = await expectForcedLogout(page, asked);
    expect(await receipt.evaluate(() => document.visibilityState)).toBe('visible');
    await receipt.close();
  });

  it('the options can override the browser’s language, and “automatic” gives it back', async () => {
    const other: UiLang = lang === 'sv' ? 'en' : 'sv';
    const O = (key: MessageKey) => formatMessage(CATALOGUES[other]![key] as CatalogueEntry, []);
    const options = await openExtensionPage(session.context, 'options.html');
    const select = options.getByLabel(L('optLanguage'));
    await select.selectOption(other);
    await options.getByRole('heading', { level: 1, name: O('optionsTitle') }).waitFor({ timeout: 30_000 });
    expect(await options.evaluate(() => document.documentElement.lang)).toBe(other);
    expect(await options.getByRole('status').last().textContent()).toBe(O('optSaved'));
    const popup = await openExtensionPage(session.context, 'popup.html');
    await popup.getByRole('button', { name: O('logOutAndClear') }).waitFor({ timeout: 30_000 });
    expect(await axeViolations(options)).toEqual([]);
    await popup.close();
    await options.getByLabel(O('optLanguage')).selectOption('auto');
    await options.getByRole('heading', { level: 1, name: L('optionsTitle') }).waitFor({ timeout: 30_000 });
    expect(await options.evaluate(() => document.documentElement.lang)).toBe(lang);
    await options.close();
  });

  it('200 % zoom and forced colours: everything fits, nothing is hidden, axe stays clean', async () => {
    // 200 % zoom lays a page out in half the CSS pixels: a 1280 px window becomes 640 px wide, the popup
    // (at most 800 px) 400 px.
    const page = await annaLogsIn();
    await page.setViewportSize({ width: 550, height: 400 });
    await openGuardForInspection(page);
    for (const y of [0, 10_000]) {
      await page.evaluate((y) => scrollTo(0, y), y);
      await expect.poll(() => controlsUnderGuard(page), POLL).toEqual([]);
    }
    const faces: [string, { width: number; height: number }][] = [
      ['popup.html', { width: 400, height: 300 }],
      ['options.html', { width: 640, height: 400 }],
      ['receipt.html', { width: 640, height: 400 }],
    ];
    for (const [path, viewport] of faces) {
      const p = await openExtensionPage(session.context, path);
      await p.setViewportSize(viewport);
      await p.locator('main h1').first().waitFor();
      expect(await noHorizontalScroll(p), `${path} reflows at 200 %`).toBe(true);
      await p.emulateMedia({ forcedColors: 'active' });
      expect(await axeViolations(p), `${path} in forced colours`).toEqual([]);
      await p.close();
    }
    const popup = await openExtensionPage(session.context, 'popup.html');
    await popup.emulateMedia({ forcedColors: 'active' });
    const border = await popup
      .getByRole('button', { name: L('logOutAndClear') })
      .evaluate((b) => `${getComputedStyle(b).borderTopStyle} ${getComputedStyle(b).borderTopWidth}`);
    expect(border).toBe('solid 2px'); // the button keeps an outline when colours are forced
    await page.emulateMedia({ forcedColors: 'active' });
    expect(await axeViolations(page, GUARD)).toEqual([]);
    await popup.getByRole('button', { name: L('logOutAndClear') }).click();
    await expect.poll(() => popup.getByRole('status').getAttribute('data-verified'), POLL).toBe('true');
    await popup.close();
  });
});
