"""Every claim the pages checked, with its margin: published as claims.json, listed in the build
report (the `claims-report` directive), and summed up at the end of the build's log.

Each page's claims come with its executed notebook (page_data.py). Once every page is read, they
are sorted, closest to failing first; the report page, whichever order it was read in, is filled
in when it is written.
"""
import json
import math
from pathlib import Path

from docutils import nodes
from sphinx.util import logging

from executable_lesson.build import config, holders, page_data
from executable_lesson.build.tables import table

CLOSEST_IN_LOG = 5

logger = logging.getLogger(__name__)


def closest_first(claims):
    """Failed first, then by margin (closest to failing first), then the exact facts."""
    return sorted(claims, key=_closest_first)


def _closest_first(entry):
    ratio = entry["ratio"]
    rank = 0 if not entry["held"] else 2 if entry["kind"] == "exact" else 1
    return (rank, math.inf if ratio is None else ratio)


def flagged(entry, flag_ratio):
    return entry["kind"] != "exact" and (not entry["held"] or (entry["ratio"] or math.inf) < flag_ratio)


def _gather(app, env):
    claims = closest_first(page_data.claims(env))
    ratio = app.config.lesson_flag_ratio
    env.lesson_claims = claims
    Path(app.outdir).mkdir(parents=True, exist_ok=True)
    (Path(app.outdir) / "claims.json").write_text(json.dumps(
        {"flag_below_ratio": ratio, "claims": claims}, indent=1) + "\n", encoding="utf-8")
    measured = [c for c in claims if c["kind"] != "exact"]
    logger.info(f"claims: {len(claims)} checked, {sum(not c['held'] for c in claims)} failed,"
                f" {sum(flagged(c, ratio) and c['held'] for c in measured)} held by a ratio below"
                f" {ratio}; the closest to failing:")
    for entry in measured[:CLOSEST_IN_LOG]:
        logger.info(f"  {_ratio(entry):>7}  {entry['page']}: {entry['statement']}")
    # The report's page is written again even when the preview took it from its cache.
    return holders.pages_holding(env, "claims-report")


def _fill_report(app, doctree, docname):
    holders.fill(doctree, "claims-report", lambda: report_nodes(
        getattr(app.env, "lesson_claims", []), app.config.lesson_flag_ratio))


def report_nodes(claims, flag_ratio):
    measured = [c for c in claims if c["kind"] != "exact"]
    exact = [c for c in claims if c["kind"] == "exact"]
    failed = sum(not c["held"] for c in claims)
    close = sum(flagged(c, flag_ratio) and c["held"] for c in measured)
    summary = nodes.paragraph(text=(
        f"{len(claims)} claims were checked: {len(measured)} compare measurements and are listed"
        f" with their margins, closest to failing first; {len(exact)} are exact facts (counts,"
        f" lines of output), listed after them. {failed} failed, and {close} held by a ratio"
        f" below {flag_ratio}."))
    rows = [[_mark(c, flag_ratio), c["page"], c["statement"], _value(c["value"]), _threshold(c),
             _ratio(c)] for c in measured]
    margins = table(["", "Page", "Claim", "Value tested", "Threshold", "Ratio"], rows,
                    "claims-with-margins")
    facts = nodes.bullet_list()
    for c in exact:
        facts += nodes.list_item("", nodes.paragraph(
            text=f"{'held' if c['held'] else 'FAILED'}: {c['page']}: {c['statement']}"))
    return [summary, margins, nodes.paragraph(text="The exact facts:"), facts]


def _mark(entry, flag_ratio):
    return "FAILED" if not entry["held"] else "flagged" if flagged(entry, flag_ratio) else ""


def _value(value):
    return "" if value is None else f"{value:.4g}"


def _threshold(entry):
    threshold = entry["threshold"]
    if isinstance(threshold, list):
        return f"{threshold[0]:.4g} to {threshold[1]:.4g}"
    return _value(threshold)


def _ratio(entry):
    return "unbounded" if entry["ratio"] is None else f"{entry['ratio']:.3f}"


def setup(app):
    config.add_config_values(app)
    holders.add(app, "claims-report")
    app.connect("env-updated", _gather)
    app.connect("doctree-resolved", _fill_report)
