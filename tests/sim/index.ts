export type { SimEvent } from './context';
export { DEFAULT_HOSTS, SERVICE_KEYS, type ServiceKey, type SimHosts } from './hosts';
export { IDP_COOKIES, SSO_SECONDS } from './idp';
export { NEWSPAPER } from './newspaper';
export { type ServiceUrls, type Sim, type SimOptions, type SimStats, type SimUrls, startSim } from './server';
export { type Person, SERVICES, type ServiceProfile } from './services';
