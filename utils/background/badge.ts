/**
 * The toolbar badge: how many protected sessions are open (nothing when none), and a title that says it in words.
 */
import { t } from '../i18n';
import type { BackgroundContext } from './context';

export const BADGE_COLOUR = '#b3261e';

export function badgeView(count: number): { text: string; title: string } {
  return count > 0
    ? { text: String(count), title: t('badgeTitle', count) }
    : { text: '', title: t('badgeTitleNone') };
}

export async function showSessionCount(ctx: Pick<BackgroundContext, 'badge'>, count: number): Promise<void> {
  const { text, title } = badgeView(count);
  await ctx.badge.show(text, title, BADGE_COLOUR);
}
