/**
 * A number as typed in a Vietnamese table: `27,5`, `1.234,5`, `1.234.567`, or an unambiguous `27.5`.
 * `1.234` is null: it is 1234 in Vietnamese and 1.234 in English, so it cannot be read safely.
 */
export function parseVietnameseNumber(text: string): number | null {
  if (/^\d+(?:,\d+)?$/.test(text)) return Number(text.replace(',', '.'));
  // A dot with other than three digits after it cannot be a thousands separator.
  if (/^\d+\.(?:\d{1,2}|\d{4,})$/.test(text)) return Number(text);
  if (/^\d{1,3}(?:\.\d{3}){2,}(?:,\d+)?$/.test(text) || /^\d{1,3}(?:\.\d{3})+,\d+$/.test(text)) {
    return Number(text.replace(/\./g, '').replace(',', '.'));
  }
  return null;
}
