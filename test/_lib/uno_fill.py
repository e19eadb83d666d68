"""Fills a workbook the way a user would in LibreOffice Calc, then saves it as .xlsx.

Run with Debian's /usr/bin/python3 (it has `uno`) against a soffice that listens on CONNECT:

    uno_fill.py --connect 'pipe,name=X;urp;StarOffice.ComponentContext' [--recalc] IN.xlsx OUT.xlsx [EDITS]

EDITS is a JSON list (argv, or stdin when omitted). A cell is addressed either by `cell` ("D17")
or, like the reader does, by `key` (the row key in hidden column A) plus `column` ("H"):

    {"op": "set", "sheet": "...", "cell": "D17", "value": "text or number"}
    {"op": "set", "sheet": "...", "key": "PL1.II.5", "column": "H", "value": 72.5}
    {"op": "pick", "sheet": "...", "key": "PL2.10", "column": "I", "value": "Đang triển khai"}
    {"op": "type", "sheet": "...", "key": "PL3.I.1", "column": "J", "value": "50%"}
    {"op": "insertRow", "sheet": "...", "beforeKey": "PL3.II.4", "values": {"D": "Dòng thêm"}}
    {"op": "insertRow", "sheet": "...", "before": 12}

`pick` is a dropdown choice: it fails unless the cell has a list validation that offers the value.
`type` enters the text as the keyboard does: through the cell's FormulaLocal, Calc's own input
recognition in the document's locale (en-US here), which also sets the number format it recognised,
as typing does: "50%" becomes 0.5 with a percent format in a General cell (a cell already formatted
as a number keeps its format), "a\nb" a cell with a line break (Ctrl+Enter). Typing through the view
(.uno:EnterString) gives the same cells but crashes LibreOffice 7.4 on close in about 1 run in 4.
`set` writes through the cell API (setValue/setString): no input recognition, as a paste of values.
UNO writes bypass sheet protection and validation, as a user's paste would; that is expected.
Prints a JSON report of the addresses it touched; exits 1 with the reason on stderr.
"""

import json
import os
import sys
import time

import uno
from com.sun.star.beans import PropertyValue
from com.sun.star.connection import NoConnectException
from com.sun.star.sheet.ValidationType import LIST

CONNECT_SECONDS = 60


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def connect(description):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    deadline = time.monotonic() + CONNECT_SECONDS
    while True:
        try:
            return resolver.resolve("uno:%s" % description)
        except NoConnectException:
            if time.monotonic() > deadline:
                raise RuntimeError("soffice did not accept %s within %d s" % (description, CONNECT_SECONDS))
            time.sleep(0.2)


def column_index(letters):
    n = 0
    for ch in letters.upper():
        n = n * 26 + (ord(ch) - 64)
    return n - 1


def sheet_of(doc, name):
    if not doc.Sheets.hasByName(name):
        raise RuntimeError("no sheet %r (have %s)" % (name, list(doc.Sheets.ElementNames)))
    return doc.Sheets.getByName(name)


def row_of_key(sheet, key):
    cursor = sheet.createCursor()
    cursor.gotoEndOfUsedArea(False)
    last = cursor.RangeAddress.EndRow
    keys = sheet.getCellRangeByPosition(0, 0, 0, last).DataArray
    for index, (value,) in enumerate(keys):
        if value == key:
            return index
    raise RuntimeError("no row with key %r in column A of %r" % (key, sheet.Name))


def cell_of(doc, edit):
    sheet = sheet_of(doc, edit["sheet"])
    if "cell" in edit:
        return sheet.getCellRangeByName(edit["cell"])
    return sheet.getCellByPosition(column_index(edit["column"]), row_of_key(sheet, edit["key"]))


def write(cell, value):
    # bool is an int in Python: refuse it rather than store 1/0.
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        cell.setValue(value)
    elif isinstance(value, str):
        cell.setString(value)
    else:
        raise RuntimeError("unsupported value %r" % (value,))


def list_options(doc, cell):
    validation = cell.Validation
    if validation.Type != LIST:
        raise RuntimeError("%s has no dropdown list" % cell.AbsoluteName)
    source = validation.getFormula1()
    if doc.NamedRanges.hasByName(source):
        rows = doc.NamedRanges.getByName(source).ReferredCells.DataArray
    else:
        rows = doc.Sheets.getByIndex(0).getCellRangeByName(source).DataArray
    return [value for (value,) in rows]


def type_into(cell, text):
    if not isinstance(text, str):
        raise RuntimeError("type needs text, not %r" % (text,))
    cell.FormulaLocal = text
    kind = cell.getType().value
    if kind == "EMPTY" or (kind == "TEXT" and cell.getString() != text):
        raise RuntimeError("%s did not take the typed %r (holds %r)" % (cell.AbsoluteName, text, cell.getString()))


def apply(doc, edit):
    op = edit["op"]
    if op == "insertRow":
        sheet = sheet_of(doc, edit["sheet"])
        row = row_of_key(sheet, edit["beforeKey"]) if "beforeKey" in edit else int(edit["before"]) - 1
        sheet.Rows.insertByIndex(row, 1)
        for letter, value in edit.get("values", {}).items():
            write(sheet.getCellByPosition(column_index(letter), row), value)
        return {"op": op, "sheet": sheet.Name, "row": row + 1}
    cell = cell_of(doc, edit)
    if op == "type":
        type_into(cell, edit["value"])
        return {"op": op, "cell": cell.AbsoluteName, "value": cell.getValue(), "text": cell.getString(), "format": doc.NumberFormats.getByKey(cell.NumberFormat).FormatString}
    if op == "pick":
        options = list_options(doc, cell)
        if edit["value"] not in options:
            raise RuntimeError("%r is not offered by the dropdown of %s: %s" % (edit["value"], cell.AbsoluteName, options))
    elif op != "set":
        raise RuntimeError("unknown op %r" % op)
    write(cell, edit["value"])
    return {"op": op, "cell": cell.AbsoluteName}


def main(argv):
    args = list(argv)
    recalc = "--recalc" in args
    if recalc:
        args.remove("--recalc")
    if len(args) < 4 or args[0] != "--connect":
        raise SystemExit(__doc__)
    description, source, target = args[1], os.path.abspath(args[2]), os.path.abspath(args[3])
    edits = json.loads(args[4] if len(args) > 4 else sys.stdin.read())

    context = connect(description)
    desktop = context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)
    try:
        doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(source), "_blank", 0, (prop("Hidden", True),))
        if doc is None:
            raise RuntimeError("LibreOffice could not open %s" % source)
        try:
            report = [apply(doc, edit) for edit in edits]
            if recalc:
                # LibreOffice 7.4 ignores fullCalcOnLoad, so cached results from the writer may be stale: recompute all.
                doc.calculateAll()
            doc.storeToURL(uno.systemPathToFileUrl(target), (prop("FilterName", "Calc MS Excel 2007 XML"),))
        finally:
            doc.close(True)
    finally:
        try:
            desktop.terminate()
        except Exception:  # the bridge drops as soffice exits: nothing left to do
            pass
    print(json.dumps({"edits": report}, ensure_ascii=False))


if __name__ == "__main__":
    try:
        main(sys.argv[1:])
    except Exception as error:  # one line the Node side can show in a test failure
        sys.stderr.write("uno_fill: %s: %s\n" % (type(error).__name__, error))
        sys.exit(1)
