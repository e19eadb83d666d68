import { readFileSync } from 'node:fs';
import { parsePlan } from '../../lib/catalog/parse';
import { catalogSchema, type Task } from '../../lib/catalog/schema';
import { buildCatalogFromSeeds, serialiseCatalog } from '../../lib/node/catalog-build';
import { loadRoster, seedPath } from '../../lib/node/seeds';

const roster = loadRoster();
const result = buildCatalogFromSeeds(roster);
const { catalog } = result;
const task = (key: string): Task => {
  const found = catalog.tasks.find((t) => t.key === key);
  if (!found) throw new Error(`no task ${key}`);
  return found;
};
const indicator = (key: string) => {
  const found = catalog.indicators.find((i) => i.key === key);
  if (!found) throw new Error(`no indicator ${key}`);
  return found;
};
const countBy = (keys: string[]) => Object.fromEntries([...new Set(keys)].map((k) => [k, keys.filter((x) => x === k).length]));

describe('parsePlan on Kế hoạch 210/KH-UBND', () => {
  it('reads the plan with no problem left', () => {
    expect(result.problems).toEqual([]);
  });

  it('produces a catalog that its schema accepts', () => {
    expect(catalogSchema.safeParse(catalog).success).toBe(true);
  });

  it('finds exactly 56 indicators in groups I–VI (9, 14, 10, 15, 7, 1)', () => {
    expect(catalog.indicators).toHaveLength(56);
    expect(countBy(catalog.indicators.map((i) => i.group))).toEqual({ I: 9, II: 14, III: 10, IV: 15, V: 7, VI: 1 });
  });

  it('finds exactly 26 Phụ lục II tasks numbered 1–26 across groups I–X with no group VII', () => {
    const pl2 = catalog.tasks.filter((t) => t.appendix === 'II');
    expect(pl2.map((t) => t.number)).toEqual(Array.from({ length: 26 }, (_, i) => i + 1));
    expect(countBy(pl2.map((t) => t.group))).toEqual({ I: 3, II: 2, III: 1, IV: 4, V: 3, VI: 5, VIII: 2, IX: 1, X: 5 });
    expect(pl2[0]?.key).toBe('PL2.1');
  });

  it('finds exactly 40 Phụ lục III tasks numbered from 1 inside each group', () => {
    const pl3 = catalog.tasks.filter((t) => t.appendix === 'III');
    expect(pl3).toHaveLength(40);
    expect(countBy(pl3.map((t) => t.group))).toEqual({ I: 1, II: 6, III: 3, IV: 5, V: 8, VI: 3, VII: 4, VIII: 3, IX: 1, X: 6 });
    expect(pl3.filter((t) => t.number === 1)).toHaveLength(10);
  });

  it('keeps group titles without HTML', () => {
    const titles = catalog.groups.map((g) => g.title);
    expect(titles).toContain('Thúc đẩy phát triển kinh tế số - xã hội số');
    expect(titles.every((t) => !/[<>]/.test(t))).toBe(true);
    expect(catalog.groups.filter((g) => g.appendix === 'I')).toHaveLength(6);
  });

  describe('typed targets', () => {
    it('reads the Vietnamese decimal comma: PL1.II.9 in 2027 is 27.5', () => {
      expect(indicator('PL1.II.9').targets['2027']).toEqual({ kind: 'number', value: 27.5, text: '27,5' });
      expect(indicator('PL1.II.9').unit).toBe('lần GDP');
    });

    it('reads "≥80": PL1.III.3 in 2026 is at least 80', () => {
      expect(indicator('PL1.III.3').targets['2026']).toEqual({ kind: 'atLeast', value: 80, text: '≥80' });
    });

    it('reads qualitative targets as text: PL1.IV.5 in 2026', () => {
      expect(indicator('PL1.IV.5').targets['2026']).toEqual({ kind: 'text', text: 'Hoàn thành và đưa vào sử dụng thường xuyên' });
    });

    it('reads "-" as no target: PL1.I.8 in 2026', () => {
      expect(indicator('PL1.I.8').targets['2026']).toEqual({ kind: 'none', text: '-' });
      expect(indicator('PL1.I.8').targets['2030']).toEqual({ kind: 'number', value: 100, text: '100' });
    });

    it('keeps a blank unit of measure as null and "-" as written', () => {
      expect(indicator('PL1.VI.1').unit).toBeNull();
      expect(indicator('PL1.II.13').unit).toBe('-');
      expect(new Set(catalog.indicators.map((i) => i.unit))).toEqual(
        new Set(['%', 'lần GDP', 'CSDL', 'Danh mục', 'Hoàn thành', 'Học liệu/khóa học', '-', null]),
      );
    });
  });

  describe('units', () => {
    it('resolves monitoring units in the plan order, the first being the lead', () => {
      expect(indicator('PL1.I.3').monitors).toEqual(['CAT', 'TTPVHCC']);
      expect(indicator('PL1.II.5').monitors).toEqual(['SYT', 'SGDDT', 'CAT']);
      expect(indicator('PL1.II.9').monitors).toEqual(['NHNN']);
    });

    it('records "theo lĩnh vực được phân công" (PL1.IV.4) as a group, not as every unit', () => {
      expect(indicator('PL1.IV.4').monitors).toEqual([]);
      expect(indicator('PL1.IV.4').monitorGroups).toEqual(['byField']);
    });

    it('records central bodies as external, not as reporting units', () => {
      expect(task('PL2.10').external).toEqual(['Bộ Y tế', 'Bộ Công an']);
      expect(task('PL2.10').lead).toEqual([]);
      expect(task('PL2.10').coordinators).toEqual(['SYT']);
      expect(task('PL2.14').external).toEqual(['Ban Cơ yếu Chính phủ']);
      expect(task('PL2.23').external).toEqual(['Bộ Nội vụ', 'Thanh tra Chính phủ', 'Bộ Công an']);
    });

    it('expands group phrases by rule', () => {
      expect(task('PL2.14').coordinatorGroups).toEqual(['departments', 'communes']);
      expect(task('PL3.II.3').leadGroups).toEqual(['departments']);
      expect(task('PL3.I.1').leadGroups).toEqual(['departments', 'communes']);
      expect(task('PL3.V.8').coordinatorGroups).toEqual(['communes']);
      expect(task('PL2.15').coordinatorGroups).toEqual(['related']);
    });

    it('resolves the plan\'s variants and typos through aliases', () => {
      expect(task('PL3.IV.1').coordinators).toEqual(['SNV', 'SKHCN', 'CAT']); // "Sở Khoa và Công nghệ"
      expect(task('PL3.III.3').lead).toEqual(['SYT', 'BHXH', 'SNV', 'STC', 'SGDDT', 'NHNN']); // "Bảo hiểm xã hội", "chi nhánh khu vực 7"
      expect(task('PL3.II.2').coordinators).toEqual(['STP', 'SKHCN', 'SYT']); // "Y tế"
      expect(task('PL3.X.2').lead).toEqual(['SNV', 'TTRA', 'CAT']);
    });

    it('keeps the plan\'s own words next to every resolution', () => {
      expect(task('PL3.X.2').leadText).toBe('Sở Nội vụ thực hiện kiểm tra; Thanh tra tỉnh, Công an tỉnh thực hiện thanh tra');
      expect(indicator('PL1.II.3').monitorsText).toBe('Ngân hàng Nhà nước Việt Nam chi nhánh Khu vực 7');
    });
  });

  describe('tasks', () => {
    it('joins the row a page break split: PL3.X.5 continues with "ứng dụng VNeID … dean06.vn"', () => {
      expect(task('PL3.X.5').text).toMatch(/doanh nghiệp trên ứng dụng VNeID; cập nhật kết quả/);
      expect(task('PL3.X.5').text).toContain('dean06.vn');
      expect(task('PL3.X.6').text).toMatch(/^Chỉ đạo Công an cấp xã/);
      expect(task('PL3.X.6').lead).toEqual(['CAT']);
    });

    it('strips HTML and keeps list items as lines', () => {
      expect(task('PL2.15').product.split('\n')).toHaveLength(3);
      expect(task('PL2.15').product).not.toMatch(/<|>/);
      expect(catalog.tasks.every((t) => !/<\/?[a-z]/i.test(`${t.text}${t.product}${t.leadText}${t.coordinatorsText}`))).toBe(true);
    });

    it('attaches the footnote to its task instead of the text', () => {
      expect(task('PL2.1').text).toBe('Tham gia góp ý xây dựng, sửa đổi các văn bản pháp lý có liên quan theo chức năng của địa phương.');
      expect(task('PL2.1').note).toMatch(/^Luật Xử lý vi phạm hành chính/);
    });

    it('types every deadline of the 66 plan tasks, none left as raw text', () => {
      const planTasks = catalog.tasks.filter((t) => t.appendix !== 'body');
      expect(planTasks).toHaveLength(66);
      for (const t of planTasks) expect(t.deadline.text.length).toBeGreaterThan(0);
      expect(countBy(planTasks.map((t) => t.deadline.kind))).toEqual({
        recurring: 27,
        conditional: 12,
        due: 24,
        dueThenRecurring: 2,
        milestones: 1,
      });
      expect(task('PL2.4').deadline).toEqual({ kind: 'due', due: '2026-12-31', text: 'Tháng 12/2026' });
      expect(task('PL3.II.2').deadline).toEqual({ kind: 'due', due: '2026-09-30', text: 'Quý III/2026' });
      expect(task('PL3.II.1').deadline).toMatchObject({ kind: 'conditional', due: '2026-09-30' });
    });

    it('records the duties section V gives to single units', () => {
      const duties = catalog.tasks.filter((t) => t.appendix === 'body');
      expect(duties.map((d) => d.key)).toEqual(['KH.V.4.2', 'KH.V.5.1', 'KH.V.5.2', 'KH.V.5.3', 'KH.V.6.1', 'KH.V.7.1', 'KH.V.7.2', 'KH.V.7.3', 'KH.V.8.1', 'KH.V.8.2', 'KH.V.8.3', 'KH.V.9.1']);
      expect(task('KH.V.5.3').text).toMatch(/Trung ương, UBND tỉnh theo yêu cầu; đề xuất khen thưởng/);
      expect(task('KH.V.9.1').text).toMatch(/thực hiện kết nối, chia sẽ cơ sở dữ liệu bản án/);
    });

    it('keeps the subject of a duty its section\'s body coordinates, for the lead that reads it', () => {
      expect(task('KH.V.6.1').text).toMatch(/^Văn phòng UBND tỉnh phối hợp với Công an tỉnh tổng hợp tình hình/);
      expect(task('KH.V.9.1').text).toMatch(/^Tòa án nhân dân tỉnh phối hợp với Công an tỉnh và các đơn vị liên quan bám sát/);
      expect(task('KH.V.7.1').text).toMatch(/^Chủ trì, phối hợp Công an tỉnh triển khai/);
    });

    // Read off the sentences of section V: "X chủ trì, phối hợp (với) Y" → X leads, Y coordinates;
    // a duty of X opening "Phối hợp với Y" → Y leads, X coordinates. [key, lead, leadGroups, coordinators, coordinatorGroups, external]
    it.each([
      ['KH.V.4.2', [], ['departments', 'communes'], [], [], []], // "xây dựng kế hoạch … gửi Công an tỉnh và Văn phòng UBND tỉnh": recipients, not partners
      ['KH.V.5.1', ['CAT'], [], [], [], []], // "theo chỉ đạo của Bộ Công an": directed, not a partner
      ['KH.V.5.2', ['CAT'], [], [], ['related'], []], // "Chủ trì, phối hợp với các cơ quan liên quan"
      ['KH.V.5.3', ['CAT'], [], [], [], []],
      ['KH.V.6.1', ['CAT'], [], ['VPUBND'], [], []], // "Văn phòng UBND tỉnh phối hợp với Công an tỉnh tổng hợp"
      ['KH.V.7.1', ['SKHCN'], [], ['CAT'], [], []], // "Chủ trì, phối hợp Công an tỉnh triển khai"
      ['KH.V.7.2', ['SKHCN'], [], [], [], []],
      ['KH.V.7.3', ['SKHCN'], [], [], [], []],
      ['KH.V.8.1', ['STC'], [], [], ['related'], []], // "Chủ trì, phối hợp với các cơ quan, đơn vị liên quan"
      ['KH.V.8.2', ['STC'], [], ['THUE'], [], ['Hải quan', 'Kho bạc Nhà nước']], // "… đóng trên địa bàn (Thuế, Hải quan, Kho bạc Nhà nước)"
      ['KH.V.8.3', ['STC'], [], [], ['related'], []], // "Chủ trì, phối hợp với các cơ quan liên quan"
      ['KH.V.9.1', ['CAT'], ['related'], ['TAND'], [], []], // "Phối hợp với Công an tỉnh và các đơn vị liên quan"
    ])('gives %s the lead and partners its sentence names', (key, lead, leadGroups, coordinators, coordinatorGroups, external) => {
      const t = task(key);
      expect([t.lead, t.leadGroups, t.coordinators, t.coordinatorGroups, t.external]).toEqual([lead, leadGroups, coordinators, coordinatorGroups, external]);
    });

    it('keeps the plan\'s words for both sides of a section V duty', () => {
      expect([task('KH.V.6.1').leadText, task('KH.V.6.1').coordinatorsText]).toEqual(['Công an tỉnh', 'Văn phòng UBND tỉnh']);
      expect([task('KH.V.9.1').leadText, task('KH.V.9.1').coordinatorsText]).toEqual(['Công an tỉnh và các đơn vị liên quan', 'Tòa án nhân dân tỉnh']);
      expect([task('KH.V.8.2').leadText, task('KH.V.8.2').coordinatorsText]).toEqual(['Sở Tài chính', 'các cơ quan Trung ương đóng trên địa bàn (Thuế, Hải quan, Kho bạc Nhà nước)']);
      expect([task('KH.V.4.2').leadText, task('KH.V.4.2').coordinatorsText]).toEqual(['Các sở, ban, ngành, địa phương', '']);
    });

    it('records the one dated duty of every body (V.4: its own plan, sent before 01/7/2026), and only that one of V.4', () => {
      const duty = task('KH.V.4.2');
      expect(duty).toMatchObject({ appendix: 'body', group: 'V.4', number: 2, product: '' });
      expect(duty.text).toMatch(/^Trên cơ sở các mục tiêu, nhiệm vụ, giải pháp nêu tại Kế hoạch này/);
      expect(duty.text).toMatch(/xây dựng kế hoạch triển khai thực hiện của sở, ban, ngành, địa phương; gửi Công an tỉnh và Văn phòng UBND tỉnh trước ngày 01\/7\/2026/);
      expect(duty.deadline).toEqual({ kind: 'due', due: '2026-06-30', text: 'Trước ngày 01/7/2026' });
      expect(catalog.tasks.filter((t) => t.group === 'V.4').map((t) => t.key)).toEqual(['KH.V.4.2']);
      // The other section V duties carry no date.
      expect(catalog.tasks.filter((t) => t.appendix === 'body' && t.key !== 'KH.V.4.2').every((t) => t.deadline.kind === 'recurring')).toBe(true);
    });
  });

  it('matches the committed seeds/catalog.json (run "npm run catalog:build" after changing the plan or the roster)', () => {
    expect(readFileSync(seedPath('catalog'), 'utf8')).toBe(serialiseCatalog(result));
  });
});

