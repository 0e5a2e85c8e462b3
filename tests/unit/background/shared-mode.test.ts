/**
 * Shared-computer mode (issue 11, items 13 and 14): after a verified purge nothing of the person's visits
 * stays on disk, and the person at the computer can make the protection stricter, never weaker.
 */
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import {
  createWorld,
  freshBrowserEachTest,
  logInRoundTrip,
  startWorker,
  type Worker,
  type World,
} from '../helpers/background-world';

const ESERVICE = 'https://e-tjanster.jarfalla.se';
const IDP = 'https://login.eidbrygga.net';

let bg: Worker;
let w: World;

/** Everything in the extension's storage on disk, as text. */
const onDisk = async () => JSON.stringify(await fakeBrowser.storage.local.get());

async function logIn(): Promise<number> {
  const tab = w.port.openTab({ url: `${ESERVICE}/` });
  await logInRoundTrip(bg, tab, {
    service: ESERVICE,
    idp: IDP,
    landing: '/mina-sidor?arende=4711',
    onService: () => w.port.setCookie({ name: 'JSESSIONID', domain: 'e-tjanster.jarfalla.se' }),
    atIdp: () => w.port.setCookie({ name: 'idp_sso', domain: 'login.eidbrygga.net' }),
  });
  w.port.setSiteData({ origin: ESERVICE, kind: 'localStorage' });
  return tab;
}

const TRACES = ['jarfalla', 'Järfälla', 'eidbrygga', 'arende', 'mina-sidor'];

freshBrowserEachTest();

describe('nothing of the visits on disk after a verified purge (shared-computer mode)', () => {
  it('the receipt lives in memory; the ledger is emptied; the popup still shows the receipt', async () => {
    w = createWorld({ sharedComputer: true });
    bg = await startWorker(w);
    await logIn();
    // While the session is open the ledger holds what a crash needs: the hosts.
    expect(await onDisk()).toContain('eidbrygga');

    const report = await bg.logOutAll();
    expect(report).toMatchObject({ verified: true, labels: ['Järfälla kommun'] });
    const disk = await onDisk();
    for (const trace of TRACES) expect(disk, trace).not.toContain(trace);
    expect((await bg.status()).lastReport).toEqual(report);
  });

  it('an earlier receipt on disk goes at the first purge in shared-computer mode', async () => {
    w = createWorld();
    bg = await startWorker(w);
    await logIn();
    await bg.logOutAll();
    expect(await onDisk()).toContain('Järfälla');

    const settings = w.ctx.settings;
    w.ctx.settings = async () => ({ ...(await settings()), sharedComputer: true });
    await logIn();
    const report = await bg.logOutAll();
    expect(report).toMatchObject({ verified: true });
    const disk = await onDisk();
    for (const trace of TRACES) expect(disk, trace).not.toContain(trace);
    expect((await bg.status()).lastReport).toEqual(report);
  });

  it('outside shared-computer mode the receipt is kept on disk, as before', async () => {
    w = createWorld();
    bg = await startWorker(w);
    await logIn();
    const report = await bg.logOutAll();
    expect(await bg.storage.lastReport.getValue()).toEqual(report);
  });
});

describe('shared-computer mode cannot be weakened from the options page', () => {
  const settings = () => bg.storage.userSettings.getValue();

  it('turned on by the person: stricter is accepted, weaker refused, and nothing of a refusal is stored', async () => {
    w = createWorld();
    bg = await startWorker(w);
    expect(await bg.send('addCustomDomain', { input: 'minkommun.se' })).toMatchObject({ added: true });
    expect(
      await bg.send('saveSettings', { patch: { sharedComputer: true, graceSeconds: 10 } }),
    ).toMatchObject({
      sharedComputer: true,
    });
    const before = await settings();

    for (const patch of [
      { disabledPacks: ['no'] },
      { graceSeconds: 30 },
      { clearHistory: false },
      { language: 'sv' as const, graceSeconds: 11 },
    ])
      expect(await bg.send('saveSettings', { patch }), JSON.stringify(patch)).toEqual({
        refused: expect.stringMatching(/shared-computer mode: only stricter settings/),
      });
    expect(await bg.send('removeCustomDomain', { domain: 'minkommun.se' })).toEqual({
      refused: expect.stringMatching(/customDomains/),
    });
    expect(await settings()).toEqual(before);

    // Stricter, or neither: accepted.
    expect(
      await bg.send('saveSettings', { patch: { graceSeconds: 0, clearDownloads: true, language: 'fi' } }),
    ).toMatchObject({ graceSeconds: 0, clearDownloads: true, language: 'fi' });
    expect(await bg.send('saveSettings', { patch: { clearDownloads: false } })).toEqual({
      refused: expect.stringMatching(/clearDownloads/),
    });
    expect(await bg.send('addCustomDomain', { input: 'annankommun.se' })).toMatchObject({ added: true });
    expect((await settings()).customDomains).toEqual(['annankommun.se', 'minkommun.se']);
  });

  it('set by IT without lockSettings: a pack switched off before may come back on; none may go off', async () => {
    w = createWorld();
    bg = await startWorker(w);
    expect(await bg.send('saveSettings', { patch: { disabledPacks: ['no', 'dk'] } })).toMatchObject({
      disabledPacks: ['no', 'dk'],
    });
    await fakeBrowser.storage.managed.set({ sharedComputer: true });
    await bg.settled();

    expect(await bg.send('saveSettings', { patch: { disabledPacks: ['dk'] } })).toMatchObject({
      disabledPacks: ['dk'],
    });
    expect(await bg.send('saveSettings', { patch: { disabledPacks: ['dk', 'fi'] } })).toEqual({
      refused: expect.stringMatching(/disabledPacks/),
    });
    expect(await bg.send('saveSettings', { patch: { graceSeconds: 60 } })).toEqual({
      refused: expect.stringMatching(/graceSeconds/),
    });
    expect((await settings()).disabledPacks).toEqual(['dk']);
  });

  it('outside shared-computer mode every setting may be changed either way', async () => {
    w = createWorld();
    bg = await startWorker(w);
    await bg.send('addCustomDomain', { input: 'minkommun.se' });
    expect(
      await bg.send('saveSettings', {
        patch: { disabledPacks: ['no'], graceSeconds: 60, clearHistory: false },
      }),
    ).toMatchObject({ disabledPacks: ['no'], graceSeconds: 60, clearHistory: false });
    expect(await bg.send('removeCustomDomain', { domain: 'minkommun.se' })).toMatchObject({
      customDomains: [],
    });
  });
});
