/**
 * A small strict XML reader for the generated templates (no dependency): one root element, every tag closed in
 * order, attributes quoted and unique, only the five named entities and numeric ones, no stray `<` or `&`.
 * Throws on the first error with its offset; returns the element tree.
 */
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const NAME = '[A-Za-z_][\\w.:-]*';
const ENTITY = /&(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/g;

function decode(raw: string, at: number): string {
  if (raw.includes('<')) throw new Error(`stray < at ${at}`);
  if (/&/.test(raw.replace(ENTITY, ''))) throw new Error(`bad entity at ${at}: ${raw.slice(0, 40)}`);
  return raw.replace(ENTITY, (e) => {
    const named: Record<string, string> = {
      '&amp;': '&',
      '&lt;': '<',
      '&gt;': '>',
      '&quot;': '"',
      '&apos;': "'",
    };
    if (named[e]) return named[e]!;
    return String.fromCodePoint(e[2] === 'x' ? Number.parseInt(e.slice(3, -1), 16) : Number(e.slice(2, -1)));
  });
}

export function parseXml(xml: string): XmlElement {
  let i = 0;
  const skip = (re: RegExp) => {
    re.lastIndex = i;
    const m = re.exec(xml);
    if (m && m.index === i) {
      i += m[0].length;
      return m;
    }
    return null;
  };
  const misc = () => {
    for (;;) {
      if (skip(/\s+/y)) continue;
      if (skip(/<!--(?:(?!--)[\s\S])*-->/y)) continue;
      if (skip(/<\?[\s\S]*?\?>/y)) continue;
      return;
    }
  };
  function element(): XmlElement {
    const open = skip(new RegExp(`<(${NAME})`, 'y'));
    if (!open) throw new Error(`expected an element at ${i}: ${xml.slice(i, i + 40)}`);
    const el: XmlElement = { name: open[1]!, attrs: {}, children: [], text: '' };
    for (;;) {
      const attr = skip(new RegExp(`\\s+(${NAME})\\s*=\\s*(?:"([^"]*)"|'([^']*)')`, 'y'));
      if (!attr) break;
      if (Object.hasOwn(el.attrs, attr[1]!)) throw new Error(`duplicate attribute ${attr[1]} at ${i}`);
      el.attrs[attr[1]!] = decode(attr[2] ?? attr[3] ?? '', i);
    }
    skip(/\s+/y);
    if (skip(/\/>/y)) return el;
    if (!skip(/>/y)) throw new Error(`malformed tag <${el.name}> at ${i}`);
    for (;;) {
      const text = skip(/[^<]+/y);
      if (text) el.text += decode(text[0], i);
      if (skip(/<!--(?:(?!--)[\s\S])*-->/y)) continue;
      const close = skip(new RegExp(`</(${NAME})\\s*>`, 'y'));
      if (close) {
        if (close[1] !== el.name) throw new Error(`</${close[1]}> closes <${el.name}> at ${i}`);
        return el;
      }
      if (i >= xml.length) throw new Error(`<${el.name}> never closed`);
      el.children.push(element());
    }
  }
  misc();
  const root = element();
  misc();
  if (i !== xml.length) throw new Error(`content after the root element at ${i}`);
  return root;
}

/** Every descendant element (depth first) named `name`. */
export function descendants(el: XmlElement, name: string): XmlElement[] {
  return el.children.flatMap((c) => [...(c.name === name ? [c] : []), ...descendants(c, name)]);
}
