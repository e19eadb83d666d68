import { cleanText, foldKey } from '../text/fold';
import type { Roster } from '../roster/roster';
import type { Assignment, UnitGroup } from './schema';

/**
 * Group phrases of the plan and what each means, by explicit rule. Longest phrase wins, so
 * "các sở, ban, ngành liên quan" (somebody, unnamed) is not read as "các sở, ban, ngành" (everybody).
 */
export const GROUP_PHRASES: ReadonlyArray<{ phrase: string; groups: UnitGroup[] }> = [
  { phrase: 'Các sở, ban, ngành, đơn vị cấp tỉnh', groups: ['departments'] },
  { phrase: 'Các sở, ban, ngành', groups: ['departments'] },
  { phrase: 'Các sở, ngành', groups: ['departments'] },
  { phrase: 'Các sở, ban, ngành, địa phương', groups: ['departments', 'communes'] },
  { phrase: 'Các sở, ngành, địa phương', groups: ['departments', 'communes'] },
  { phrase: 'Các sở, ban, ngành, địa phương theo lĩnh vực', groups: ['departments', 'communes'] },
  { phrase: 'Các sở, ngành, địa phương theo lĩnh vực quản lý nhà nước chủ trì rà soát', groups: ['departments', 'communes'] },
  // Phụ lục I, IV.4: the 12 databases are monitored per field by the units named in IV.5–IV.14.
  { phrase: 'Các sở, ngành, địa phương theo lĩnh vực được phân công', groups: ['byField'] },
  { phrase: 'Các sở, ban, ngành liên quan', groups: ['related'] },
  { phrase: 'Các sở, ngành có liên quan', groups: ['related'] },
  { phrase: 'Các đơn vị có liên quan', groups: ['related'] },
  { phrase: 'Các đơn vị liên quan', groups: ['related'] },
  // Section V of the plan: partners of a duty ("chủ trì, phối hợp với các cơ quan liên quan").
  { phrase: 'Các cơ quan liên quan', groups: ['related'] },
  { phrase: 'Các cơ quan, đơn vị liên quan', groups: ['related'] },
  { phrase: 'Các cơ quan, tổ chức, doanh nghiệp có liên quan', groups: ['related'] },
  { phrase: 'UBND cấp xã', groups: ['communes'] },
  { phrase: 'UBND xã, phường', groups: ['communes'] },
  { phrase: 'UBND xã đã hoàn thành số hóa dữ liệu đất đai', groups: ['communes'] },
];

/** Words that qualify a named body without changing who it is ("Sở Nội vụ thực hiện kiểm tra"). */
export const QUALIFIER_PHRASES: readonly string[] = [
  'thực hiện kiểm tra',
  'thực hiện thanh tra',
  'theo dõi, tổng hợp kết quả địa phương',
  // Section V.8: "các cơ quan Trung ương đóng trên địa bàn (Thuế, Hải quan, Kho bạc Nhà nước)" names them in the brackets.
  'các cơ quan Trung ương đóng trên địa bàn',
];

const CONNECTORS = new Set(['và', 'hoặc'].map((w) => foldKey(w)));

type Meaning =
  | { kind: 'unit'; code: string }
  | { kind: 'group'; groups: UnitGroup[] }
  | { kind: 'external'; name: string }
  | { kind: 'qualifier' };

interface Phrase {
  words: string[];
  meaning: Meaning;
}

