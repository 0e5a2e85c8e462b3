/**
 * Editorial decisions for the 2026-12 files: agencies.tsv and platforms-nordic.tsv row by row, and how the
 * Norwegian, Danish and Finnish municipality files become rules (ids, labels, packs). Same shape as
 * catalogue.mjs; a row that matches no entry stops the generator.
 */

/** The municipality packs, one a country, apart from each country's national services (`no`, `dk`, `fi`). */
export const MUNICIPALITY_PACKS = [
  { id: 'no-kommuner', label: 'Norges kommuner', country: 'NO' },
  { id: 'dk-kommuner', label: 'Danmarks kommuner', country: 'DK' },
  { id: 'fi-kunnat', label: 'Suomen kunnat / Finlands kommuner', country: 'FI' },
];

/** One file per country: `<idPrefix><code>`, the code checked against `code`, and the label from the name. */
export const MUNICIPALITY_FILES = {
  'no-kommuner.tsv': {
    pack: 'no-kommuner',
    country: 'NO',
    idPrefix: 'no-kommune-',
    code: /^\d{4}$/,
    // "Herøy (Nordland)" → "Herøy kommune (Nordland)".
    label: (name) =>
      name.replace(/^([^(]*?)(\s*\(.*\))?$/, (_, base, where) => `${base} kommune${where ?? ''}`),
    labels: { '0301': 'Oslo kommune', 4621: 'Voss herad' },
  },
  'dk-kommuner.tsv': {
    pack: 'dk-kommuner',
    country: 'DK',
    idPrefix: 'dk-kommune-',
    code: /^\d{4}$/,
    label: (name) => `${name} Kommune`,
    labels: { '0101': 'Københavns Kommune' },
  },
  'fi-kunnat.tsv': {
    pack: 'fi-kunnat',
    country: 'FI',
    idPrefix: 'fi-kunta-',
    code: /^\d{3}$/,
    // Finnish names would need the genitive ("Espoon kaupunki"): the name alone is clear in the pack's context.
    label: (name) => name,
    labels: {},
  },
};

const r = (pack, kind, country, label) => ({ pack, kind, country, label });
const seAgency = (label) => r('se-agencies', 'agency', 'SE', label);
const seNational = (label) => r('se-agencies', 'national', 'SE', label);
const seVendor = (label) => r('se-vendors', 'vendor', 'SE', label);

/** Rules first named by the 2026-12 files. */
export const NORDIC_RULE_DEFS = {
  'se-antagning': seNational('Antagning.se / University Admissions (UHR)'),
  'se-bolagsverket': seAgency('Bolagsverket'),
  'se-ehalsomyndigheten': seAgency('E-hälsomyndigheten'),
  'se-kronofogden': seAgency('Kronofogden'),
  'se-migrationsverket': seAgency('Migrationsverket'),
  'se-min-myndighetspost': seNational('Min myndighetspost (Digg)'),
  'se-minpension': seNational('minPension'),
  'se-pensionsmyndigheten': seAgency('Pensionsmyndigheten'),
  'se-polisen': seAgency('Polisen'),
  'se-tullverket': seAgency('Tullverket'),

  'se-boplats': seVendor('Boplats Göteborg'),
  'se-boplats-syd': seVendor('Boplats Syd'),
  'se-nsva': seVendor('NSVA (Nordvästra Skånes Vatten och Avlopp)'),
  'se-stockholm-vatten': seVendor('Stockholm Vatten och Avfall'),
  'se-vendor-dexter': seVendor('Dexter (IST)'),
  'se-vendor-mittbygge': seVendor('Mittbygge'),

  'idp-bankid-no': r('idp', 'idp', 'NO', 'BankID (Norge)'),
  'idp-buypass': r('idp', 'idp', 'NO', 'Buypass'),

  'no-digipost': r('no', 'national', 'NO', 'Digipost'),
  'no-lanekassen': r('no', 'agency', 'NO', 'Lånekassen'),
  'no-samordna-opptak': r('no', 'national', 'NO', 'Samordna opptak'),
  'no-skatteetaten': r('no', 'agency', 'NO', 'Skatteetaten'),
  'no-transponder': r('no', 'vendor', 'NO', 'Transponder Meldingsbok'),
  'no-udi': r('no', 'agency', 'NO', 'UDI'),
  'no-vegvesen': r('no', 'agency', 'NO', 'Statens vegvesen'),
  'no-vigo': r('no', 'national', 'NO', 'VIGO (søknad videregående)'),
  'no-vigilo': r('no', 'vendor', 'NO', 'Vigilo'),
  'no-visma-inschool': r('no', 'vendor', 'NO', 'Visma InSchool'),

  'dk-easyiq': r('dk', 'vendor', 'DK', 'EasyIQ Skoleportal'),
  'dk-jobnet': r('dk', 'agency', 'DK', 'Jobnet'),
  'dk-lectio': r('dk', 'vendor', 'DK', 'Lectio'),
  'dk-minuddannelse': r('dk', 'vendor', 'DK', 'MinUddannelse'),
  'dk-mitid-erhverv': r('dk', 'national', 'DK', 'MitID Erhverv'),
  'dk-nyidanmark': r('dk', 'agency', 'DK', 'Ny i Danmark (SIRI)'),
  'dk-optagelse': r('dk', 'national', 'DK', 'Optagelse.dk'),
  'dk-pensionsinfo': r('dk', 'national', 'DK', 'PensionsInfo'),
  'dk-politi': r('dk', 'agency', 'DK', 'Politiet'),
  'dk-skat': r('dk', 'agency', 'DK', 'Skattestyrelsen (skat.dk)'),
  'dk-su': r('dk', 'agency', 'DK', 'SU (minSU)'),
  'dk-sundhed': r('dk', 'national', 'DK', 'sundhed.dk'),
  'dk-virk': r('dk', 'national', 'DK', 'Virk'),

  'fi-helmi': r('fi', 'vendor', 'FI', 'Helmi'),
  'fi-hsy': r('fi', 'national', 'FI', 'HSY (Oma HSY)'),
  'fi-maisa': r('fi', 'national', 'FI', 'Maisa'),
  'fi-migri': r('fi', 'agency', 'FI', 'Migri / Enter Finland'),
  'fi-omaolo': r('fi', 'national', 'FI', 'Omaolo'),
  'fi-opintopolku': r('fi', 'national', 'FI', 'Opintopolku'),
  'fi-peda': r('fi', 'vendor', 'FI', 'Peda.net'),
  'fi-poliisi': r('fi', 'agency', 'FI', 'Poliisi'),
  'fi-traficom': r('fi', 'agency', 'FI', 'Traficom'),
  'fi-tyomarkkinatori': r('fi', 'agency', 'FI', 'Työmarkkinatori'),
};

/**
 * Per file, as catalogue.mjs `ROWS`; the key matches the start of "<country> <name>" (the longest key wins).
 * platforms-nordic.tsv takes the row's registrable domain, unless `domains` narrows it to the suffix its
 * example hosts share (the registrable domain is far broader than the platform, or holds test hosts the data
 * leaves out): every example host must then lie within one of `domains`.
 */
export const NORDIC_ROWS = {
  'agencies.tsv': [
    { key: 'SE Polismyndigheten', rule: 'se-polisen' },
    { key: 'SE Migrationsverket', rule: 'se-migrationsverket' },
    { key: 'SE Pensionsmyndigheten', rule: 'se-pensionsmyndigheten' },
    { key: 'SE minPension', rule: 'se-minpension' },
    { key: 'SE Kronofogdemyndigheten', rule: 'se-kronofogden' },
    { key: 'SE Bolagsverket', rule: 'se-bolagsverket' },
    { key: 'SE Universitets- och högskolerådet', rule: 'se-antagning' },
    { key: 'SE Digg - Min myndighetspost', rule: 'se-min-myndighetspost' },
    { key: 'SE Tullverket', rule: 'se-tullverket' },
    { key: 'SE E-hälsomyndigheten', rule: 'se-ehalsomyndigheten' },
    { key: 'SE Centrala studiestödsnämnden', rule: 'se-csn' },
    { key: 'SE Arbetsförmedlingen', rule: 'se-arbetsformedlingen' },
    { key: 'SE Försäkringskassan', rule: 'se-forsakringskassan' },
    { key: 'SE Skatteverket', rule: 'se-skatteverket' },
    { key: 'SE Transportstyrelsen', rule: 'se-transportstyrelsen' },
    { key: 'SE Lantmäteriet', rule: 'se-lantmateriet' },
    { key: 'SE Kivra', rule: 'se-kivra' },
    { key: 'SE 1177', rule: 'se-1177' },
    { key: 'SE Jordbruksverket', rule: 'se-jordbruksverket' },
    { key: 'NO NAV', rule: 'no-nav' },
    { key: 'NO Altinn', rule: 'no-altinn' },
    { key: 'NO Helsenorge', rule: 'no-helsenorge' },
    { key: 'NO Skatteetaten', rule: 'no-skatteetaten' },
    { key: 'NO Lånekassen', rule: 'no-lanekassen' },
    { key: 'NO Utlendingsdirektoratet', rule: 'no-udi' },
    { key: 'NO Digipost', rule: 'no-digipost' },
    { key: 'NO Statens vegvesen', rule: 'no-vegvesen' },
    { key: 'NO ID-porten', rule: 'idp-idporten' },
    { key: 'NO BankID', rule: 'idp-bankid-no' },
    { key: 'NO Samordna opptak', rule: 'no-samordna-opptak' },
    { key: 'NO VIGO', rule: 'no-vigo' },
    { key: 'DK borger.dk', rule: 'dk-borger' },
    { key: 'DK MitID', rule: 'idp-mitid' },
    { key: 'DK MitID Erhverv', rule: 'dk-mitid-erhverv' },
    { key: 'DK sundhed.dk', rule: 'dk-sundhed' },
    { key: 'DK Skatteforvaltningen', rule: 'dk-skat' },
    { key: 'DK e-Boks', rule: 'dk-eboks' },
    { key: 'DK Digital Post', rule: 'dk-digital-post' },
    { key: 'DK Jobnet', rule: 'dk-jobnet' },
    { key: 'DK Virk', rule: 'dk-virk' },
    { key: 'DK SIRI', rule: 'dk-nyidanmark' },
    { key: 'DK Uddannelses- og Forskningsstyrelsen - SU', rule: 'dk-su' },
    { key: 'DK Optagelse.dk', rule: 'dk-optagelse' },
    { key: 'DK PensionsInfo', rule: 'dk-pensionsinfo' },
    { key: 'DK Rigspolitiet', rule: 'dk-politi' },
    { key: 'FI Suomi.fi', rule: 'fi-suomi' },
    { key: 'FI Kela', rule: 'fi-kela' },
    { key: 'FI Verohallinto', rule: 'fi-vero' },
    { key: 'FI Kanta', rule: 'fi-kanta' },
    { key: 'FI Työmarkkinatori', rule: 'fi-tyomarkkinatori' },
    { key: 'FI Opintopolku', rule: 'fi-opintopolku' },
    { key: 'FI Enter Finland', rule: 'fi-migri' },
    { key: 'FI Maahanmuuttovirasto', rule: 'fi-migri' },
    { key: 'FI Traficom', rule: 'fi-traficom' },
    { key: 'FI Poliisi', rule: 'fi-poliisi' },
  ],
  'platforms-nordic.tsv': [
    { key: 'SE Vklass', rule: 'se-vendor-vklass' },
    { key: 'SE SchoolSoft', rule: 'se-vendor-schoolsoft' },
    { key: 'SE InfoMentor', rule: 'se-vendor-infomentor' },
    { key: 'SE Unikum', rule: 'se-vendor-unikum' },
    { key: 'SE Skola24 (', rule: 'se-vendor-skola24' },
    { key: 'SE Skola24 SSO hop', rule: 'se-vendor-skola24' },
    { key: 'SE Dexter', rule: 'se-vendor-dexter' },
    {
      key: 'SE Hjärntorget',
      domains: ['hjarntorget.goteborg.se', 'auth.goteborg.se'],
      route: { 'hjarntorget.goteborg.se': 'se-vendor-hjarntorget', 'auth.goteborg.se': 'idp-goteborg' },
    },
    {
      key: 'SE Funktionstjänster',
      rule: 'idp-cgi',
      domains: ['idp.funktionstjanster.se', 'eid-connect.funktionstjanster.se'],
    },
    { key: 'SE GrandID', rule: 'idp-grandid', domains: ['login.grandid.com'] },
    { key: 'SE Boplats Göteborg', rule: 'se-boplats' },
    { key: 'SE Boplats Syd', rule: 'se-boplats-syd' },
    { key: 'SE Bostadsförmedlingen', rule: 'se-kommun-0180', domains: ['bostad.stockholm.se'] },
    { key: 'SE Stockholm Vatten', rule: 'se-stockholm-vatten' },
    { key: 'SE NSVA', rule: 'se-nsva' },
    { key: 'SE Mittbygge', rule: 'se-vendor-mittbygge' },
    { key: 'SE e-nämnd', rule: 'se-vendor-enamnd' },
    { key: 'NO Visma InSchool', rule: 'no-visma-inschool', domains: ['inschool.visma.no'] },
    { key: 'NO Vigilo', rule: 'no-vigilo' },
    { key: 'NO Transponder', rule: 'no-transponder' },
    { key: 'NO IST ASP', rule: 'se-vendor-ist' },
    { key: 'NO Feide', rule: 'idp-feide' },
    { key: 'NO ID-porten', rule: 'idp-idporten' },
    { key: 'DK Aula', rule: 'dk-aula' },
    { key: 'DK Unilogin', rule: 'idp-unilogin' },
    { key: 'DK Mit Unilogin', rule: 'idp-unilogin' },
    { key: 'DK MitID', rule: 'idp-mitid', domains: ['nemlog-in.mitid.dk'] },
    { key: 'DK MinUddannelse', rule: 'dk-minuddannelse' },
    { key: 'DK EasyIQ', rule: 'dk-easyiq' },
    { key: 'DK Lectio', rule: 'dk-lectio' },
    { key: 'DK sundhed.dk', rule: 'dk-sundhed' },
    { key: 'DK borger.dk', rule: 'dk-borger' },
    { key: 'DK mit.dk', rule: 'dk-digital-post' },
    { key: 'DK e-Boks', rule: 'dk-eboks' },
    { key: 'FI Wilma', rule: 'fi-wilma' },
    { key: 'FI Helmi', rule: 'fi-helmi' },
    { key: 'FI Peda.net', rule: 'fi-peda' },
    { key: 'FI eVaka', rule: 'fi-kunta-049' },
    { key: 'FI Suomi.fi', rule: 'idp-suomifi', domains: ['tunnistus.suomi.fi'] },
    { key: 'FI OmaKanta', rule: 'fi-kanta' },
    { key: 'FI Maisa', rule: 'fi-maisa' },
    { key: 'FI Omaolo', rule: 'fi-omaolo' },
    { key: 'FI Oulun Omahoito', rule: 'fi-kunta-564' },
    { key: 'FI MyHSY', rule: 'fi-hsy' },
  ],
};
