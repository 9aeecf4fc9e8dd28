/** A parsed XML element: text, or child elements by name (a name listed as repeatable always maps to an array). */
export type XmlElement = string | { [name: string]: XmlElement | XmlElement[] };

export class XmlSyntaxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'XmlSyntaxError';
  }
}

/**
 * Parses a request document (S3 configuration and batch bodies) and returns its root element. Text is kept
 * verbatim (no trimming, no number conversion) because it carries object keys, which are byte-exact.
 */
export function parseXml(text: string, root: string, repeatable: readonly string[] = []): XmlElement {
  // Required lazily: only the few requests that carry an XML body need the parser.
  const { XMLParser, XMLValidator } = require('fast-xml-parser') as typeof import('fast-xml-parser');
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    throw new XmlSyntaxError(valid.err.msg);
  }
  const parser = new XMLParser({
    ignoreAttributes: true,
    parseTagValue: false,
    trimValues: false,
    removeNSPrefix: true,
    processEntities: true,
    htmlEntities: true,
    isArray: (name: string) => repeatable.includes(name),
  });
  const document = parser.parse(text) as Record<string, XmlElement>;
  const element = document[root];
  if (element === undefined) {
    throw new XmlSyntaxError(`The document's root element must be <${root}>.`);
  }
  return element;
}

/** The text of a child element, or `undefined` when it is absent. */
export function childText(element: XmlElement | undefined, name: string): string | undefined {
  if (element === undefined || typeof element === 'string') {
    return undefined;
  }
  const child = element[name];
  if (child === undefined) {
    return undefined;
  }
  const first = Array.isArray(child) ? child[0] : child;
  return typeof first === 'string' ? first : undefined;
}

/** Child elements of a name, as a list (empty when absent). */
export function childElements(element: XmlElement | undefined, name: string): XmlElement[] {
  if (element === undefined || typeof element === 'string') {
    return [];
  }
  const child = element[name];
  if (child === undefined) {
    return [];
  }
  return Array.isArray(child) ? child : [child];
}
