/**
 * Editorial decisions the data files cannot carry: which pack and rule each row of idp.tsv,
 * platforms.tsv and nordic.tsv becomes, with a Swedish (or native) label, or why it is left out.
 * A row that matches no entry stops the generator, so new data always gets a decision.
 */

import { MUNICIPALITY_PACKS } from './catalogue-nordic.mjs';

/** Pack order is also the tie-break order when two packs list the same domain (only gotland.se). */
export const PACK_DEFS = [
  { id: 'se-kommuner', label: 'Sveriges kommuner', country: 'SE' },
  { id: 'se-regioner', label: 'Sveriges regioner och 1177 Vårdguiden', country: 'SE' },
  { id: 'se-agencies', label: 'Svenska myndigheter och nationella e-tjänster', country: 'SE' },
  { id: 'se-vendors', label: 'E-tjänst- och skolplattformar', country: 'SE' },
  { id: 'idp', label: 'Inloggningstjänster och e-legitimation', country: null },
  { id: 'no', label: 'Norge', country: 'NO' },
  { id: 'dk', label: 'Danmark', country: 'DK' },
  { id: 'fi', label: 'Suomi / Finland', country: 'FI' },
  ...MUNICIPALITY_PACKS,
  // Off by default (`optIn`): clearing them signs a person out of everything Microsoft, Google or Visma.
  {
    id: 'login-microsoft',
    label: 'Microsoft-inloggning (jobb-, skol- och privatkonton)',
    country: null,
    optIn: true,
  },
  { id: 'login-google', label: 'Google-inloggning', country: null, optIn: true },
  { id: 'login-visma', label: 'Visma-inloggning (Visma Connect)', country: null, optIn: true },
];

/**
 * Kommun labels are "<name> kommun" (the data has only the short name), except for the kommuner whose
 * own name is different and well known; the idp labels use the same names.
 */
export const KOMMUN_LABELS = {
  '0180': 'Stockholms stad',
  '0980': 'Region Gotland',
  1280: 'Malmö stad',
  1480: 'Göteborgs Stad',
};

/** The same domain may sit in two rules only when both stand for the same organisation. */
export const SHARED_DOMAINS = { 'gotland.se': ['se-kommun-0980', 'se-region-09'] };

const se = (pack, kind, label) => ({ pack, kind, label, country: 'SE' });
/** A login of no one country (the opt-in packs). */
const global = (pack, label) => ({ pack, kind: 'idp', label, country: null });