const WORD = /[^\s.,;:()"“”]+/g;

/** Words of a cleaned text with where each ends, punctuation dropped: commas inside a name ("Văn hóa, Thể thao") do not split it. */
function wordSpans(clean: string): Array<{ original: string; key: string; end: number }> {
  return [...clean.matchAll(WORD)].map((m) => ({ original: m[0], key: foldKey(m[0]), end: (m.index ?? 0) + m[0].length }));
}

function words(text: string): string[] {
  return wordSpans(cleanText(text)).map((w) => w.key);
}

export interface UnitResolver {
  resolve(text: string): { assignment: Assignment; unresolved: string[] };
  /**
   * The names a running sentence starts with, up to the first word that belongs to none or the end of its clause:
   * `Công an tỉnh và các đơn vị liên quan bám sát …` → CAT and the related group, consumed `Công an tỉnh và các đơn vị liên quan`.
   */
  readLeadingNames(text: string): { assignment: Assignment; consumed: string };
}

/**
 * Builds a resolver that reads a cell naming bodies ("Sở Y tế; Bộ Công an") into roster codes,
 * groups and external bodies. Nothing is guessed: words that match no name come back as `unresolved`.
 * @example createUnitResolver(roster).resolve('Công an tỉnh, Sở Y tế.').assignment.units // ['CAT', 'SYT']
 */
export function createUnitResolver(roster: Roster): UnitResolver {
  const phrases: Phrase[] = [];
  for (const unit of [...roster.units, ...roster.inactive]) {
    for (const name of [unit.name, ...unit.aliases]) phrases.push({ words: words(name), meaning: { kind: 'unit', code: unit.code } });
  }
  for (const body of roster.external) {
    for (const name of [body.name, ...body.aliases]) phrases.push({ words: words(name), meaning: { kind: 'external', name: body.name } });
  }
  for (const { phrase, groups } of GROUP_PHRASES) phrases.push({ words: words(phrase), meaning: { kind: 'group', groups } });
  for (const phrase of QUALIFIER_PHRASES) phrases.push({ words: words(phrase), meaning: { kind: 'qualifier' } });
  phrases.sort((a, b) => b.words.length - a.words.length);

  function matchAt(tokens: string[], start: number): Phrase | undefined {
    return phrases.find((p) => p.words.length > 0 && p.words.every((w, i) => tokens[start + i] === w));
  }

  function record(assignment: Assignment, m: Meaning): void {
    if (m.kind === 'unit' && !assignment.units.includes(m.code)) assignment.units.push(m.code);
    if (m.kind === 'external' && !assignment.external.includes(m.name)) assignment.external.push(m.name);
    if (m.kind === 'group') for (const g of m.groups) if (!assignment.groups.includes(g)) assignment.groups.push(g);
  }

  return {
    resolve(text) {
      const spans = wordSpans(cleanText(text));
      const tokens = spans.map((w) => w.key);
      const assignment: Assignment = { text: text.trim(), units: [], groups: [], external: [] };
      const unresolved: string[] = [];
      let pending: string[] = [];
      const flush = (): void => {
        if (pending.length > 0) unresolved.push(pending.join(' '));
        pending = [];
      };
      let i = 0;
      while (i < tokens.length) {
        const phrase = matchAt(tokens, i);
        if (!phrase) {
          const token = tokens[i] as string;
          if (CONNECTORS.has(token)) flush();
          else pending.push(spans[i]?.original as string);
          i += 1;
          continue;
        }
        flush();
        record(assignment, phrase.meaning);
        i += phrase.words.length;
      }
      flush();
      return { assignment, unresolved };
    },

    readLeadingNames(text) {
      // A clause ends at ";", ":" or a full stop: names never run across it in a sentence.
      const clause = cleanText(text).split(/[;:]|\.(?:\s|$)/)[0] as string;
      const spans = wordSpans(clause);
      const tokens = spans.map((w) => w.key);
      const assignment: Assignment = { text: '', units: [], groups: [], external: [] };
      let end = 0;
      let i = 0;
      while (i < tokens.length) {
        const connector = CONNECTORS.has(tokens[i] as string) && i > 0;
        const phrase = matchAt(tokens, connector ? i + 1 : i);
        if (!phrase) break;
        record(assignment, phrase.meaning);
        i += (connector ? 1 : 0) + phrase.words.length;
        end = spans[i - 1]?.end ?? end;
      }
      let consumed = clause.slice(0, end);
      // "(Thuế, Hải quan, Kho bạc Nhà nước)": the closing bracket belongs to the names it closes.
      if ((consumed.match(/\(/g) ?? []).length > (consumed.match(/\)/g) ?? []).length && clause[end] === ')') consumed += ')';
      assignment.text = consumed;
      return { assignment, consumed };
    },
  };
}
