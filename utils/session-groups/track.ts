/**
 * @deprecated Temporary: the old names, for call sites in utils/background not yet moved to the modules that
 * now hold them (membership, login-trail, navigation, fetched-origins, logout-watch). Delete once they are.
 */
export { MAX_FETCHED_ORIGINS, onFetchedOrigins } from './fetched-origins';
export { groupInLogin, LOGIN_WINDOW_MS, ROUND_TRIP_MS } from './login-trail';
export {
  groupOfHost,
  isOnGroupSite as onGroupSite,
  missingTabs,
  onTabClosed,
  removeGroups,
  tablessGroups,
} from './membership';
export {
  type MainFrameCommit,
  onMainFrameCommit,
  onMainFrameRequest,
  onSubFrame,
  onTabOpenedFrom,
} from './navigation';
