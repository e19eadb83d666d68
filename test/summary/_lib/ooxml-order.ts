// The child order the ECMA-376 (transitional) schemas require of the elements the chart sheet uses, read from
// dml-chart.xsd, dml-main.xsd, dml-spreadsheetDrawing.xsd and sml.xsd. Excel rejects a part whose children are out of
// order; LibreOffice reads it anyway, so only a check like this one catches the mistake here.
// An inner array is a choice: its elements share one place in the sequence.
import type { XmlNode } from './xml-tree';
import { walk } from './xml-tree';

type Sequence = ReadonlyArray<string | readonly string[]>;

const FILL = ['a:noFill', 'a:solidFill', 'a:gradFill', 'a:blipFill', 'a:pattFill', 'a:grpFill'];
const EFFECT = ['a:effectLst', 'a:effectDag'];
const RUN_PROPERTIES: Sequence = ['a:ln', FILL, EFFECT, 'a:highlight', ['a:uLnTx', 'a:uLn'], ['a:uFillTx', 'a:uFill'], 'a:latin', 'a:ea', 'a:cs', 'a:sym', 'a:hlinkClick', 'a:hlinkMouseOver', 'a:rtl', 'a:extLst'];
const TEXT_BODY: Sequence = ['a:bodyPr', 'a:lstStyle', 'a:p'];
const AXIS_SHARED: Sequence = ['c:axId', 'c:scaling', 'c:delete', 'c:axPos', 'c:majorGridlines', 'c:minorGridlines', 'c:title', 'c:numFmt', 'c:majorTickMark', 'c:minorTickMark', 'c:tickLblPos', 'c:spPr', 'c:txPr', 'c:crossAx', ['c:crosses', 'c:crossesAt']];
const REF: Sequence = ['c:f', ['c:strCache', 'c:numCache'], 'c:extLst'];

