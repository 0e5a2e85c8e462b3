/**
 * Chromium's `removeSiteData`: one `browsingData.remove({origins})`. Chromium widens cookies to the
 * registrable domain itself and removes storage partitioned under the origins' sites, but (checked in
 * Chromium 156) it keeps other domains' cookies partitioned under those sites, and it acts on the regular
 * profile only: the sweep after it removes those cookies one by one. Storage an origin wrote as a third
 * party under another site, and incognito storage, stay.
 */

import type { SiteDataKind } from './port';
import { originScope } from './site-data-scope';
import type { WebExtApi } from './webext-api';
import type { WebExtCookies } from './webext-cookies';

export async function removeChromeSiteData(
  api: WebExtApi,
  cookies: WebExtCookies,
  origins: readonly string[],
  kinds: readonly SiteDataKind[],
): Promise<void> {
  const scope = originScope(origins);
  if (scope.origins.length === 0 || kinds.length === 0) return;
  await api.browsingData.remove(
    // Also "protected" origins: an e-service installed as an app keeps its data otherwise.
    { origins: scope.origins, originTypes: { unprotectedWeb: true, protectedWeb: true } },
    Object.fromEntries(kinds.map((kind) => [kind, true])),
  );
  if (kinds.includes('cookies')) await cookies.sweep(scope.domains, scope.sites);
}
