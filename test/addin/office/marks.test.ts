import { marksFromXml, marksToXml, MARKS_NAMESPACE } from '../../../addin/src/office/_lib/marks';

describe('marks record', () => {
  it('round-trips sheet names with quotes, ampersands and Vietnamese text', () => {
    const marks = [{ sheet: "Biểu 01 - Chỉ tiêu & 'số'", cell: 'H12', fill: '#FFF2CC' }, { sheet: 'A<B>', cell: 'C3', fill: '#FFFFFF' }];
    const xml = marksToXml(marks);
    expect(xml.startsWith(`<marks xmlns="${MARKS_NAMESPACE}">`)).toBe(true);
    expect(marksFromXml(`<?xml version="1.0" encoding="utf-8"?>${xml}`)).toEqual(marks);
  });

  it('reads anything unexpected as no record, never throwing on workbook content', () => {
    expect(marksFromXml('<marks xmlns="x">not json</marks>')).toEqual([]);
    expect(marksFromXml('<other/>')).toEqual([]);
    expect(marksFromXml('<marks>[["a","b"],[1,2,3],["s","A1","#000000"]]</marks>')).toEqual([{ sheet: 's', cell: 'A1', fill: '#000000' }]);
  });
});