/** Keyed by element name, or `parent/child` where the same name has different content. */
export const SCHEMA_ORDER: Readonly<Record<string, Sequence>> = {
  'c:chartSpace': ['c:date1904', 'c:lang', 'c:roundedCorners', 'c:style', 'c:clrMapOvr', 'c:pivotSource', 'c:protection', 'c:chart', 'c:spPr', 'c:txPr', 'c:externalData', 'c:printSettings', 'c:userShapes', 'c:extLst'],
  'c:chart': ['c:title', 'c:autoTitleDeleted', 'c:pivotFmts', 'c:view3D', 'c:floor', 'c:sideWall', 'c:backWall', 'c:plotArea', 'c:legend', 'c:plotVisOnly', 'c:dispBlanksAs', 'c:showDLblsOverMax', 'c:extLst'],
  'c:title': ['c:tx', 'c:layout', 'c:overlay', 'c:spPr', 'c:txPr', 'c:extLst'],
  'c:plotArea': ['c:layout', ['c:barChart', 'c:pieChart', 'c:lineChart', 'c:areaChart', 'c:doughnutChart'], ['c:catAx', 'c:valAx', 'c:dateAx', 'c:serAx'], 'c:dTable', 'c:spPr', 'c:extLst'],
  'c:barChart': ['c:barDir', 'c:grouping', 'c:varyColors', 'c:ser', 'c:dLbls', 'c:gapWidth', 'c:overlap', 'c:serLines', 'c:axId', 'c:extLst'],
  'c:pieChart': ['c:varyColors', 'c:ser', 'c:dLbls', 'c:firstSliceAng', 'c:extLst'],
  'c:lineChart': ['c:grouping', 'c:varyColors', 'c:ser', 'c:dLbls', 'c:dropLines', 'c:hiLowLines', 'c:upDownBars', 'c:marker', 'c:smooth', 'c:axId', 'c:extLst'],
  'c:lineChart/c:ser': ['c:idx', 'c:order', 'c:tx', 'c:spPr', 'c:marker', 'c:dPt', 'c:dLbls', 'c:trendline', 'c:errBars', 'c:cat', 'c:val', 'c:smooth', 'c:extLst'],
  'c:ser/c:marker': ['c:symbol', 'c:size', 'c:spPr', 'c:extLst'],
  'c:barChart/c:ser': ['c:idx', 'c:order', 'c:tx', 'c:spPr', 'c:invertIfNegative', 'c:pictureOptions', 'c:dPt', 'c:dLbls', 'c:trendline', 'c:errBars', 'c:cat', 'c:val', 'c:shape', 'c:extLst'],
  'c:pieChart/c:ser': ['c:idx', 'c:order', 'c:tx', 'c:spPr', 'c:explosion', 'c:dPt', 'c:dLbls', 'c:cat', 'c:val', 'c:extLst'],
  'c:dPt': ['c:idx', 'c:invertIfNegative', 'c:marker', 'c:bubble3D', 'c:explosion', 'c:spPr', 'c:pictureOptions', 'c:extLst'],
  'c:dLbls': ['c:dLbl', 'c:delete', 'c:numFmt', 'c:spPr', 'c:txPr', 'c:dLblPos', 'c:showLegendKey', 'c:showVal', 'c:showCatName', 'c:showSerName', 'c:showPercent', 'c:showBubbleSize', 'c:separator', 'c:showLeaderLines', 'c:leaderLines', 'c:extLst'],
  'c:catAx': [...AXIS_SHARED, 'c:auto', 'c:lblAlgn', 'c:lblOffset', 'c:tickLblSkip', 'c:tickMarkSkip', 'c:noMultiLvlLbl', 'c:extLst'],
  'c:valAx': [...AXIS_SHARED, 'c:crossBetween', 'c:majorUnit', 'c:minorUnit', 'c:dispUnits', 'c:extLst'],
  'c:scaling': ['c:logBase', 'c:orientation', 'c:max', 'c:min', 'c:extLst'],
  'c:majorGridlines': ['c:spPr'],
  'c:legend': ['c:legendPos', 'c:legendEntry', 'c:layout', 'c:overlay', 'c:spPr', 'c:txPr', 'c:extLst'],
  'c:tx': [['c:strRef', 'c:rich', 'c:v']],
  'c:cat': [['c:multiLvlStrRef', 'c:numRef', 'c:numLit', 'c:strRef', 'c:strLit']],
  'c:val': [['c:numRef', 'c:numLit']],
  'c:strRef': REF,
  'c:numRef': REF,
  'c:strCache': ['c:ptCount', 'c:pt', 'c:extLst'],
  'c:numCache': ['c:formatCode', 'c:ptCount', 'c:pt', 'c:extLst'],
  'c:pt': ['c:v'],
  'c:rich': TEXT_BODY,
  'c:txPr': TEXT_BODY,
  'a:p': ['a:pPr', ['a:r', 'a:br', 'a:fld'], 'a:endParaRPr'],
  'a:pPr': ['a:lnSpc', 'a:spcBef', 'a:spcAft', 'a:buClrTx', 'a:buSzTx', 'a:buFontTx', 'a:buNone', 'a:tabLst', 'a:defRPr', 'a:extLst'],
  'a:r': ['a:rPr', 'a:t'],
  'a:rPr': RUN_PROPERTIES,
  'a:defRPr': RUN_PROPERTIES,
  'a:endParaRPr': RUN_PROPERTIES,
  'c:spPr': ['a:xfrm', ['a:custGeom', 'a:prstGeom'], FILL, 'a:ln', EFFECT, 'a:scene3d', 'a:sp3d', 'a:extLst'],
  'a:ln': [FILL, 'a:prstDash', ['a:round', 'a:bevel', 'a:miter'], 'a:headEnd', 'a:tailEnd', 'a:extLst'],
  'a:solidFill': [['a:srgbClr', 'a:schemeClr', 'a:sysClr', 'a:prstClr']],
  'xdr:wsDr': [['xdr:twoCellAnchor', 'xdr:oneCellAnchor', 'xdr:absoluteAnchor']],
  'xdr:twoCellAnchor': ['xdr:from', 'xdr:to', ['xdr:sp', 'xdr:grpSp', 'xdr:graphicFrame', 'xdr:cxnSp', 'xdr:pic', 'xdr:contentPart'], 'xdr:clientData'],
  'xdr:from': ['xdr:col', 'xdr:colOff', 'xdr:row', 'xdr:rowOff'],
  'xdr:to': ['xdr:col', 'xdr:colOff', 'xdr:row', 'xdr:rowOff'],
  'xdr:graphicFrame': ['xdr:nvGraphicFramePr', 'xdr:xfrm', 'a:graphic'],
  'xdr:nvGraphicFramePr': ['xdr:cNvPr', 'xdr:cNvGraphicFramePr'],
  'xdr:xfrm': ['a:off', 'a:ext'],
  'a:graphic': ['a:graphicData'],
  worksheet: [
    'sheetPr', 'dimension', 'sheetViews', 'sheetFormatPr', 'cols', 'sheetData', 'sheetCalcPr', 'sheetProtection', 'protectedRanges', 'scenarios', 'autoFilter', 'sortState',
    'dataConsolidate', 'customSheetViews', 'mergeCells', 'phoneticPr', 'conditionalFormatting', 'dataValidations', 'hyperlinks', 'printOptions', 'pageMargins', 'pageSetup',
    'headerFooter', 'rowBreaks', 'colBreaks', 'customProperties', 'cellWatches', 'ignoredErrors', 'smartTags', 'drawing', 'legacyDrawing', 'legacyDrawingHF', 'drawingHF',
    'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst',
  ],
};

/** Elements that may appear only once where the schema says `maxOccurs="1"` matters most (the rest is order). */
const REPEATABLE = new Set(['c:ser', 'c:dPt', 'c:axId', 'c:pt', 'c:dLbl', 'c:legendEntry', 'a:p', 'a:r', 'a:br', 'a:fld', 'xdr:twoCellAnchor', 'xdr:oneCellAnchor', 'xdr:absoluteAnchor', 'conditionalFormatting', 'c:catAx', 'c:valAx', 'c:barChart', 'c:pieChart', 'c:lineChart']);

/** Every place in a part where a child is unknown to its parent's sequence, out of order, or repeated: empty when the part is in order. */
export function schemaOrderProblems(root: XmlNode): string[] {
  const problems: string[] = [];
  for (const { node, parent } of walk(root)) {
    const sequence = (parent && SCHEMA_ORDER[`${parent.name}/${node.name}`]) ?? SCHEMA_ORDER[node.name];
    if (!sequence) continue;
    const rank = (name: string) => sequence.findIndex((entry) => (typeof entry === 'string' ? entry === name : entry.includes(name)));
    let last = -1;
    const seen = new Set<string>();
    for (const c of node.children) {
      const r = rank(c.name);
      if (r < 0) problems.push(`${node.name}: unexpected child ${c.name}`);
      else if (r < last) problems.push(`${node.name}: ${c.name} comes after an element that must follow it`);
      else if (seen.has(c.name) && !REPEATABLE.has(c.name)) problems.push(`${node.name}: ${c.name} twice`);
      last = Math.max(last, r);
      seen.add(c.name);
    }
  }
  return problems;
}
