/**
 * The toolbar badge: how many protected sessions are open (nothing when none), and a title that says it in words.
 */
import { browser } from 'wxt/browser';
import { t } from '../i18n';

export interface BadgeApi {
  setBadgeText(d: { text: string }): Promise<void>;
  setBadgeBackgroundColor(d: { color: string }): Promise<void>;
  setTitle(d: { title: string }): Promise<void>;
  setBadgeTextColor?(d: { color: string }): Promise<void>;
}

/** `action` in MV3, `browserAction` in Firefox MV2. */
export const actionApi = (): BadgeApi =>
  ((browser as unknown as { action?: BadgeApi }).action ?? browser.browserAction) as BadgeApi;

export const BADGE_COLOUR = '#b3261e';

export function badgeView(count: number): { text: string; title: string } {
  return count > 0
    ? { text: String(count), title: t('badgeTitle', count) }
    : { text: '', title: t('badgeTitleNone') };
}

export async function showSessionCount(count: number, api: BadgeApi = actionApi()): Promise<void> {
  const { text, title } = badgeView(count);
  await Promise.all([
    api.setBadgeText({ text }),
    api.setBadgeBackgroundColor({ color: BADGE_COLOUR }),
    api.setBadgeTextColor?.({ color: '#ffffff' }),
    api.setTitle({ title }),
  ]);
}
