/** The recogniser and helpers shared by the session-group tests: two protected sites and one known IdP. */
import { expect } from 'vitest';
import { onMainFrameCommit } from '@/utils/session-groups/navigation';
import type { Classify, SessionState } from '@/utils/session-groups/types';

/** A tiny recogniser: two protected sites and one known IdP. Unknown hosts are unprotected. */
export const classify: Classify = (host) => {
  if (host === 'jarfalla.se' || host.endsWith('.jarfalla.se'))
    return { ruleId: 'se-kommun-0123', label: 'Järfälla kommun', kind: 'kommun', scopeDomain: 'jarfalla.se' };
  if (host === 'vklass.se' || host.endsWith('.vklass.se'))
    return { ruleId: 'se-vendor-vklass', label: 'Vklass', kind: 'vendor', scopeDomain: 'vklass.se' };
  if (host === 'login.idporten.no')
    return { ruleId: 'idp-idporten', label: 'ID-porten', kind: 'idp', scopeDomain: 'login.idporten.no' };
  return null;
};

export const T0 = 1_700_000_000_000;
const link = { transitionType: 'link', transitionQualifiers: [] as string[] };

/** The tab commits `url` (a followed link unless `extra` says otherwise). */
export function visit(
  s: SessionState,
  tabId: number,
  url: string,
  now = T0,
  extra: Partial<typeof link> = {},
) {
  return onMainFrameCommit(s, { tabId, url, ...link, ...extra }, classify, now);
}

/** The state's one group. */
export const only = (s: SessionState) => {
  const groups = Object.values(s.groups);
  expect(groups).toHaveLength(1);
  return groups[0]!;
};
