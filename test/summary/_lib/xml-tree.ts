import { SaxesParser } from 'saxes';

/** An element as written: qualified name (with its prefix), attributes, children, text. */
export interface XmlNode {
  name: string;
  attributes: Record<string, string>;
  children: XmlNode[];
  text: string;
}

/** Parses a part into a tree; throws on anything that is not well-formed XML. */
export function parseXml(xml: string): XmlNode {
  const parser = new SaxesParser({ xmlns: true });
  const root: XmlNode = { name: '#document', attributes: {}, children: [], text: '' };
  const stack: XmlNode[] = [root];
  parser.on('opentag', (tag) => {
    const node: XmlNode = { name: tag.name, attributes: Object.fromEntries(Object.entries(tag.attributes).map(([k, a]) => [k, a.value])), children: [], text: '' };
    (stack[stack.length - 1] as XmlNode).children.push(node);
    stack.push(node);
  });
  parser.on('text', (text) => {
    (stack[stack.length - 1] as XmlNode).text += text;
  });
  parser.on('closetag', () => void stack.pop());
  parser.write(xml).close();
  const [top] = root.children;
  if (!top) throw new Error('no root element');
  return top;
}

/** Every element of the tree, with its parent, depth first. */
export function* walk(node: XmlNode, parent: XmlNode | null = null): Generator<{ node: XmlNode; parent: XmlNode | null }> {
  yield { node, parent };
  for (const child of node.children) yield* walk(child, node);
}

export function findAll(node: XmlNode, name: string): XmlNode[] {
  return [...walk(node)].map((x) => x.node).filter((n) => n.name === name);
}

export function child(node: XmlNode | undefined, name: string): XmlNode | undefined {
  return node?.children.find((c) => c.name === name);
}
