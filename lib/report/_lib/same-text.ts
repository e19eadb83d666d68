/** Texts count as identical when only spacing, Unicode form or letter case differ. */
export function sameTextKey(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim().toLocaleLowerCase('vi');
}
