"""report.xlsx: a README sheet, then one sheet per published table (as the 2021 study exported to Excel).

Cells come from the suppressed grids only: "<10" for small counts, "–" for shares and statistics hidden with
them; numbers stay numbers (with a display format) so the sheets can be recalculated.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from zicht.report.html import Block

INVALID_SHEET_CHARS = set("[]:*?/\\")


def sheet_names(keys: Sequence[str]) -> list[str]:
    """Excel-safe, unique sheet names (at most 31 characters) for the table keys, in order."""
    names: list[str] = ["README"]
    for key in keys:
        base = "".join("-" if c in INVALID_SHEET_CHARS else c for c in key).strip("'")[:31] or "Table"
        name, n = base, 2
        while name.lower() in {x.lower() for x in names}:
            suffix = f" ({n})"
            name, n = base[: 31 - len(suffix)] + suffix, n + 1
        names.append(name)
    return names[1:]


def write_xlsx(path: Path, readme: Sequence[tuple[str, str]], blocks: Sequence[Block]) -> list[str]:
    """Write the workbook to `path`; returns the table sheet names in order."""
    import xlsxwriter

    names = sheet_names([b.table.key for b in blocks])
    workbook = xlsxwriter.Workbook(str(path), {"strings_to_numbers": False, "strings_to_formulas": False})
    try:
        bold = workbook.add_format({"bold": True})
        title_format = workbook.add_format({"bold": True, "font_size": 13})
        wrap = workbook.add_format({"text_wrap": True, "valign": "top"})
        header = workbook.add_format({"bold": True, "bg_color": "#EEF2F6", "bottom": 1, "text_wrap": True})
        formats = {
            "count": workbook.add_format({"num_format": "#,##0"}),
            "value": workbook.add_format({"num_format": "#,##0"}),
            "share": workbook.add_format({"num_format": "0.0%"}),
            "mean": workbook.add_format({"num_format": "0.0"}),
            "sd": workbook.add_format({"num_format": "0.0"}),
            "rate": workbook.add_format({"num_format": "0.0"}),
        }
        right = workbook.add_format({"align": "right"})

        sheet = workbook.add_worksheet("README")
        sheet.set_column(0, 0, 24)
        sheet.set_column(1, 1, 110, wrap)
        row = 0
        for key, text in readme:
            sheet.write_string(row, 0, key, bold)
            sheet.write_string(row, 1, text, wrap)
            row += 1
        row += 1
        sheet.write_string(row, 0, "Sheet", header)
        sheet.write_string(row, 1, "Table", header)
        for name, block in zip(names, blocks, strict=True):
            row += 1
            sheet.write_string(row, 0, name)
            sheet.write_string(row, 1, block.table.title)

        for name, block in zip(names, blocks, strict=True):
            sheet = workbook.add_worksheet(name)
            grid = block.grid
            sheet.write_string(0, 0, block.table.title, title_format)
            if block.table.note:
                sheet.write_string(1, 0, block.table.note)
            for c, head in enumerate(grid.headers):
                sheet.write_string(3, c, head, header)
                width = max([len(head) * 0.7, 10] + [len(str(r[c].value or "")) + 2 for r in grid.rows[:200]])
                sheet.set_column(c, c, min(width, 48))
            for r, cells in enumerate(grid.rows, start=4):
                for c, cell in enumerate(cells):
                    if cell.hidden and cell.value is None:
                        sheet.write_string(r, c, "–", right)
                    elif cell.value is None:
                        sheet.write_blank(r, c, None)
                    elif isinstance(cell.value, str):
                        sheet.write_string(r, c, cell.value, right if cell.hidden else None)
                    else:
                        sheet.write_number(r, c, cell.value, formats.get(cell.kind))
            sheet.freeze_panes(4, 1)
    finally:
        workbook.close()
    return names
