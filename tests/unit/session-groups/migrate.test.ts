import { describe, expect, it } from 'vitest';
import { migrateSessionState } from '@/utils/session-groups/migrate';
import { emptySessionState, type SessionGroup } from '@/utils/session-groups/types';

const group = (id: string, tabIds: number[]): SessionGroup => ({
  id,
  sites: [{ ruleId: 'se-kommun-0123', label: 'Järfälla kommun', kind: 'kommun', scopeDomain: 'jarfalla.se' }],
  hosts: ['e-tjanster.jarfalla.se'],
  origins: ['https://e-tjanster.jarfalla.se'],
  tabIds,
  startedAt: 1,
  lastSeenAt: 2,
});

describe('migrateSessionState', () => {
  it('reads a v1 state: each tab’s groupIds goes, and a tab it names stays a member of the group', () => {
    const v1 = {
      v: 1,
      groups: { g1: group('g1', [5]), g2: group('g2', []) },
      tabs: {
        '5': { tabId: 5, groupIds: ['g1'], host: 'e-tjanster.jarfalla.se', groupId: 'g1' },
        '6': { tabId: 6, groupIds: ['g2', 'g-gone'], host: 'www.lokaltidningen.se' },
      },
    };
    const frozen = JSON.stringify(v1);
    expect(migrateSessionState(v1)).toEqual({
      v: 2,
      groups: { g1: group('g1', [5]), g2: group('g2', [6]) },
      tabs: {
        '5': { tabId: 5, host: 'e-tjanster.jarfalla.se', groupId: 'g1' },
        '6': { tabId: 6, host: 'www.lokaltidningen.se' },
      },
    });
    expect(JSON.stringify(v1)).toBe(frozen);
  });

  it('keeps a v2 state as it is', () => {
    const v2 = {
      v: 2 as const,
      groups: { g1: group('g1', [5]) },
      tabs: { '5': { tabId: 5, groupId: 'g1' } },
    };
    expect(migrateSessionState(v2)).toBe(v2);
  });

  it('reads anything else as empty', () => {
    for (const raw of [undefined, null, 'x', {}, { v: 3, groups: {}, tabs: {} }, { v: 1, groups: [] }])
      expect(migrateSessionState(raw)).toEqual(emptySessionState());
  });
});
