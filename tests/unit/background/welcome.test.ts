/**
 * The welcome page opens when a person installs Safe Logout — never for IT's force-install, an update or a
 * browser start. The real background over WXT's fake browser; the browser's answer to management.getSelf()
 * is the only thing given (the fake browser does not implement it).
 */
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { isPersonsInstall } from '@/utils/background/welcome';
import { createWorld, freshBrowserEachTest, startWorker } from '../helpers/background-world';

freshBrowserEachTest();

const welcomeTabs = async () =>
  (await fakeBrowser.tabs.query({})).filter((t) => t.url?.endsWith('/welcome.html'));

/** A worker started as the browser starts it, with what getSelf() answers (a rejection: it could not say). */
async function start(
  installed: { reason: string; previousVersion?: string } | undefined,
  installType: string | Error,
) {
  vi.spyOn(fakeBrowser.management, 'getSelf').mockImplementation(async () => {
    if (installType instanceof Error) throw installType;
    return { installType } as never;
  });
  await startWorker(createWorld(), installed ? { installed } : {});
  await settled();
}
/** The background's promise chains (getSelf, then tabs.create) have run: the same wait for yes and for no. */
async function settled() {
  for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
}

describe('the install decision', () => {
  it.each([
    ['install', 'normal', true],
    ['install', 'development', true],
    ['install', 'sideload', true],
    ['install', 'other', true],
    ['install', 'admin', false],
    ['install', undefined, false],
    ['update', 'normal', false],
    ['update', 'admin', false],
    ['chrome_update', 'normal', false],
    ['browser_update', 'normal', false],
    ['shared_module_update', 'normal', false],
  ] as const)('%s by %s → welcome %s', (reason, installType, welcome) => {
    expect(isPersonsInstall({ reason, installType })).toBe(welcome);
  });
});

describe('the real background', () => {
  it('a person installs it (from a store, or unpacked): the welcome page opens, once', async () => {
    await start({ reason: 'install' }, 'normal');
    expect(await welcomeTabs()).toHaveLength(1);
  });

  it('IT force-installed it: no welcome page', async () => {
    await start({ reason: 'install' }, 'admin');
    expect(await welcomeTabs()).toEqual([]);
  });

  it('the browser could not say who installed it: no welcome page (a shared computer must not get one)', async () => {
    await start({ reason: 'install' }, new Error('getSelf failed'));
    expect(await welcomeTabs()).toEqual([]);
  });

  it('an update, or a browser start: no welcome page', async () => {
    await start({ reason: 'update', previousVersion: '0.0.9' }, 'normal');
    expect(await welcomeTabs()).toEqual([]);
    fakeBrowser.reset();
    await start(undefined, 'normal');
    expect(await welcomeTabs()).toEqual([]);
  });
});
