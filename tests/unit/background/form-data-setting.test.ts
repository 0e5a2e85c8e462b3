/**
 * #11 item 7: the options page's "Delete form suggestions" toggle reaches the setting through the real
 * background (saveSettings), and shared-computer mode keeps it from being weakened; IT's key locks it.
 */
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { createWorld, freshBrowserEachTest, startWorker } from '../helpers/background-world';

freshBrowserEachTest();

describe('the clearFormData setting from the options page', () => {
  it('off by default; the person may turn it on and off outside shared-computer mode', async () => {
    const bg = await startWorker(createWorld());
    expect(await bg.send('getSettings', {})).toMatchObject({ clearFormData: false });
    expect(await bg.send('saveSettings', { patch: { clearFormData: true } })).toMatchObject({
      clearFormData: true,
    });
    expect(await bg.send('saveSettings', { patch: { clearFormData: false } })).toMatchObject({
      clearFormData: false,
    });
    expect(await bg.send('saveSettings', { patch: { clearFormData: 'yes' } as never })).toEqual({
      refused: expect.stringMatching(/clearFormData/),
    });
  });

  it('in shared-computer mode turned on by the person it may go on, never off', async () => {
    const bg = await startWorker(createWorld());
    await bg.send('saveSettings', { patch: { sharedComputer: true } });
    expect(await bg.send('saveSettings', { patch: { clearFormData: true } })).toMatchObject({
      clearFormData: true,
    });
    expect(await bg.send('saveSettings', { patch: { clearFormData: false } })).toEqual({
      refused: expect.stringMatching(/shared-computer mode: only stricter settings: clearFormData/),
    });
  });

  it('shared-computer mode from IT: on and locked', async () => {
    await fakeBrowser.storage.managed.set({ sharedComputer: true });
    const bg = await startWorker(createWorld());
    // The settings in force as saveSettings answers them (IT's policy read from managed storage).
    const s = await bg.send('saveSettings', { patch: { language: 'sv' } });
    expect(s).toMatchObject({ clearFormData: true, sharedComputer: true });
    expect((s as { locked: string[] }).locked).toContain('clearFormData');
    expect(await bg.send('saveSettings', { patch: { clearFormData: false } })).toEqual({
      refused: expect.stringMatching(/managed by policy: clearFormData/),
    });
  });
});
