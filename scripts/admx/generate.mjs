/**
 * public/managed_schema.json → ADMX/ADML templates (en-US, sv-SE) for Google Chrome and Microsoft Edge, so IT can
 * set Safe Logout's configuration in the Group Policy editor or import it into Intune. Each schema key is one
 * policy under the browser's 3rdparty path of the extension (`…\3rdparty\extensions\<id>\policy`), where the
 * browser reads an extension's managed storage from:
 *   boolean → Enabled writes 1, Disabled writes 0 (as the browsers' own ADMX do for their boolean policies);
 *   integer → a decimal element; string → a text element; array of strings → a list (a subkey of values 1, 2, …).
 * Pure: `scripts/admx.mjs` writes the files.
 */
import { SV_SE } from './sv-SE.mjs';

export const BROWSERS = {
  chrome: {
    name: 'Google Chrome',
    root: 'Software\\Policies\\Google\\Chrome',
    placeholder: 'CHROME_EXTENSION_ID',
    file: 'safe_logout_chrome',
    namespace: 'SafeLogout.Policies.Chrome',
  },
  edge: {
    name: 'Microsoft Edge',
    root: 'Software\\Policies\\Microsoft\\Edge',
    placeholder: 'EDGE_EXTENSION_ID',
    file: 'safe_logout_edge',
    namespace: 'SafeLogout.Policies.Edge',
  },
};

export const LANGUAGES = ['en-US', 'sv-SE'];

/** Texts around the policies, per language. */
const UI = {
  'en-US': {
    category: (browser) => `Safe Logout (${browser})`,
    supported: (browser) => `${browser} with Safe Logout installed`,
    description: (browser) => `Configuration of the Safe Logout extension in ${browser}.`,
    boolean: 'Enabled: on (true). Disabled: off (false). Not configured: the extension’s default.',
    decimal: 'Not configured: the extension’s default.',
    text: 'Not configured: the extension’s default.',
    list: 'One entry per line. Not configured: none.',
    where: (key) => `Written to HKLM\\${key}.`,
  },
  'sv-SE': {
    category: (browser) => `Safe Logout (${browser})`,
    supported: (browser) => `${browser} med Safe Logout installerat`,
    description: (browser) => `Konfiguration av tillägget Safe Logout i ${browser}.`,
    boolean: 'Aktiverad: på (true). Inaktiverad: av (false). Inte konfigurerad: tilläggets standard.',
    decimal: 'Inte konfigurerad: tilläggets standard.',
    text: 'Inte konfigurerad: tilläggets standard.',
    list: 'En post per rad. Inte konfigurerad: inga.',
    where: (key) => `Skrivs till HKLM\\${key}.`,
  },
};

/** The ADMX element a schema property becomes. */
export function elementKind(prop) {
  if (prop.type === 'boolean') return 'boolean';
  if (prop.type === 'integer') return 'decimal';
  if (prop.type === 'string') return 'text';
  if (prop.type === 'array' && prop.items?.type === 'string') return 'list';
  throw new Error(`no ADMX element for schema type ${JSON.stringify(prop)}`);
}

/** An extension id as the stores give it (32 letters a–p), or the browser's placeholder. */
export function checkId(browser, id) {
  if (id === BROWSERS[browser].placeholder || /^[a-p]{32}$/.test(id)) return id;
  throw new Error(`not a ${BROWSERS[browser].name} extension id: ${id} (32 letters a–p)`);
}

const esc = (s) =>
  String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export const policyKey = (browser, id) => `${BROWSERS[browser].root}\\3rdparty\\extensions\\${id}\\policy`;

function policyXml(name, prop, key) {
  const kind = elementKind(prop);
  const head = `    <policy name="${name}" class="Machine" displayName="$(string.${name})" explainText="$(string.${name}_Explain)"`;
  const common = [
    '      <parentCategory ref="SafeLogout" />',
    '      <supportedOn ref="SUPPORTED_SAFE_LOGOUT" />',
  ];
  if (kind === 'boolean')
    return [
      `${head} key="${key}" valueName="${name}">`,
      ...common,
      '      <enabledValue><decimal value="1" /></enabledValue>',
      '      <disabledValue><decimal value="0" /></disabledValue>',
      '    </policy>',
    ];
  const element = {
    decimal: `<decimal id="${name}" valueName="${name}" minValue="0" maxValue="2147483647" />`,
    text: `<text id="${name}" valueName="${name}" maxLength="2048" />`,
    list: `<list id="${name}" key="${key}\\${name}" valuePrefix="" />`,
  }[kind];
  return [
    // No valueName on the policy itself: the element writes the value (a policy-level one would write 1 there).
    `${head} key="${key}" presentation="$(presentation.${name})">`,
    ...common,
    '      <elements>',
    `        ${element}`,
    '      </elements>',
    '    </policy>',
  ];
}