describe('parsePlan on altered plans', () => {
  const plan = readFileSync(seedPath('plan'), 'utf8');
  const source = { file: 'x.md', sha256: '0' };

  it('reports a unit name it cannot resolve, with its line', () => {
    const altered = plan.replace('\tSở Y tế.\n', '\tSở Y tế, Sở Du hành Vũ trụ.\n');
    const { problems } = parsePlan(altered, roster, source);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.message).toMatch(/Sở Du hành Vũ trụ|sở du hành vũ trụ/);
    expect(problems[0]?.line).toBeGreaterThan(160);
  });

  it('reports a deadline it cannot type', () => {
    const altered = plan.replace('\tQuý III/2026\t', '\tsớm nhất có thể\t');
    const { problems } = parsePlan(altered, roster, source);
    expect(problems.map((p) => p.message)).toEqual([expect.stringMatching(/PL3\.II\.2.*sớm nhất có thể/)]);
  });

  it('reports a section V duty opening "Phối hợp với" a body it cannot resolve', () => {
    const altered = plan.replace('Phối hợp với Công an tỉnh và các đơn vị liên quan bám sát', 'Phối hợp với Sở Du hành Vũ trụ bám sát');
    const { problems } = parsePlan(altered, roster, source);
    expect(problems.map((p) => p.message)).toEqual([expect.stringMatching(/KH\.V\.9\.1.*không nêu cơ quan chủ trì/)]);
  });

  it('reports a section V date it cannot type', () => {
    const { problems } = parsePlan(plan.replace('trước ngày **01/7/2026**', 'trước ngày **31/6/2026**'), roster, source);
    expect(problems.map((p) => p.message)).toEqual([expect.stringMatching(/KH\.V\.4\.2.*31\/6\/2026/)]);
  });

  it('reports a missing appendix', () => {
    const { problems } = parsePlan(plan.replace('**Phụ lục III**', '**Phu luc 3**'), roster, source);
    expect(problems.some((p) => /Phụ lục III/.test(p.message))).toBe(true);
  });
});
