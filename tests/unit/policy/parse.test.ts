import { describe, expect, it } from 'vitest';
import { parsePolicy } from '@/utils/policy/parse';

describe('parsePolicy', () => {
  it('no policy at all: nothing managed, nothing to say', () => {
    expect(parsePolicy(undefined)).toEqual({ managed: {}, notices: [] });
    expect(parsePolicy(null)).toEqual({ managed: {}, notices: [] });
    expect(parsePolicy({})).toEqual({ managed: {}, notices: [] });
  });

  it('a complete valid policy passes unchanged (domains normalised, sorted, deduplicated)', () => {
    const { managed, notices } = parsePolicy({
      sharedComputer: true,
      protectedDomains: [
        'https://Bibliotek.Exempelstad.se/login',
        'intranat.exempelstad.se',
        'intranat.exempelstad.se',
      ],
      excludedDomains: ['*.vklass.se'],
      idleTimeoutSeconds: 300,
      purgeOnTabCloseSeconds: 0,
      clearDownloads: true,
      clearHistory: false,
      disablePasswordSaving: true,
      lockSettings: true,
      startPage: 'https://bibliotek.exempelstad.se/valkommen',
    });
    expect(notices).toEqual([]);
    expect(managed).toEqual({
      sharedComputer: true,
      protectedDomains: ['bibliotek.exempelstad.se', 'intranat.exempelstad.se'],
      excludedDomains: ['vklass.se'],
      idleTimeoutSeconds: 300,
      purgeOnTabCloseSeconds: 0,
      clearDownloads: true,
      clearHistory: false,
      disablePasswordSaving: true,
      lockSettings: true,
      startPage: 'https://bibliotek.exempelstad.se/valkommen',
    });
  });

  it('wrong types are left out with a notice naming the type expected', () => {
    const { managed, notices } = parsePolicy({
      sharedComputer: 'true',
      lockSettings: 1,
      idleTimeoutSeconds: '600',
      purgeOnTabCloseSeconds: 2.5,
      protectedDomains: 'jarfalla.se',
      startPage: 42,
    });
    expect(managed).toEqual({});
    expect(notices).toEqual([
      { key: 'sharedComputer', code: 'wrong-type', detail: 'boolean' },
      { key: 'lockSettings', code: 'wrong-type', detail: 'boolean' },
      { key: 'idleTimeoutSeconds', code: 'wrong-type', detail: 'integer' },
      { key: 'purgeOnTabCloseSeconds', code: 'wrong-type', detail: 'integer' },
      { key: 'protectedDomains', code: 'wrong-type', detail: 'array' },
      { key: 'startPage', code: 'wrong-type', detail: 'string' },
    ]);
  });

  it('negative numbers are ignored (a negative idle timeout must not mean "off")', () => {
    const { managed, notices } = parsePolicy({ idleTimeoutSeconds: -5, purgeOnTabCloseSeconds: -1 });
    expect(managed).toEqual({});
    expect(notices.map((n) => [n.key, n.code, n.detail])).toEqual([
      ['idleTimeoutSeconds', 'out-of-range', '-5'],
      ['purgeOnTabCloseSeconds', 'out-of-range', '-1'],
    ]);
  });

  it('numbers past the limits move to the nearest allowed value, said in a notice', () => {
    const { managed, notices } = parsePolicy({ idleTimeoutSeconds: 5, purgeOnTabCloseSeconds: 120 });
    expect(managed).toEqual({ idleTimeoutSeconds: 15, purgeOnTabCloseSeconds: 60 });
    expect(notices).toEqual([
      { key: 'idleTimeoutSeconds', code: 'clamped', detail: '5→15' },
      { key: 'purgeOnTabCloseSeconds', code: 'clamped', detail: '120→60' },
    ]);
    expect(parsePolicy({ idleTimeoutSeconds: 10 ** 9 }).managed.idleTimeoutSeconds).toBe(86_400);
    expect(parsePolicy({ idleTimeoutSeconds: 0 })).toEqual({
      managed: { idleTimeoutSeconds: 0 },
      notices: [],
    });
  });

  it('a bad entry in a domain list drops only that entry', () => {
    const { managed, notices } = parsePolicy({
      protectedDomains: ['exempelstad.se', 'se', 'http://bad domain', 42, '10.0.0.1'],
      excludedDomains: ['github.io'],
    });
    expect(managed).toEqual({ protectedDomains: ['exempelstad.se'], excludedDomains: [] });
    expect(notices).toEqual([
      { key: 'protectedDomains', code: 'invalid-domain', detail: 'se: public-suffix' },
      { key: 'protectedDomains', code: 'invalid-domain', detail: 'http://bad domain: invalid' },
      { key: 'protectedDomains', code: 'invalid-domain', detail: '42: invalid' },
      { key: 'protectedDomains', code: 'invalid-domain', detail: '10.0.0.1: ip-address' },
      { key: 'excludedDomains', code: 'invalid-domain', detail: 'github.io: public-suffix' },
    ]);
  });

  it.each(['javascript:alert(1)', 'file:///etc/passwd', 'chrome://settings', 'not a url', 'https://'])(
    'start page %s is refused',
    (startPage) => {
      const { managed, notices } = parsePolicy({ startPage });
      expect(managed).toEqual({});
      expect(notices).toEqual([{ key: 'startPage', code: 'invalid-url', detail: startPage }]);
    },
  );

  it('unknown keys (typos) are reported, not guessed', () => {
    expect(parsePolicy({ idleTimeout: 300, SharedComputer: true })).toEqual({
      managed: {},
      notices: [
        { key: 'idleTimeout', code: 'unknown-key' },
        { key: 'SharedComputer', code: 'unknown-key' },
      ],
    });
  });

  it.each([[['a']], ['policy'], [7], [true]])(
    'a managed value that is no object (%j) adds nothing',
    (raw) => {
      const { managed, notices } = parsePolicy(raw);
      expect(managed).toEqual({});
      expect(notices).toHaveLength(1);
      expect(notices[0]!.code).toBe('not-an-object');
    },
  );

  it('notices never grow unbounded with a huge value', () => {
    const { notices } = parsePolicy({ startPage: `x${'a'.repeat(10_000)}` });
    expect(notices[0]!.detail!.length).toBeLessThanOrEqual(201);
  });

  it('inherited keys on the prototype are not policy', () => {
    const raw = Object.create({ lockSettings: true }) as object;
    expect(parsePolicy(raw)).toEqual({ managed: {}, notices: [] });
  });
});
