// A small XML reader for service documents (WMTS capabilities): elements by local name (prefixes
// dropped), attributes, text. No DTDs or entities beyond the five predefined ones and numeric ones —
// capabilities documents need none, and nothing here ever fetches anything a document names.

export interface XmlNode {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  text: string;
}

export class XmlError extends Error {}

const local = (n: string) => n.slice(n.indexOf(':') + 1);

function decode(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|lt|gt|amp|quot|apos);/gi, (_m, e: string) => {
    if (e[0] === '#')
      return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
    return { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }[e.toLowerCase()] as string;
  });
}

export function parseXml(src: string): XmlNode {
  const root: XmlNode = { name: '#document', attrs: {}, children: [], text: '' };
  const stack: XmlNode[] = [root];
  // comment | processing instruction | CDATA (1) | doctype | tag: close (2), name (3), attributes (4), self-closing (5) | text (6)
  const tag = /<(\/?)([\w:.-]+)((?:\s+[\w:.-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/.source;
  const re = new RegExp(
    `<!--[\\s\\S]*?-->|<\\?[\\s\\S]*?\\?>|<!\\[CDATA\\[([\\s\\S]*?)\\]\\]>|<!DOCTYPE[^>]*>|${tag}|([^<]+)`,
    'g',
  );
  let m: RegExpExecArray | null;
  let last = 0;
  while ((m = re.exec(src))) {
    if (m.index !== last) throw new XmlError(`malformed XML near character ${last}`);
    last = re.lastIndex;
    const top = stack[stack.length - 1];
    if (m[1] !== undefined) top.text += m[1];
    else if (m[6] !== undefined) top.text += decode(m[6]);
    else if (m[3]) {
      const name = local(m[3]);
      if (m[2]) {
        if (stack.length < 2 || top.name !== name) throw new XmlError(`unexpected </${m[3]}>`);
        top.text = top.text.trim();
        stack.pop();
        continue;
      }
      const attrs: Record<string, string> = {};
      for (const a of m[4].matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g))
        attrs[local(a[1])] = decode(a[2] ?? a[3]);
      const node: XmlNode = { name, attrs, children: [], text: '' };
      top.children.push(node);
      if (!m[5]) stack.push(node);
    }
  }
  if (last !== src.length) throw new XmlError(`malformed XML near character ${last}`);
  if (stack.length !== 1) throw new XmlError(`unclosed <${stack[stack.length - 1].name}>`);
  return root;
}

export const kids = (n: XmlNode | undefined, name: string): XmlNode[] =>
  n?.children.filter((c) => c.name === name) ?? [];
export const kid = (n: XmlNode | undefined, name: string): XmlNode | undefined =>
  n?.children.find((c) => c.name === name);
export const textOf = (n: XmlNode | undefined, name: string): string | undefined => kid(n, name)?.text;

/** Every descendant with this name, depth first. */
export function find(n: XmlNode, name: string, out: XmlNode[] = []): XmlNode[] {
  for (const c of n.children) {
    if (c.name === name) out.push(c);
    find(c, name, out);
  }
  return out;
}
