/**
 * Reading a stored session state of any version. storage.session outlives an extension update (within one
 * browser session), so the state an older version wrote can meet this code.
 */
import { emptySessionState, type SessionGroup, type SessionState, type TabTrack } from './types';

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null;

/**
 * The state as this version keeps it. v1 also kept each tab's `groupIds`, the mirror of `SessionGroup.tabIds`:
 * it is dropped, after any tab it names but the group does not is added to the group (a tab that belonged
 * stays a member: its group is not orphaned early). Anything else unreadable reads as empty.
 */
export function migrateSessionState(raw: unknown): SessionState {
  if (!isRecord(raw) || !isRecord(raw.groups) || !isRecord(raw.tabs)) return emptySessionState();
  if (raw.v === 2) return raw as unknown as SessionState;
  if (raw.v !== 1) return emptySessionState();
  const v1 = structuredClone(raw) as {
    groups: Record<string, SessionGroup>;
    tabs: Record<string, TabTrack & { groupIds?: string[] }>;
  };
  for (const tab of Object.values(v1.tabs)) {
    for (const id of tab.groupIds ?? []) {
      const g = v1.groups[id];
      if (g && !g.tabIds.includes(tab.tabId)) g.tabIds.push(tab.tabId);
    }
    delete tab.groupIds;
  }
  return { v: 2, groups: v1.groups, tabs: v1.tabs };
}
