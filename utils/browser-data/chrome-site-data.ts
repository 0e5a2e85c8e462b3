/**
 * Chromium's `removeSiteData`, in one cookie store:
 * - the regular profile (`'0'`): one `browsingData.remove({origins})`. Chromium widens cookies to the
 *   registrable domain itself and removes storage partitioned under the origins' sites, but (checked in
 *   Chromium 156) it keeps other domains' cookies partitioned under those sites: the sweep after it removes
 *   those cookies one by one. Storage an origin wrote as a third party under another site stays.
 * - incognito (`'1'`): `browsingData` acts on the regular profile only and never reaches it (checked in
 *   Chromium 156, tests/e2e/private-windows.test.ts), so its cookies go one by one (the sweep, in that store).
 *   Its storage lives in memory until the last incognito window closes; only a page of the origin can empty
 *   it, which the port does in a live tab before it closes (chrome-port.ts). What a tab closed by the person
 *   left stays until the incognito windows are closed (docs/architecture.md).
 */

import { CHROME_REGULAR_STORE } from './chrome-cookies';
import type { SiteDataKind } from './port';
import { originScope } from './site-data-scope';
import type { WebExtApi } from './webext-api';
import type { WebExtCookies } from './webext-cookies';

export async function removeChromeSiteData(
  api: WebExtApi,
  cookies: WebExtCookies,
  origins: readonly string[],
  kinds: readonly SiteDataKind[],
  storeId: string = CHROME_REGULAR_STORE,
): Promise<void> {
  const scope = originScope(origins);
  if (scope.origins.length === 0 || kinds.length === 0) return;
  if (storeId === CHROME_REGULAR_STORE)
    await api.browsingData.remove(
      // Also "protected" origins: an e-service installed as an app keeps its data otherwise.
      { origins: scope.origins, originTypes: { unprotectedWeb: true, protectedWeb: true } },
      Object.fromEntries(kinds.map((kind) => [kind, true])),
    );
  if (kinds.includes('cookies')) await cookies.sweep(scope.domains, scope.sites, storeId);
}
