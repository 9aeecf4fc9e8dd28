/**
 * A small XML writer for the AWS response documents: object keys become child elements in insertion order,
 * arrays become repeated elements, `undefined` leaves the element out.
 */
export type XmlValue = string | number | boolean | undefined | XmlNode | XmlValue[];
export interface XmlNode {
  [name: string]: XmlValue;
}

const DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';

export function toXml(root: string, value: XmlNode, xmlns?: string): string {
  const attributes = xmlns === undefined ? '' : ` xmlns="${xmlns}"`;
  return `${DECLARATION}<${root}${attributes}>${children(value)}</${root}>`;
}

function children(node: XmlNode): string {
  let out = '';
  for (const [name, value] of Object.entries(node)) {
    out += element(name, value);
  }
  return out;
}

function element(name: string, value: XmlValue): string {
  if (value === undefined) {
    return '';
  }
  if (Array.isArray(value)) {
    return value.map((item) => element(name, item)).join('');
  }
  if (typeof value === 'object') {
    return `<${name}>${children(value)}</${name}>`;
  }
  return `<${name}>${escapeXml(String(value))}</${name}>`;
}

/** Escapes text for element content; CR is written as a reference because XML parsers otherwise fold it into LF. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>\r]/g, (char) => XML_ESCAPES[char]);
}

const XML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '\r': '&#13;',
};
