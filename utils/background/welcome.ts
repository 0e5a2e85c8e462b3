/**
 * The welcome page, once, when a person installs Safe Logout: what the button does, how to pin it, and "home
 * or shared computer?". Never when IT force-installed it (`management.getSelf().installType === 'admin'`: the
 * computer is IT's, and the next person there did not install anything), never on an update or a browser
 * start. `getSelf` needs no permission (Chrome and Firefox both document it so).
 *
 * An unpacked or temporary install (`development`: `--load-extension`, `npm run dev`, about:debugging) is a
 * person trying it, so it is welcomed too; the real-browser harness closes that tab (tests/harness/).
 */

/** What `runtime.onInstalled` and `management.getSelf` tell, and nothing else. */
export interface InstallFacts {
  reason: string;
  /** `management.ExtensionInfo.installType`; undefined when the browser could not say. */
  installType: string | undefined;
}

export const WELCOME_PATH = '/welcome.html';

/**
 * A person's fresh install. An unknown install type is not welcomed: a welcome tab on every fresh profile of
 * a library computer costs more than a person who misses it (the options say the same).
 */
export const isPersonsInstall = ({ reason, installType }: InstallFacts): boolean =>
  reason === 'install' && installType !== undefined && installType !== 'admin';

export interface WelcomeDeps {
  installType: () => Promise<string | undefined>;
  openTab: (url: string) => Promise<unknown>;
  pageUrl: (path: string) => string;
}

/** On `runtime.onInstalled`: opens the welcome page for a person's install; says whether it did. */
export async function welcomeOnInstall(reason: string, deps: WelcomeDeps): Promise<boolean> {
  if (reason !== 'install') return false;
  const installType = await deps.installType().catch(() => undefined);
  if (!isPersonsInstall({ reason, installType })) return false;
  await deps.openTab(deps.pageUrl(WELCOME_PATH));
  return true;
}