/** Rules that are not one row of kommuner.tsv / regioner.tsv. */
export const RULE_DEFS = {
  'se-1177': se('se-regioner', 'national', '1177 Vårdguiden'),

  'se-arbetsformedlingen': se('se-agencies', 'agency', 'Arbetsförmedlingen'),
  'se-csn': se('se-agencies', 'agency', 'CSN'),
  'se-elsakerhetsverket': se('se-agencies', 'agency', 'Elsäkerhetsverket'),
  'se-forsakringskassan': se('se-agencies', 'agency', 'Försäkringskassan'),
  'se-imy': se('se-agencies', 'agency', 'Integritetsskyddsmyndigheten (IMY)'),
  'se-jordbruksverket': se('se-agencies', 'agency', 'Jordbruksverket'),
  'se-kivra': se('se-agencies', 'national', 'Kivra (digital brevlåda)'),
  'se-lantmateriet': se('se-agencies', 'agency', 'Lantmäteriet'),
  'se-mina-meddelanden': se('se-agencies', 'national', 'Mina meddelanden'),
  'se-skatteverket': se('se-agencies', 'agency', 'Skatteverket'),
  'se-trafikverket': se('se-agencies', 'agency', 'Trafikverket'),
  'se-transportstyrelsen': se('se-agencies', 'agency', 'Transportstyrelsen'),
  'se-verksamt': se('se-agencies', 'national', 'verksamt.se'),

  'se-vendor-actor-smartbook': se('se-vendors', 'vendor', 'Actor Smartbook'),
  'se-vendor-alvis': se('se-vendors', 'vendor', 'Alvis'),
  'se-vendor-enamnd': se('se-vendors', 'vendor', 'E-nämnden i Norrbotten'),
  'se-vendor-fri': se('se-vendors', 'vendor', 'FRI Webb-Förening'),
  'se-vendor-hjarntorget': se('se-vendors', 'vendor', 'Hjärntorget'),
  'se-vendor-infomentor': se('se-vendors', 'vendor', 'InfoMentor'),
  'se-vendor-ist': se('se-vendors', 'vendor', 'IST Open24'),
  'se-vendor-netpublicator': se('se-vendors', 'vendor', 'Netpublicator'),
  'se-vendor-schoolsoft': se('se-vendors', 'vendor', 'SchoolSoft'),
  'se-vendor-skola24': se('se-vendors', 'vendor', 'Skola24'),
  'se-vendor-tieto-edu': se('se-vendors', 'vendor', 'Tieto Edu'),
  'se-vendor-unikum': se('se-vendors', 'vendor', 'Unikum'),
  'se-vendor-vklass': se('se-vendors', 'vendor', 'Vklass'),

  'idp-bankid': se('idp', 'idp', 'BankID'),
  'idp-cgi': se('idp', 'idp', 'Inloggningstjänst (CGI)'),
  'idp-freja': se('idp', 'idp', 'Freja eID'),
  'idp-goteborg': se('idp', 'idp', 'Göteborgs Stad inloggning'),
  'idp-grandid': se('idp', 'idp', 'GrandID (Svensk e-identitet)'),
  'idp-inera': se('idp', 'idp', 'Inloggning 1177 (Inera)'),
  'idp-lund': se('idp', 'idp', 'Lunds kommun inloggning (ADFS)'),
  'idp-malmo-skolfederation': se('idp', 'idp', 'Malmö stad skolinloggning'),
  'idp-stockholm': se('idp', 'idp', 'Stockholms stad inloggning'),
  'idp-sweden-connect': se('idp', 'idp', 'Sweden Connect / eIDAS (Digg)'),
  'idp-criipto': { pack: 'idp', kind: 'idp', label: 'Criipto / Idura', country: 'DK' },
  'idp-feide': { pack: 'idp', kind: 'idp', label: 'Feide', country: 'NO' },
  'idp-idporten': { pack: 'idp', kind: 'idp', label: 'ID-porten', country: 'NO' },
  'idp-mitid': { pack: 'idp', kind: 'idp', label: 'MitID / NemLog-in', country: 'DK' },
  'idp-signicat': { pack: 'idp', kind: 'idp', label: 'Signicat', country: 'NO' },
  'idp-suomifi': { pack: 'idp', kind: 'idp', label: 'Suomi.fi-tunnistus', country: 'FI' },
  'idp-unilogin': { pack: 'idp', kind: 'idp', label: 'Unilogin', country: 'DK' },

  'idp-microsoft-entra': global('login-microsoft', 'Microsoft Entra ID (jobb- och skolkonton)'),
  'idp-microsoft-account': global('login-microsoft', 'Microsoft-konto'),
  'idp-google': global('login-google', 'Google-konto'),
  'idp-visma-connect': global('login-visma', 'Visma Connect'),

  'no-altinn': { pack: 'no', kind: 'national', label: 'Altinn', country: 'NO' },
  'no-helsenorge': { pack: 'no', kind: 'national', label: 'Helsenorge', country: 'NO' },
  'no-min-kommune': { pack: 'no', kind: 'national', label: 'Min kommune (KS)', country: 'NO' },
  'no-nav': { pack: 'no', kind: 'agency', label: 'NAV', country: 'NO' },

  'dk-aula': { pack: 'dk', kind: 'vendor', label: 'Aula', country: 'DK' },
  'dk-borger': { pack: 'dk', kind: 'national', label: 'borger.dk', country: 'DK' },
  'dk-digital-post': { pack: 'dk', kind: 'national', label: 'Digital Post (mit.dk)', country: 'DK' },
  'dk-eboks': { pack: 'dk', kind: 'national', label: 'e-Boks', country: 'DK' },

  'fi-kanta': { pack: 'fi', kind: 'national', label: 'Kanta / OmaKanta', country: 'FI' },
  'fi-kela': { pack: 'fi', kind: 'agency', label: 'Kela', country: 'FI' },
  'fi-suomi': { pack: 'fi', kind: 'national', label: 'Suomi.fi', country: 'FI' },
  'fi-vero': { pack: 'fi', kind: 'agency', label: 'Vero', country: 'FI' },
  'fi-wilma': { pack: 'fi', kind: 'vendor', label: 'Wilma', country: 'FI' },
};

