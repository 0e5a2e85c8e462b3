import { describe, expect, it } from 'vitest';
import { boundState, MAX_TRAIL_URLS, MAX_URL_CHARS, STATE_BUDGET_CHARS } from '@/utils/session-groups/bounds';
import { MAX_GROUP_URLS } from '@/utils/session-groups/lists';
import type { SessionGroup, SessionState } from '@/utils/session-groups/types';

const T0 = 1_764_320_000_000;
const long = (n: number, tag = '') => `https://e-tjanster.jarfalla.se/sok?${tag}q=${'x'.repeat(n)}`;

function group(id: string, over: Partial<SessionGroup> = {}): SessionGroup {
  return {
    id,
    sites: [{ ruleId: `r-${id}`, label: id, kind: 'kommun', scopeDomain: `${id}.se` }],
    hosts: [`www.${id}.se`, `login.${id}-idp.net`],
    origins: [`https://www.${id}.se`, `https://login.${id}-idp.net:8443`],
    tabIds: [1],
    startedAt: T0,
    lastSeenAt: T0,
    ...over,
  };
}

const state = (groups: SessionGroup[], tabs: SessionState['tabs'] = {}): SessionState => ({
  v: 2,
  groups: Object.fromEntries(groups.map((g) => [g.id, g])),
  tabs,
});
const size = (s: SessionState) => JSON.stringify(s).length;

describe('boundState', () => {
  it('a state within bounds is returned as it is (the same object: nothing is written twice)', () => {
    const s = state([group('a', { urls: [long(100)] })], {
      '1': { tabId: 1, groupId: 'a', host: 'www.a.se' },
    });
    expect(boundState(s)).toBe(s);
  });

  it('URLs longer than the limit are not kept; lists are capped; the input is not changed', () => {
    const s = state([group('a', { urls: [long(10), long(MAX_URL_CHARS), long(10, 'b')] })], {
      '2': {
        tabId: 2,
        trail: {
          fromGroupId: 'a',
          hosts: ['x.net'],
          origins: ['https://x.net'],
          urls: Array.from({ length: MAX_TRAIL_URLS + 10 }, (_, i) => `https://x.net/${i}`),
          startedAt: T0,
        },
      },
    });
    const copy = structuredClone(s);
    const b = boundState(s);
    expect(s).toEqual(copy);
    expect(b.groups.a?.urls).toEqual([long(10), long(10, 'b')]);
    expect(b.tabs['2']?.trail?.urls).toHaveLength(MAX_TRAIL_URLS);
    expect(b.tabs['2']?.trail?.hosts).toEqual(['x.net']);
    expect(
      boundState(state([group('a', { urls: Array.from({ length: 400 }, (_, i) => long(5, `${i}`)) })])).groups
        .a?.urls,
    ).toHaveLength(MAX_GROUP_URLS);
  });

  it('over the budget: URL lists go before any host or origin, and no group is dropped', () => {
    const urls = Array.from({ length: MAX_GROUP_URLS }, (_, i) => long(2000, `${i}-`));
    const groups = ['a', 'b', 'c'].map((id) => group(id, { urls }));
    const b = boundState(state(groups));
    expect(size(b)).toBeLessThanOrEqual(STATE_BUDGET_CHARS);
    expect(Object.keys(b.groups)).toEqual(['a', 'b', 'c']);
    for (const id of ['a', 'b', 'c']) {
      expect(b.groups[id]?.hosts).toEqual([`www.${id}.se`, `login.${id}-idp.net`]);
      expect(b.groups[id]?.origins).toEqual([`https://www.${id}.se`, `https://login.${id}-idp.net:8443`]);
    }
    // Only as many lists as needed went.
    expect(Object.values(b.groups).filter((g) => g.urls?.length)).toHaveLength(1);
  });

  it('last resort: the hosts of a huge group become its registrable domains; every group keeps its sites', () => {
    const hosts = Array.from({ length: 60_000 }, (_, i) => `h${i}.flood-idp.net`);
    const b = boundState(state([group('a', { hosts: [...hosts, 'www.jarfalla.se'] }), group('b')]));
    expect(size(b)).toBeLessThanOrEqual(STATE_BUDGET_CHARS);
    expect(b.groups.a?.hosts.sort()).toEqual(['flood-idp.net', 'jarfalla.se']);
    expect(b.groups.a?.sites).toEqual(group('a').sites);
    expect(b.groups.b?.hosts).toEqual(group('b').hosts);
  });
});
