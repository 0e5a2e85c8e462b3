/**
 * Raw managed storage → validated ManagedSettings plus notices for the options page. Pure. Anything invalid
 * is left out (the default stays in force) and said in a notice; nothing here can switch protection off —
 * a malformed policy at worst adds nothing.
 */
import { OPT_IN_PACK_IDS } from '../rules/opt-in-packs';
import { validateDomainList } from '../rules/validate-domain';
import { isPolicyKey, POLICY_KEYS, type PolicyKind } from './keys';
import type { ManagedSettings, ParsedPolicy, PolicyKey, PolicyNotice } from './types';

type Value = boolean | number | string | string[];
type Result = { value?: Value; notices: PolicyNotice[] };

const describe = (v: unknown) => (typeof v === 'string' ? v : (JSON.stringify(v) ?? String(v)));
const MAX_DETAIL = 200;
const short = (s: string) => (s.length > MAX_DETAIL ? `${s.slice(0, MAX_DETAIL)}…` : s);

function parseValue(key: PolicyKey, kind: PolicyKind, raw: unknown): Result {
  const notice = (code: PolicyNotice['code'], detail?: string): PolicyNotice =>
    detail === undefined ? { key, code } : { key, code, detail: short(detail) };
  switch (kind.type) {
    case 'boolean':
      return typeof raw === 'boolean'
        ? { value: raw, notices: [] }
        : { notices: [notice('wrong-type', 'boolean')] };
    case 'integer': {
      if (typeof raw !== 'number' || !Number.isInteger(raw))
        return { notices: [notice('wrong-type', 'integer')] };
      if (raw < kind.min) return { notices: [notice('out-of-range', String(raw))] };
      let used = Math.min(raw, kind.max);
      if (kind.floor !== undefined && used > 0 && used < kind.floor) used = kind.floor;
      return used === raw
        ? { value: raw, notices: [] }
        : { value: used, notices: [notice('clamped', `${raw}→${used}`)] };
    }
    case 'domains': {
      if (!Array.isArray(raw)) return { notices: [notice('wrong-type', 'array')] };
      const { domains, errors } = validateDomainList(raw);
      return {
        value: [...domains],
        notices: errors.map((e) => notice('invalid-domain', `${e.input}: ${e.error}`)),
      };
    }
    case 'opt-in-packs': {
      if (!Array.isArray(raw)) return { notices: [notice('wrong-type', 'array')] };
      const known = (x: unknown): x is string =>
        typeof x === 'string' && (OPT_IN_PACK_IDS as readonly string[]).includes(x);
      return {
        value: [...new Set(raw.filter(known))].sort(),
        notices: raw.filter((x) => !known(x)).map((x) => notice('unknown-pack', describe(x))),
      };
    }
    case 'url': {
      if (typeof raw !== 'string') return { notices: [notice('wrong-type', 'string')] };
      try {
        const u = new URL(raw.trim());
        if ((u.protocol === 'https:' || u.protocol === 'http:') && u.hostname !== '')
          return { value: u.href, notices: [] };
      } catch {
        // falls through to the notice
      }
      return { notices: [notice('invalid-url', raw)] };
    }
  }
}

export function parsePolicy(raw: unknown): ParsedPolicy {
  if (raw === undefined || raw === null) return { managed: {}, notices: [] };
  if (typeof raw !== 'object' || Array.isArray(raw))
    return { managed: {}, notices: [{ key: '*', code: 'not-an-object', detail: short(describe(raw)) }] };
  const managed: Record<string, Value> = {};
  const notices: PolicyNotice[] = [];
  for (const [key, value] of Object.entries(raw)) {
    if (!isPolicyKey(key)) {
      notices.push({ key: short(key), code: 'unknown-key' });
      continue;
    }
    const r = parseValue(key, POLICY_KEYS[key], value);
    if (r.value !== undefined) managed[key] = r.value;
    notices.push(...r.notices);
  }
  return { managed: managed as ManagedSettings, notices };
}
