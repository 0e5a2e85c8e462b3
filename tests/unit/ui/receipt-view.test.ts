import { afterEach, describe, expect, it } from 'vitest';
import { setLanguage } from '@/utils/i18n';
import type { PurgeReport } from '@/utils/purge/types';
import { receiptText } from '@/utils/ui/receipt-text';
import { receiptView, siteNames } from '@/utils/ui/receipt-view';

const report = (over: Partial<PurgeReport> = {}): PurgeReport => ({
  planId: 'p',
  trigger: 'button',
  labels: ['Järfälla kommun'],
  startedAt: 1,
  finishedAt: 2,
  tabsClosed: 1,
  tabsCleared: 0,
  cookieSitesCleared: 2,
  originsCleared: 6,
  sitesCleared: 2,
  historyCleared: true,
  historyRemoved: 3,
  downloadsCleared: false,
  downloadsRemoved: 0,
  leftovers: [],
  failures: [],
  verified: true,
  ...over,
});

afterEach(() => setLanguage('auto'));

describe('receiptView', () => {
  it('a verified purge: every removed thing with its count and how it was checked; nothing to do', () => {
    const v = receiptView(report({ historyCleared: true, downloadsCleared: false }));
    expect(v).toMatchObject({
      sites: ['Järfälla kommun'],
      nothing: false,
      problems: [],
      advice: [],
      verified: true,
    });
    expect(v.removed).toEqual([
      { kind: 'cookies', n: 2, ok: true },
      { kind: 'storage', n: 2, ok: true },
      { kind: 'tabs', n: 1, ok: true },
      { kind: 'history', n: 3, ok: true },
      { kind: 'downloads-check' },
    ]);
  });

  it('counts downloads when their deletion is on, else reminds the person of their own files', () => {
    expect(receiptView(report({ historyCleared: true, downloadsCleared: true })).removed.at(-1)).toEqual({
      kind: 'downloads',
      n: 0,
      ok: true,
    });
    expect(receiptView(report({ historyCleared: true, downloadsCleared: false })).removed.at(-1)).toEqual({
      kind: 'downloads-check',
    });
  });

  it('form suggestions: a line saying since when when they went; none when the setting was off', () => {
    const since = 1_764_320_000_000;
    const v = receiptView(report({ formDataCleared: true, formDataSince: since }));
    expect(v.removed.at(-1)).toEqual({ kind: 'form-data', since, ok: true });
    const failed = receiptView(
      report({
        formDataCleared: true,
        formDataSince: since,
        failures: [{ step: 'form-data', message: 'x' }],
      }),
    );
    expect(failed.removed.at(-1)).toEqual({ kind: 'form-data', since, ok: false });
    expect(receiptView(report({ formDataCleared: false })).removed.map((l) => l.kind)).not.toContain(
      'form-data',
    );
    expect(receiptView(report()).removed.map((l) => l.kind)).not.toContain('form-data');
  });

  it('says history was kept when its clearing is off', () => {
    const v = receiptView(report({ historyRemoved: 0, historyCleared: false, downloadsCleared: false }));
    expect(v.removed).toContainEqual({ kind: 'history-off' });
  });

  it('cookies left behind: counted by site, with what to do — never their names or values', () => {
    const v = receiptView(
      report({
        verified: false,
        leftovers: [
          { domain: '.eidbrygga.net', name: 'SSO_SESSION', storeId: '0', partitioned: false },
          { domain: 'e-tjanster.jarfalla.se', name: 'JSESSIONID', storeId: '0', partitioned: true },
        ],
        historyCleared: true,
        downloadsCleared: false,
      }),
    );
    expect(v.problems).toEqual([
      { kind: 'cookies-left', n: 2, sites: ['e-tjanster.jarfalla.se', 'eidbrygga.net'] },
    ]);
    expect(v.advice).toEqual(['close-browser']);
    expect(v.removed[0]).toEqual({ kind: 'cookies', n: 2, ok: false });
    expect(JSON.stringify(v)).not.toMatch(/SSO_SESSION|JSESSIONID/);
  });

  it('each failed step becomes a problem with its own advice, in plain kinds', () => {
    const v = receiptView(
      report({
        failures: [
          { step: 'history', message: 'x' },
          { step: 'downloads', message: 'y' },
          { step: 'tabs', message: 'z' },
          { step: 'site-data', message: 'w' },
        ],
        historyCleared: true,
        downloadsCleared: false,
      }),
    );
    expect(v.problems.map((p) => p.kind)).toEqual([
      'site-data-failed',
      'history-failed',
      'downloads-failed',
      'tabs-failed',
    ]);
    expect(v.advice).toEqual(['close-browser', 'history', 'downloads', 'tabs']);
    expect(v.removed.find((l) => l.kind === 'storage')).toEqual({ kind: 'storage', n: 2, ok: false });
  });

  it('says what started the logout, from the report alone', () => {
    expect(receiptView(report({ trigger: 'last-tab-closed' })).trigger).toBe('last-tab-closed');
    expect(receiptView(report({ trigger: 'guard' })).trigger).toBe('guard');
  });

  it('nothing found at all: a one-line receipt', () => {
    const v = receiptView(
      report({
        labels: [],
        tabsClosed: 0,
        cookieSitesCleared: 0,
        originsCleared: 0,
        sitesCleared: 0,
        historyRemoved: 0,
        historyCleared: true,
        downloadsCleared: false,
      }),
    );
    expect(v.nothing).toBe(true);
  });

  it('names a site on no list with the login service it signed in through, in every language the catalogue has', () => {
    const v = receiptView(
      report({
        labels: ['GrandID (Svensk e-identitet)', 'mina.bostadsbolaget-exempel.se'],
        signedInThrough: { 'mina.bostadsbolaget-exempel.se': 'GrandID (Svensk e-identitet)' },
      }),
    );
    expect(v.sites).toEqual(['mina.bostadsbolaget-exempel.se']);
    setLanguage('en');
    expect(siteNames(v, receiptText())).toEqual([
      'mina.bostadsbolaget-exempel.se, signed in through GrandID (Svensk e-identitet)',
    ]);
    setLanguage('sv');
    expect(siteNames(v, receiptText())).toEqual([
      'mina.bostadsbolaget-exempel.se, inloggad via GrandID (Svensk e-identitet)',
    ]);
  });
});
