import { describe, expect, it } from 'vitest';
import { armLogoutClick } from '@/utils/session-groups/logout-watch';
import {
  currentGroupOf,
  groupsOfTab,
  mergeGroups,
  missingTabs,
  onTabClosed,
  removeGroups,
  tabsOfGroup,
} from '@/utils/session-groups/membership';
import { emptySessionState } from '@/utils/session-groups/types';
import { only, T0, visit } from './fixture';

describe('membership', () => {
  it('closing the last tab of a group orphans it; closing one of two does not', () => {
    let s = visit(emptySessionState(), 1, 'https://e-tjanster.jarfalla.se/');
    s = visit(s, 2, 'https://e-tjanster.jarfalla.se/');
    s = visit(s, 3, 'https://www.lokaltidningen.se/');
    let r = onTabClosed(s, 1);
    expect(r.orphaned).toEqual([]);
    r = onTabClosed(r.state, 2);
    expect(r.orphaned).toEqual([only(s).id]);
    expect(onTabClosed(r.state, 3).orphaned).toEqual([]);
  });
  it('a tab that visited a group and wandered off still belongs to it until it closes', () => {
    let s = visit(emptySessionState(), 1, 'https://e-tjanster.jarfalla.se/');
    s = visit(s, 1, 'https://www.lokaltidningen.se/', T0 + 1, { transitionType: 'typed' });
    expect(onTabClosed(s, 1).orphaned).toEqual([only(s).id]);
  });
  it('tabs closed while the worker slept are found by comparing with the open tabs', () => {
    let s = visit(emptySessionState(), 1, 'https://e-tjanster.jarfalla.se/');
    s = visit(s, 2, 'https://www.vklass.se/');
    expect(missingTabs(s, [2, 99])).toEqual([1]);
  });
  it('removing purged groups frees their tabs', () => {
    let s = visit(emptySessionState(), 1, 'https://e-tjanster.jarfalla.se/');
    s = removeGroups(s, [only(s).id]);
    expect(s.groups).toEqual({});
    expect(groupsOfTab(s, 1)).toEqual([]);
    expect(s.tabs['1']?.groupId).toBeUndefined();
  });
});

describe('membership is stored once: the other views are derived', () => {
  it('a tab belongs to the groups it visited; it is in the one of the host it is on now', () => {
    let s = visit(emptySessionState(), 1, 'https://e-tjanster.jarfalla.se/');
    s = visit(s, 1, 'https://www.vklass.se/', T0 + 1, { transitionType: 'typed' });
    const [jarfalla, vklass] = Object.values(s.groups);
    expect(groupsOfTab(s, 1)).toEqual([jarfalla?.id, vklass?.id]);
    expect(tabsOfGroup(s, jarfalla!.id)).toEqual([1]);
    expect(currentGroupOf(s, 1)?.id).toBe(vklass?.id);
    s = visit(s, 1, 'https://www.lokaltidningen.se/', T0 + 2, { transitionType: 'typed' });
    expect(currentGroupOf(s, 1)).toBeUndefined();
    expect(groupsOfTab(s, 1)).toHaveLength(2);
    expect(tabsOfGroup(s, 'g-none')).toEqual([]);
  });

  it('a merge re-targets every reference: the tabs’ current group, trail and logout watch follow the merged group', () => {
    let s = visit(emptySessionState(), 1, 'https://e-tjanster.jarfalla.se/');
    const jarfalla = only(s).id;
    s = visit(s, 2, 'https://www.vklass.se/', T0 + 1);
    s = armLogoutClick(s, 2, T0 + 2).state;
    s = visit(s, 1, 'https://login.eidbrygga.net/sso', T0 + 3); // tab 1 away on a trail from Järfälla
    expect(s.tabs['1']?.trail?.fromGroupId).toBe(jarfalla);
    // As when the two logins turn out to share an SSO host: one session now.
    const holder = Object.values(s.groups).find((g) => g.id !== jarfalla)!;
    const merged = structuredClone(s);
    mergeGroups(merged, merged.groups[holder.id]!, merged.groups[jarfalla]!);
    const g = only(merged);
    expect(g.id).toBe(holder.id);
    expect(tabsOfGroup(merged, g.id)).toEqual([2, 1]);
    expect(merged.tabs['1']?.trail?.fromGroupId).toBe(g.id);
    expect(merged.tabs['2']?.groupId).toBe(g.id);
    expect(merged.tabs['2']?.logout?.groupId).toBe(g.id);
  });

  it('a removal drops every reference: current group, trail and logout watch', () => {
    let s = visit(emptySessionState(), 1, 'https://e-tjanster.jarfalla.se/');
    s = armLogoutClick(s, 1, T0 + 1).state;
    s = visit(s, 2, 'https://e-tjanster.jarfalla.se/', T0 + 2);
    s = visit(s, 2, 'https://login.eidbrygga.net/sso', T0 + 3);
    s = removeGroups(s, [only(s).id]);
    expect(s.tabs['1']).toEqual({
      tabId: 1,
      host: 'e-tjanster.jarfalla.se',
      groupId: undefined,
      trail: undefined,
      logout: undefined,
    });
    expect(s.tabs['2']?.trail).toBeUndefined();
    expect(groupsOfTab(s, 2)).toEqual([]);
  });
});
