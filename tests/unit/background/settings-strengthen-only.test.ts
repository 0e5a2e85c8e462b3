/**
 * #11 item 14: the options page learns from getSettings which settings it may only make stricter: in
 * shared-computer mode the keys shared-mode-guard.ts guards, otherwise none.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { STRENGTHEN_ONLY } from '@/utils/background/shared-mode-guard';
import { createWorld, startWorker } from '../helpers/background-world';

beforeEach(() => {
  fakeBrowser.reset();
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
});

afterEach(() => {
  vi.clearAllTimers();
  vi.useRealTimers();
});

describe('getSettings: strengthenOnly', () => {
  it('none outside shared-computer mode', async () => {
    const bg = await startWorker(createWorld());
    expect(await bg.send('getSettings', {})).toMatchObject({ sharedComputer: false, strengthenOnly: [] });
  });

  it('the keys shared-mode-guard.ts guards, in shared-computer mode', async () => {
    const bg = await startWorker(createWorld({ sharedComputer: true }));
    expect(await bg.send('getSettings', {})).toMatchObject({
      sharedComputer: true,
      strengthenOnly: [...STRENGTHEN_ONLY],
    });
  });
});
