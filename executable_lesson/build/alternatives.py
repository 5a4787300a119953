"""Sentences chosen by what the page measured: the `{when}` directive.

A sentence that depends on a measurement is written in the page, once per case, each in a
`{when}` block whose condition names a value the page glued:

    ```{when} py_diff_alike
    Both are built alike, so ...
    ```

    ```{when} not py_diff_alike
    Their builds differ, so ...
    ```

A condition is `key`, `not key`, or `key == value` / `key != value` with a Python literal
("alike", 3, True). The block whose condition holds is parsed as part of the page; the others are
left out, before their roles are read. The page's glued values are those of its executed notebook
(MyST-NB's glue), so a page taken from the execution cache chooses as it did when it ran.
"""
import ast
import re

from docutils import nodes
from docutils.parsers.rst import Directive
from myst_nb.ext.glue.utils import RetrievalError, retrieve_glue_data

CONDITION = re.compile(r"^(?:(not) +)?([A-Za-z_]\w*)(?: *(==|!=) *(.+))?$")


class ConditionError(ValueError):
    """A `{when}` condition that cannot be read, or that names no glued value."""


def holds(condition, value_of):
    """Whether `condition` holds, `value_of(key)` giving a glued value (a Python value)."""
    found = CONDITION.match(condition.strip())
    if not found or (found[1] and found[3]):
        raise ConditionError(f"cannot read the condition {condition!r}: write `key`, `not key`,"
                             " `key == value` or `key != value`")
    negated, key, operator, literal = found.groups()
    value = value_of(key)
    if operator is None:
        return not value if negated else bool(value)
    try:
        wanted = ast.literal_eval(literal.strip())
    except (SyntaxError, ValueError):
        raise ConditionError(f"{condition!r}: {literal.strip()} is not a Python literal"
                             " (quote a word: \"alike\")") from None
    return (value == wanted) == (operator == "==")


def glued_value(document, key):
    """The value the page glued as `key`, as Python reads its text."""
    try:
        data = retrieve_glue_data(document, key).data
    except RetrievalError:
        raise ConditionError(f"no value named {key!r} is glued on this page") from None
    text = data.get("text/plain", "")
    try:
        return ast.literal_eval(text)
    except (SyntaxError, ValueError):
        # a string reads back quoted: this is some other object, which no condition can test
        raise ConditionError(f"{key!r} is glued as {text!r}, not a number, a word or True/False:"
                             " glue a plain value") from None


class When(Directive):
    """The block's content is part of the page when its condition holds."""

    has_content = True
    required_arguments = 1
    final_argument_whitespace = True

    def run(self):
        document = self.state.document
        try:
            chosen = holds(self.arguments[0], lambda key: glued_value(document, key))
        except ConditionError as error:
            raise self.error(f"{{when}} {self.arguments[0]}: {error}") from None
        if not chosen:
            return []
        holder = nodes.Element()
        self.state.nested_parse(self.content, self.content_offset, holder)
        return holder.children


def setup(app):
    app.add_directive("when", When)
