// A .docx as the tests read it: its parts, its paragraphs as text, and its parts with the moment of
// writing masked (the docx library stamps docProps/core.xml with the time it ran, and the zip entries
// with their dates), so two drafts of the same facts compare part by part, byte for byte.
import { strFromU8, unzipSync } from 'fflate';

export function docxParts(bytes: Uint8Array): Record<string, Uint8Array> {
  return unzipSync(bytes);
}

/** Every part as text, the two timestamps of docProps/core.xml replaced by a mark. */
export function docxTextParts(bytes: Uint8Array): Record<string, string> {
  const parts = docxParts(bytes);
  const out: Record<string, string> = {};
  for (const name of Object.keys(parts).sort()) {
    const text = strFromU8(parts[name] as Uint8Array);
    out[name] = name === 'docProps/core.xml' ? text.replace(/(<dcterms:(created|modified)[^>]*>)[^<]*(<\/dcterms:\2>)/g, '$1…$3') : text;
  }
  return out;
}

/** The paragraphs of word/document.xml as text (runs joined, entities decoded). */
export function docxParagraphs(bytes: Uint8Array): string[] {
  const xml = strFromU8(docxParts(bytes)['word/document.xml'] as Uint8Array);
  const unescape = (t: string) => t.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
  return [...xml.matchAll(/<w:p[ >].*?<\/w:p>/gs)].map((p) => unescape([...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('')));
}
