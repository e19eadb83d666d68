import type { Roster } from '../roster/roster';
import { foldKey } from '../text/fold';
import type { ConcernGroup, ConcernRecord } from './types';

/** Words two texts must share, as a share of all their words, to count as the same point made twice. */
const NEAR = 0.85;

/** The words of a text once case, tone placement, punctuation, bullets and the closing `./.` are folded away. */
function words(text: string): string[] {
  return foldKey(text)
    .replace(/^\s*(?:[-–•+*]|\d+[.)])\s*/gm, ' ')
    .replace(/[.,;:!?()"'“”‘’/\\…–-]+/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
}

/** Texts with the same key make the same point: case, tone placement, punctuation and bullets aside. */
export function concernKey(text: string): string {
  return words(text).join(' ');
}

function similarity(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0;
  for (const w of a) if (b.has(w)) shared += 1;
  const all = a.size + b.size - shared;
  return all === 0 ? 1 : shared / all;
}

/** Names an agency may be asked by: the roster's bodies (name, short name, aliases) and the central ones. */
function agencyNames(roster: Roster): Array<{ name: string; keys: string[] }> {
  // Aliases such as "Tài chính" alone would also match "Bộ Tài chính": only those naming a body count.
  const body = /^(Sở|Ban|Bảo hiểm|BHXH|Ngân hàng|NHNN|Thuế|Cục|Trung tâm|TT|Văn phòng|Công an|Thanh tra|Tòa án)\s/;
  const province = roster.units.filter((u) => u.kind === 'department').map((u) => ({ name: u.name, keys: [u.name, ...[u.shortName, ...u.aliases].filter((a) => body.test(a))] }));
  const central = roster.external.filter((e) => !/^các /i.test(e.name)).map((e) => ({ name: e.name, keys: [e.name, ...e.aliases] }));
  const fixed = ['UBND tỉnh', 'Ủy ban nhân dân tỉnh', 'Chính phủ', 'Thủ tướng Chính phủ', 'Tổ công tác Đề án 06'].map((name) => ({ name, keys: [name] }));
  return [...central, ...province, ...fixed].map((a) => ({ name: a.name, keys: [...new Set(a.keys.map((k) => ` ${words(k).join(' ')} `))] }));
}

/**
 * Difficulties and proposals grouped as the report needs them: by kind and task, the same point made by
 * several units (identical or near-identical once Vietnamese text is folded) stated once with every
 * unit that made it, and the agencies the text asks by name. The most frequent wording is shown; the
 * units' own words stay, unaltered, in the concerns list and on the long-form sheets.
 * @example groupConcerns(c.concerns, roster)[0] // { kind: 'proposal', task: null, text: 'Đề nghị …', units: […], … }
 */
export function groupConcerns(concerns: readonly ConcernRecord[], roster: Roster): ConcernGroup[] {
  const agencies = agencyNames(roster);
  interface Draft {
    kind: ConcernRecord['kind'];
    task: string | null;
    words: Set<string>;
    wordings: Map<string, number>;
    units: Map<string, string>;
  }
  const drafts: Draft[] = [];
  const byExact = new Map<string, Draft>();
  for (const concern of concerns) {
    const list = words(concern.text);
    const exact = `${concern.kind}|${concern.task ?? ''}|${list.join(' ')}`;
    let draft = byExact.get(exact);
    if (!draft) {
      const set = new Set(list);
      draft = drafts.find((d) => d.kind === concern.kind && d.task === concern.task && similarity(d.words, set) >= NEAR);
      if (!draft) {
        draft = { kind: concern.kind, task: concern.task, words: set, wordings: new Map(), units: new Map() };
        drafts.push(draft);
      }
      byExact.set(exact, draft);
    }
    const wording = concern.text.trim();
    draft.wordings.set(wording, (draft.wordings.get(wording) ?? 0) + 1);
    draft.units.set(concern.unit, concern.unitName);
  }
  return drafts.map((d) => {
    const text = [...d.wordings].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'vi'))[0]?.[0] ?? '';
    const spaced = ` ${words(text).join(' ')} `;
    return {
      kind: d.kind,
      task: d.task,
      text,
      units: [...d.units].map(([unit, unitName]) => ({ unit, unitName })),
      wordings: d.wordings.size,
      agencies: agencies.filter((a) => a.keys.some((k) => spaced.includes(k))).map((a) => a.name),
    };
  });
}
