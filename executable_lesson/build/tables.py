"""A plain docutils table, for the tables the extension fills in once every page has run."""
from docutils import nodes


def table(header, rows, css_class):
    """A table with a header row; a cell is a node, or anything else shown as its text."""
    table_node = nodes.table(classes=[css_class])
    group = nodes.tgroup(cols=len(header))
    table_node += group
    for _ in header:
        group += nodes.colspec(colwidth=1)
    group += nodes.thead("", _row(header))
    body = nodes.tbody()
    for row in rows:
        body += _row(row)
    group += body
    return table_node


def _row(cells):
    row = nodes.row()
    for cell in cells:
        row += nodes.entry("", cell if isinstance(cell, nodes.Element) else nodes.paragraph(text=str(cell)))
    return row
