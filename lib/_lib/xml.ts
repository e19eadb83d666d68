// Text into the XML parts da06 writes (the summary's sheets, its charts): what XML 1.0 cannot carry is
// dropped rather than corrupting the file, and Excel's own `_xHHHH_` escape is escaped in turn.

// eslint-disable-next-line no-control-regex -- these control characters are exactly what must go
const INVALID_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
// eslint-disable-next-line no-control-regex -- control characters are among what needs escaping
const NEEDS_ESCAPE = /[&<>"_\u0000-\u001f\ud800-\udfff\ufffe\uffff]/;

/** Drops lone surrogates (a loop: Office 2019's EdgeHTML has no regex lookbehind). */
export function dropLoneSurrogates(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        out += text[i] + (text[i + 1] as string);
        i += 1;
      }
    } else if (code < 0xdc00 || code > 0xdfff) out += text[i];
  }
  return out;
}

/**
 * Text for an XML text node of a SpreadsheetML part (a cell's string, a chart's cached string):
 * `_xHHHH_` is escaped as Excel does, so a typed `_x0041_` stays as typed.
 */
export function escapeText(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return text;
  return escapeMarkup(text.replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1'));
}

/** Text for an attribute value or any other markup text (no `_xHHHH_` meaning there). */
export function escapeAttr(text: string): string {
  return escapeMarkup(text).replace(/"/g, '&quot;');
}

function escapeMarkup(text: string): string {
  return dropLoneSurrogates(text).replace(INVALID_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
