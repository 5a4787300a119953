"""Render the pages' LaTeX math as MathML while the site is built.

Browsers draw MathML themselves, so a page needs no math script and asks no remote server for
one (Sphinx's default, MathJax, comes from a CDN).
"""
from docutils import nodes
from latex2mathml.converter import convert


def visit_inline(self, node):
    self.body.append(self.starttag(node, "span", "", CLASS="math notranslate"))
    self.body.append(convert(node.astext(), display="inline"))
    self.body.append("</span>")
    raise nodes.SkipNode


def visit_block(self, node):
    self.body.append(self.starttag(node, "div", "", CLASS="math notranslate"))
    if node.get("number"):
        self.body.append(f'<span class="eqno">({node["number"]})</span>')
    self.body.append(convert(node.astext(), display="block"))
    self.body.append("</div>\n")
    raise nodes.SkipNode


def setup(app):
    app.add_html_math_renderer("mathml", (visit_inline, None), (visit_block, None))
    return {"parallel_read_safe": True, "parallel_write_safe": True}
