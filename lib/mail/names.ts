// File names taken from mail are untrusted: a name decides where a file is written. These keep every
// name a plain file name inside the collect folder, on Windows as on Linux, and say what they changed.

const RESERVED = /[<>:"/\\|?*]/;
// eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const WINDOWS_DEVICES = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;
const encoder = new TextEncoder();

export interface SafeName {
  name: string;
  /** What was changed and why, in Vietnamese; empty when the name was already safe. */
  changes: string[];
}

/** Shortens a name to at most `maxBytes` of UTF-8, keeping its extension and whole characters. */
function fitBytes(name: string, maxBytes: number): string {
  if (encoder.encode(name).length <= maxBytes) return name;
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 && name.length - dot <= 10 ? name.slice(dot) : '';
  let stem = extension ? name.slice(0, dot) : name;
  while (stem.length > 1 && encoder.encode(stem + extension).length > maxBytes) stem = [...stem].slice(0, -1).join('');
  return stem + extension;
}

/**
 * A name safe to write in a folder: the last path segment only (`../../x` → `x`), no control or reserved
 * characters, no leading dots, no Windows device names, at most `maxBytes` bytes.
 * @example safeFileName('../../Báo cáo: T11.xlsx').name === 'Báo cáo_ T11.xlsx'
 */
export function safeFileName(raw: string, maxBytes = 200): SafeName {
  const changes: string[] = [];
  let name = raw.normalize('NFC');
  const segments = name.split(/[/\\]+/);
  if (segments.length > 1) {
    changes.push('có đường dẫn thư mục');
    name = segments.filter((s) => s !== '' && s !== '.' && s !== '..').pop() ?? '';
  }
  if (CONTROL.test(name)) {
    changes.push('có ký tự điều khiển');
    name = name.replace(new RegExp(CONTROL.source, 'g'), '');
  }
  if (RESERVED.test(name)) {
    changes.push('có ký tự không dùng được trong tên tệp');
    name = name.replace(new RegExp(RESERVED.source, 'g'), '_');
  }
  const trimmed = name.replace(/^[\s.]+/, '').replace(/[\s.]+$/, '');
  if (trimmed !== name) {
    if (/^\s*\.\./.test(name) || /^\s*\./.test(name)) changes.push('bắt đầu bằng dấu chấm');
    else changes.push('có dấu chấm hoặc khoảng trắng ở đầu, cuối');
    name = trimmed;
  }
  if (WINDOWS_DEVICES.test(name)) {
    changes.push('trùng tên thiết bị của Windows');
    name = `_${name}`;
  }
  if (!name) {
    changes.push('tên rỗng');
    name = 'tep-dinh-kem';
  }
  const fitted = fitBytes(name, maxBytes);
  if (fitted !== name) changes.push('quá dài');
  return { name: fitted, changes };
}

/** A name not in `taken`: `x.xlsx`, then `x (2).xlsx` …; the chosen name is added to `taken`. */
export function uniqueFileName(name: string, taken: Set<string>): string {
  const dot = name.lastIndexOf('.');
  const [stem, extension] = dot <= 0 ? [name, ''] : [name.slice(0, dot), name.slice(dot)];
  let candidate = name;
  // Case-insensitive file systems (Windows, macOS) treat X.xlsx and x.xlsx as one file.
  for (let n = 2; taken.has(candidate.toLowerCase()); n += 1) candidate = `${stem} (${n})${extension}`;
  taken.add(candidate.toLowerCase());
  return candidate;
}

/** `2026-12-08_091500` from `2026-12-08T09:15:00+07:00` (the wall time as written). */
export function timeStamp(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})/.exec(iso);
  return m ? `${m[1]}-${m[2]}-${m[3]}_${m[4]}${m[5]}${m[6]}` : 'khong-ro-thoi-diem';
}

/** The sender part of a saved name: the address, made safe (`vanthu@syt.thanhhoa.gov.vn`). */
export function senderStem(address: string | undefined): string {
  const cleaned = (address ?? '').toLowerCase().replace(/[^a-z0-9@._+-]/g, '-').replace(/^[.-]+|[.-]+$/g, '');
  return cleaned.slice(0, 80) || 'khong-ro-nguoi-gui';
}