const SKIP_PATTERN = 'naming pattern only: covered by the kommun/agency domains';
const SKIP_UNVERIFIED = 'row marked unverified in the data';
const SKIP_OPT_IN = 'global Microsoft/Google login: in logins-opt-in.tsv (the opt-in login-* packs)';

/**
 * Per file: `key` matches the start of the row's first column (nordic.tsv: "<country> <service>").
 * `rule` takes the row's hosts; `route` sends hosts within a domain to another rule (a host that no route
 * takes and with no `rule` stops the generator); `skip` leaves the row out with the reason.
 */
export const ROWS = {
  'logins-opt-in.tsv': [
    { key: 'Microsoft Entra ID', rule: 'idp-microsoft-entra' },
    { key: 'Microsoft account', rule: 'idp-microsoft-account' },
    { key: 'Google Account', rule: 'idp-google' },
    { key: 'Visma Connect', rule: 'idp-visma-connect' },
  ],
  'regioner.tsv': [{ key: '1177', rule: 'se-1177' }],
  'idp.tsv': [
    { key: 'BankID', rule: 'idp-bankid' },
    { key: 'Freja eID', rule: 'idp-freja' },
    { key: 'CGI Funktionstjänster', rule: 'idp-cgi' },
    { key: 'Svensk e-identitet - GrandID', rule: 'idp-grandid' },
    { key: 'Inera - 1177', rule: 'idp-inera' },
    { key: 'Sweden Connect', rule: 'idp-sweden-connect' },
    { key: 'Stockholms stad login', rule: 'idp-stockholm' },
    { key: 'Göteborgs Stad login', rule: 'idp-goteborg' },
    {
      key: 'Kommun school IdPs',
      route: { 'malmo.se': 'idp-malmo-skolfederation', 'lund.se': 'idp-lund' },
    },
    { key: 'PhenixID', skip: 'no hostnames: products run on kommun hosts (unverified)' },
    { key: 'Signicat', rule: 'idp-signicat' },
    { key: 'Criipto / Idura', rule: 'idp-criipto' },
    { key: 'Skatteverket', rule: 'se-skatteverket' },
    { key: 'Försäkringskassan', rule: 'se-forsakringskassan' },
    { key: 'Kivra', rule: 'se-kivra' },
    { key: 'Mina meddelanden', rule: 'se-mina-meddelanden' },
    { key: 'Microsoft Entra ID / Google', skip: SKIP_OPT_IN },
  ],
  'platforms.tsv': [
    { key: '(generic ', skip: SKIP_PATTERN },
    { key: 'Open ePlatform (Nordic Peak', skip: 'self-hosted on kommun domains' },
    { key: 'Open ePlatform via Norrbotten', rule: 'se-vendor-enamnd' },
    { key: 'Abou', skip: 'self-hosted on kommun domains; Sokigo-hosted domain unverified' },
    { key: 'FRI Webb-Förening', rule: 'se-vendor-fri' },
    { key: 'Sitevision', skip: 'CMS; *.sitevision-cloud.se hosts are customer dev/test/stage environments' },
    { key: 'Municipio', skip: 'CMS on the kommun website' },
    { key: 'Netpublicator', rule: 'se-vendor-netpublicator' },
    { key: 'Vklass', rule: 'se-vendor-vklass' },
    { key: 'Skola24', rule: 'se-vendor-skola24' },
    { key: 'Unikum', rule: 'se-vendor-unikum' },
    { key: 'InfoMentor', rule: 'se-vendor-infomentor' },
    { key: 'SchoolSoft', rule: 'se-vendor-schoolsoft' },
    { key: 'Tieto Edu', rule: 'se-vendor-tieto-edu' },
    { key: 'IST (Open24', rule: 'se-vendor-ist' },
    { key: 'Alvis', rule: 'se-vendor-alvis' },
    { key: 'Hjärntorget', rule: 'se-vendor-hjarntorget' },
    { key: 'Actor Smartbook', rule: 'se-vendor-actor-smartbook' },
    { key: 'Artologik', skip: 'only a university tenant seen; kommun tenants unverified' },
    { key: 'Evolution', skip: SKIP_UNVERIFIED },
    { key: 'Ciceron', skip: SKIP_UNVERIFIED },
    { key: 'Procapita', skip: SKIP_UNVERIFIED },
    { key: 'Treserva', skip: SKIP_UNVERIFIED },
    { key: 'Combine', skip: SKIP_UNVERIFIED },
    { key: 'Hypergene', skip: SKIP_UNVERIFIED },
    { key: 'Visma Edlevo', skip: SKIP_UNVERIFIED },
    { key: 'Microsoft 365 / Google', skip: SKIP_OPT_IN },
  ],
  'nordic.tsv': [
    { key: 'NO ID-porten', rule: 'idp-idporten' },
    { key: 'NO Altinn', rule: 'no-altinn' },
    { key: 'NO NAV', rule: 'no-nav' },
    { key: 'NO Helsenorge', rule: 'no-helsenorge' },
    { key: 'NO Feide', rule: 'idp-feide' },
    { key: 'NO KS Fiks', rule: 'no-min-kommune' },
    {
      key: 'NO Skatteetaten',
      trust: true,
      route: {
        'skatteetaten.no': 'no-skatteetaten',
        'bankid.no': 'idp-bankid-no',
        'buypass.no': 'idp-buypass',
      },
    },
    { key: 'DK MitID', rule: 'idp-mitid' },
    { key: 'DK borger.dk', rule: 'dk-borger' },
    { key: 'DK Digital Post', rule: 'dk-digital-post' },
    { key: 'DK e-Boks', rule: 'dk-eboks' },
    { key: 'DK Aula', rule: 'dk-aula', route: { 'unilogin.dk': 'idp-unilogin' } },
    { key: 'DK Kommune IdP brokers', rule: 'idp-criipto' },
    { key: 'DK sundhed.dk', trust: true, route: { 'sundhed.dk': 'dk-sundhed', 'skat.dk': 'dk-skat' } },
    { key: 'FI Suomi.fi', rule: 'fi-suomi', route: { 'tunnistus.suomi.fi': 'idp-suomifi' } },
    { key: 'FI Kela', rule: 'fi-kela' },
    { key: 'FI Vero', rule: 'fi-vero' },
    {
      key: 'FI Kanta',
      rule: 'fi-kanta',
      leaveOut: {
        'omakanta.fi':
          'legacy OmaKanta address the 2026-12 research left out (data README): ownership not confirmed',
      },
    },
    { key: 'FI Wilma', rule: 'fi-wilma' },
    { key: 'FI Municipalities', skip: 'naming pattern only: the municipalities are in fi-kunnat.tsv' },
    { key: 'SE Skatteverket', rule: 'se-skatteverket' },
    { key: 'SE Försäkringskassan', rule: 'se-forsakringskassan' },
    { key: 'SE 1177', rule: 'se-1177', route: { 'inera.se': 'idp-inera' } },
    { key: 'SE CSN', rule: 'se-csn' },
    { key: 'SE Arbetsförmedlingen', rule: 'se-arbetsformedlingen' },
    { key: 'SE verksamt.se', rule: 'se-verksamt' },
    { key: 'SE Mina meddelanden', rule: 'se-mina-meddelanden' },
    { key: 'SE Kivra', rule: 'se-kivra' },
    { key: 'SE BankID', rule: 'idp-bankid' },
    { key: 'SE Freja eID', rule: 'idp-freja' },
    { key: 'SE Sweden Connect', rule: 'idp-sweden-connect' },
    {
      key: 'SE Other state e-services',
      route: {
        'elsakerhetsverket.se': 'se-elsakerhetsverket',
        'imy.se': 'se-imy',
        'lantmateriet.se': 'se-lantmateriet',
        'sjv.se': 'se-jordbruksverket',
        'trafikverket.se': 'se-trafikverket',
        'transportstyrelsen.se': 'se-transportstyrelsen',
      },
    },
    { key: 'SE e-legitimation', skip: SKIP_UNVERIFIED },
  ],
};
