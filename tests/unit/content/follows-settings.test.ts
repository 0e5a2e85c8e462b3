/**
 * The content script runs in every protected page: it follows only what it shows (the settings item and the
 * IT policy the background read), not every write to the extension's storage (the ledger, the last receipt,
 * the session state…), which would wake every protected page for nothing and tell it when purges happen.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { followSettings } from '@/entrypoints/logout-watch.content/guard';
import { DEFAULT_SETTINGS } from '@/utils/settings';
import { lastReport, ledger, managedCache, sessionState, userSettings } from '@/utils/storage';

const CONTENT_DIR = join(__dirname, '../../../entrypoints/logout-watch.content');
const settle = () => new Promise((r) => setTimeout(r, 0));

beforeEach(() => fakeBrowser.reset());

describe('the content script listens only to what it needs', () => {
  it('a write to the ledger, the last receipt or the session state reaches nothing; the settings and the policy do', async () => {
    let changes = 0;
    const stop = followSettings(() => changes++);
    await ledger.setValue({});
    await lastReport.setValue(null);
    await sessionState.setValue({ v: 2, groups: {}, tabs: {} });
    await fakeBrowser.storage.local.set({ installation: { at: 1 } });
    await settle();
    expect(changes).toBe(0);

    await userSettings.setValue({ ...DEFAULT_SETTINGS, sharedComputer: true });
    await settle();
    expect(changes).toBe(1);
    await managedCache.setValue({ sharedComputer: true });
    await settle();
    expect(changes).toBe(2);

    stop();
    await userSettings.setValue({ ...DEFAULT_SETTINGS, language: 'fi' });
    await settle();
    expect(changes).toBe(2);
  });

  it('no part of the content script listens to a whole storage area', () => {
    for (const file of readdirSync(CONTENT_DIR)) {
      if (!/\.tsx?$/.test(file)) continue;
      const source = readFileSync(join(CONTENT_DIR, file), 'utf8');
      expect(source, file).not.toMatch(/storage\s*\.\s*onChanged/);
      expect(source, file).not.toMatch(/storage\s*\.\s*(local|sync|managed|session)\s*\.\s*onChanged/);
    }
  });
});