export function generateAdmx(schema, browser, id) {
  const b = BROWSERS[browser];
  const key = policyKey(browser, checkId(browser, id));
  const props = Object.entries(schema.properties);
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<!-- Generated from public/managed_schema.json by npm run admx (scripts/admx.mjs): do not edit. Extension id: ${id}. -->`,
    '<policyDefinitions xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" revision="1.0" schemaVersion="1.0" xmlns="http://schemas.microsoft.com/GroupPolicy/2006/07/PolicyDefinitions">',
    '  <policyNamespaces>',
    `    <target prefix="safelogout" namespace="${b.namespace}" />`,
    '  </policyNamespaces>',
    '  <resources minRequiredRevision="1.0" />',
    '  <supportedOn>',
    '    <definitions>',
    '      <definition name="SUPPORTED_SAFE_LOGOUT" displayName="$(string.SUPPORTED_SAFE_LOGOUT)" />',
    '    </definitions>',
    '  </supportedOn>',
    '  <categories>',
    '    <category name="SafeLogout" displayName="$(string.SafeLogout)" explainText="$(string.SafeLogout_Explain)" />',
    '  </categories>',
    '  <policies>',
    ...props.flatMap(([name, prop]) => policyXml(name, prop, key)),
    '  </policies>',
    '</policyDefinitions>',
    '',
  ].join('\n');
}

function texts(lang, name, prop) {
  if (lang === 'en-US') return { title: prop.title ?? name, description: prop.description ?? '' };
  const t = SV_SE[name];
  if (!t) throw new Error(`no Swedish text for policy key ${name}: add it to scripts/admx/sv-SE.mjs`);
  return t;
}

export function generateAdml(schema, browser, lang, id) {
  const b = BROWSERS[browser];
  const ui = UI[lang];
  const key = policyKey(browser, checkId(browser, id));
  const props = Object.entries(schema.properties);
  const strings = [
    ['SafeLogout', ui.category(b.name)],
    ['SafeLogout_Explain', ui.description(b.name)],
    ['SUPPORTED_SAFE_LOGOUT', ui.supported(b.name)],
    ...props.flatMap(([name, prop]) => {
      const t = texts(lang, name, prop);
      const kind = elementKind(prop);
      const where = kind === 'list' ? `${key}\\${name}` : `${key} (${name})`;
      return [
        [name, t.title],
        [`${name}_Explain`, `${t.description}\n\n${ui[kind]}\n\n${ui.where(where)}`],
      ];
    }),
  ];
  const presentations = props
    .filter(([, prop]) => elementKind(prop) !== 'boolean')
    .map(([name, prop]) => {
      const label = esc(texts(lang, name, prop).title);
      const control = {
        decimal: `<decimalTextBox refId="${name}" spinStep="1">${label}</decimalTextBox>`,
        text: `<textBox refId="${name}"><label>${label}</label></textBox>`,
        list: `<listBox refId="${name}">${label}</listBox>`,
      }[elementKind(prop)];
      return `      <presentation id="${name}">\n        ${control}\n      </presentation>`;
    });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<!-- Generated from public/managed_schema.json by npm run admx (scripts/admx.mjs): do not edit. -->`,
    '<policyDefinitionResources xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" revision="1.0" schemaVersion="1.0" xmlns="http://schemas.microsoft.com/GroupPolicy/2006/07/PolicyDefinitions">',
    '  <displayName>Safe Logout</displayName>',
    `  <description>${esc(ui.description(b.name))}</description>`,
    '  <resources>',
    '    <stringTable>',
    ...strings.map(([id, text]) => `      <string id="${id}">${esc(text)}</string>`),
    '    </stringTable>',
    '    <presentationTable>',
    ...presentations,
    '    </presentationTable>',
    '  </resources>',
    '</policyDefinitionResources>',
    '',
  ].join('\n');
}

/**
 * Every template file, path (relative to the output directory) → content. `ids` default to the placeholders
 * IT replaces with the store's ids (docs/it-deployment.md).
 */
export function generateAll(schema, ids = {}) {
  const out = new Map();
  for (const browser of Object.keys(BROWSERS)) {
    const id = ids[browser] ?? BROWSERS[browser].placeholder;
    out.set(`${BROWSERS[browser].file}.admx`, generateAdmx(schema, browser, id));
    for (const lang of LANGUAGES)
      out.set(`${lang}/${BROWSERS[browser].file}.adml`, generateAdml(schema, browser, lang, id));
  }
  return out;
}
