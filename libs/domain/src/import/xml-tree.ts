import { xmlTooDeep, type PlanImportLimits } from './import-limits';

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlNode[];
}

export type XmlNode = XmlElement | string;

const TOKEN = /<!\[CDATA\[([\s\S]*?)\]\]>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!DOCTYPE[^>]*>|<(\/?)([\w:.-]+)((?:\s+[\w:.-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|([^<]+)/g;
const ATTRIBUTE = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/**
 * WordprocessingML is plain, well-formed XML without DTDs; a small tolerant parser is enough and keeps the
 * domain library free of a DOM dependency. The file is untrusted: nesting past `maxXmlDepth` is refused,
 * which also keeps the cost linear (a closing tag is matched against at most that many open elements) and
 * the recursive walks over the tree within the call stack.
 */
export function parseXml(xml: string, limits: PlanImportLimits): XmlElement {
  const root: XmlElement = { name: '#document', attributes: {}, children: [] };
  const stack: XmlElement[] = [root];
  for (const match of xml.matchAll(TOKEN)) {
    const [, cdata, closing, name, attributeText, selfClosing, text] = match;
    const parent = stack[stack.length - 1];
    if (cdata !== undefined) parent.children.push(cdata);
    else if (text !== undefined) parent.children.push(decodeEntities(text));
    else if (name === undefined) continue;
    else if (closing) closeElement(stack, name);
    else {
      const element: XmlElement = { name, attributes: parseAttributes(attributeText ?? ''), children: [] };
      parent.children.push(element);
      if (selfClosing) continue;
      if (stack.length > limits.maxXmlDepth) throw xmlTooDeep(limits);
      stack.push(element);
    }
  }
  return root;
}

/** Closes the innermost open element of that name (and any left open inside it); a stray closing tag is ignored. */
function closeElement(stack: XmlElement[], name: string): void {
  for (let index = stack.length - 1; index > 0; index--) {
    if (stack[index].name === name) {
      stack.length = index;
      return;
    }
  }
}

export function childElements(element: XmlElement, name?: string): XmlElement[] {
  return element.children.filter(
    (child): child is XmlElement => typeof child !== 'string' && (name === undefined || child.name === name),
  );
}

export function firstChild(element: XmlElement, name: string): XmlElement | undefined {
  return childElements(element, name)[0];
}

function parseAttributes(text: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const [, key, double, single] of text.matchAll(ATTRIBUTE)) {
    attributes[key] = decodeEntities(double ?? single ?? '');
  }
  return attributes;
}

function decodeEntities(text: string): string {
  return text.replace(/&(?:#x([0-9a-f]+)|#(\d+)|(amp|lt|gt|quot|apos));/gi, (_, hex, dec, named: string) => {
    if (hex) return String.fromCodePoint(parseInt(hex, 16));
    if (dec) return String.fromCodePoint(parseInt(dec, 10));
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[named.toLowerCase()] ?? '';
  });
}
