/**
 * Form suggestions, in real Chromium: what Anna typed on the IdP's BankID page (her name and personnummer) is
 * saved by the browser and offered to the next person in the same fields. Without the extension it is in the
 * profile after she leaves; with it, the purge removes it. Read from the profile once the browser has closed.
 *
 * Browsers keep form suggestions by field name for every site and remove them only by time, so other sites'
 * go too: Safe Logout does it only with `clearFormData` on (shared-computer mode, or IT's own key, as here by
 * policy — `sharedComputer` would also turn password saving and autofill off, and nothing would be saved).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allCookies, launchChromium } from '../harness/chromium';
import { savedFormEntries } from '../harness/form-data';
import { type ChromiumPolicy, chromiumPolicy, extensionPolicy, waitForSettings } from '../harness/policy';
import { ANNA, firstPersonVisit } from '../harness/scenario';
import { type Sim, startSim } from '../sim';

let sim: Sim;
let policy: ChromiumPolicy;

beforeAll(async () => {
  sim = await startSim();
  policy = await chromiumPolicy();
  await policy.write(extensionPolicy({ clearFormData: true }));
});

afterAll(async () => {
  await policy?.dispose(); // the policy file goes even when a test failed
  await sim?.close();
});

/** Anna visits and closes her tab; once the group's cookies are gone (or at once, without the extension), the browser closes. */
async function formEntriesAfterAnna(withExtension: boolean) {
  const profileDir = await mkdtemp(join(tmpdir(), 'safe-logout-form-data-'));
  try {
    const session = await launchChromium(sim, { withExtension, profileDir });
    try {
      if (withExtension) await waitForSettings(session.context, (s) => s.clearFormData);
      const page = await firstPersonVisit(session, sim, ANNA);
      await page.close();
      if (withExtension) {
        const deadline = Date.now() + 20_000;
        while ((await allCookies(session.context)).some((c) => c.name === sim.idpCookies.sso)) {
          if (Date.now() > deadline) throw new Error('the purge did not come');
          await new Promise((r) => setTimeout(r, 100));
        }
      }
    } finally {
      await session.close();
    }
    return await savedFormEntries(profileDir);
  } finally {
    await rm(profileDir, { recursive: true, force: true });
  }
}

describe('form suggestions', () => {
  it('control: without the extension, the browser keeps her name and personnummer for the next person', async () => {
    const entries = await formEntriesAfterAnna(false);
    expect(entries).toEqual(
      expect.arrayContaining([
        { field: 'name', value: ANNA.name },
        { field: 'personnummer', value: ANNA.personnummer },
      ]),
    );
  });

  it('with Safe Logout: after her last tab closes, nothing she typed is offered any more', async () => {
    const entries = await formEntriesAfterAnna(true);
    expect(entries.filter((e) => e.value === ANNA.name || e.value === ANNA.personnummer)).toEqual([]);
  });
});
