/**
 * Readers for the deployment sample formats, as the browsers read them: a JSON-Schema check of the subset
 * Chrome's managed_schema uses, Windows .reg files turned into policy values the way Chrome's registry
 * loader does (DWORDs and strings converted by the schema; a list is a subkey of values "1", "2", …), and
 * Apple property lists.
 */

export interface Schema {
  type: 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean';
  properties?: Record<string, Schema>;
  items?: Schema;
  title?: string;
  description?: string;
}

/** Errors of `value` against `schema` (Chrome's subset: type, properties, items). Unknown keys are errors too. */
export function schemaErrors(value: unknown, schema: Schema, path = ''): string[] {
  const at = path || '(root)';
  switch (schema.type) {
    case 'object': {
      if (typeof value !== 'object' || value === null || Array.isArray(value))
        return [`${at}: not an object`];
      return Object.entries(value).flatMap(([k, v]) => {
        const sub = schema.properties?.[k];
        return sub ? schemaErrors(v, sub, `${path}.${k}`) : [`${path}.${k}: not in the schema`];
      });
    }
    case 'array':
      return Array.isArray(value)
        ? value.flatMap((v, i) => (schema.items ? schemaErrors(v, schema.items, `${path}[${i}]`) : []))
        : [`${at}: not an array`];
    case 'integer':
      return Number.isInteger(value) ? [] : [`${at}: not an integer`];
    case 'number':
      return typeof value === 'number' ? [] : [`${at}: not a number`];
    case 'string':
      return typeof value === 'string' ? [] : [`${at}: not a string`];
    case 'boolean':
      return typeof value === 'boolean' ? [] : [`${at}: not a boolean`];
  }
}

type RegValue = { kind: 'dword'; value: number } | { kind: 'sz'; value: string };
export type RegKeys = Map<string, Map<string, RegValue>>;

/** A .reg file (REGEDIT5): key path → value name → value. */
export function parseReg(text: string): RegKeys {
  const keys: RegKeys = new Map();
  let current: Map<string, RegValue> | undefined;
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (lines[0]?.trim() !== 'Windows Registry Editor Version 5.00') throw new Error('not a REGEDIT5 file');
  for (const raw of lines.slice(1)) {
    const line = raw.trim();
    if (line === '' || line.startsWith(';')) continue;
    const key = /^\[(.+)\]$/.exec(line);
    if (key) {
      current = keys.get(key[1]!) ?? new Map();
      keys.set(key[1]!, current);
      continue;
    }
    const value = /^"((?:[^"\\]|\\.)*)"=(?:dword:([0-9a-f]{8})|"((?:[^"\\]|\\.)*)")$/i.exec(line);
    if (!value || !current) throw new Error(`cannot read line: ${line}`);
    const unquote = (s: string) => s.replace(/\\(.)/g, '$1');
    current.set(
      unquote(value[1]!),
      value[2] !== undefined
        ? { kind: 'dword', value: Number.parseInt(value[2], 16) }
        : { kind: 'sz', value: unquote(value[3]!) },
    );
  }
  return keys;
}

/** The policy under `base` as Chrome reads it with the extension's schema. */
export function regToPolicy(keys: RegKeys, base: string, schema: Schema): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const values = keys.get(base) ?? new Map<string, RegValue>();
  for (const [name, sub] of Object.entries(schema.properties ?? {})) {
    const v = values.get(name);
    if (sub.type === 'array') {
      const list = keys.get(`${base}\\${name}`);
      if (list)
        out[name] = [...list]
          .sort(([a], [b]) => Number(a) - Number(b))
          .map(([, x]) => (x.kind === 'sz' ? x.value : x.value));
      continue;
    }
    if (!v) continue;
    if (sub.type === 'boolean' && v.kind === 'dword') out[name] = v.value !== 0;
    else out[name] = v.value;
  }
  for (const name of values.keys())
    if (!schema.properties?.[name]) out[name] = (values.get(name) as RegValue).value;
  return out;
}

export type Plist = string | number | boolean | Plist[] | { [k: string]: Plist };

/** An XML property list (dict, array, string, integer, true, false). */
export function parsePlist(xml: string): Plist {
  const tokens = [...xml.matchAll(/<(\/?)(dict|array|key|string|integer|true|false)(\/?)>([^<]*)/g)];
  let i = 0;
  const decode = (s: string) =>
    s
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&');
  const close = (tag: string) => {
    const t = tokens[i++];
    if (t?.[1] !== '/' || t[2] !== tag) throw new Error(`expected </${tag}>`);
  };
  function value(): Plist {
    const t = tokens[i++];
    if (!t || t[1] === '/') throw new Error('unexpected end of plist');
    const [, , tag, selfClosing, text = ''] = t;
    if (tag === 'true' || tag === 'false') {
      if (!selfClosing) close(tag);
      return tag === 'true';
    }
    if (tag === 'string') {
      close('string');
      return decode(text);
    }
    if (tag === 'integer') {
      close('integer');
      return Number.parseInt(text, 10);
    }
    if (tag === 'array') {
      const out: Plist[] = [];
      while (tokens[i] && !(tokens[i]![1] === '/' && tokens[i]![2] === 'array')) out.push(value());
      close('array');
      return out;
    }
    if (tag === 'dict') {
      const out: Record<string, Plist> = {};
      while (tokens[i] && !(tokens[i]![1] === '/' && tokens[i]![2] === 'dict')) {
        const k = tokens[i++];
        if (k?.[2] !== 'key') throw new Error('expected <key>');
        close('key');
        out[decode(k[4] ?? '')] = value();
      }
      close('dict');
      return out;
    }
    throw new Error(`unexpected <${tag}>`);
  }
  return value();
}
