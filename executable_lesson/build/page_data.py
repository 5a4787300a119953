"""What each page handed to the build, gathered from its executed notebook when Sphinx reads it.

A page's kernel sends its claims, the names of its figures and the files it publishes as outputs
of its cells (kernel/send.py), which MyST-NB keeps with the page's glued values. When Sphinx
has read a page, its record goes into the build environment: a page taken from the execution
cache brings the same record again, and a page the preview does not read again keeps the one it
had. Once every page is read, the build writes each page's files, its `<page>.figures.json` and
the claims (claims_report.py) into the site. No page needs another to have run.
"""
import base64
import json
import math
from ast import literal_eval
from pathlib import Path

from myst_nb.sphinx_ import NbMetadataCollector
from sphinx.util import logging

from executable_lesson.support.page_data import KEY_PREFIX, MIME

logger = logging.getLogger(__name__)


def empty():
    return {"claims": [], "figures": None, "files": {}}


def records(env):
    """{page: {"claims": [...], "figures": {name: value} or None, "files": {name: base64}}}."""
    if not hasattr(env, "page_data"):
        env.page_data = {}
    return env.page_data


def read_record(glued, page):
    """A page's record from its glue data ({key: output}, as MyST-NB saves it)."""
    record = empty()
    sent = sorted((int(key.removeprefix(KEY_PREFIX)), output["data"][MIME])
                  for key, output in glued.items()
                  if key.startswith(KEY_PREFIX) and MIME in output.get("data", {}))
    for _, item in sent:
        if item["kind"] == "claim":
            record["claims"].append({"page": page, **item["claim"]})
        elif item["kind"] == "figures":
            record["figures"] = record["figures"] or {}
            for name in item["names"]:
                record["figures"][name] = glued_value(glued[name])
        elif item["kind"] == "file":
            if item["name"] in record["files"]:
                logger.warning(f"{page} publishes {item['name']} twice", location=page)
            record["files"][item["name"]] = item["base64"]
    return record


def glued_value(output):
    """A glued number or string, as its text reads back; a figure not measured (nan) is None."""
    text = output["data"].get("text/plain", "")
    if text == "nan":
        return None
    try:
        value = literal_eval(text)
    except (SyntaxError, ValueError):
        return text
    return None if isinstance(value, float) and math.isnan(value) else value


def _gather(app, doctree):
    docname = app.env.docname
    keys = NbMetadataCollector.get_doc_data(app.env).get(docname, {}).get("glue", [])
    glue_file = Path(app.outdir).parent / "jupyter_execute" / f"{docname}.glue.json"
    if any(key.startswith(KEY_PREFIX) for key in keys) and glue_file.is_file():
        records(app.env)[docname] = read_record(json.loads(glue_file.read_text(encoding="utf-8")),
                                                docname)
    else:
        records(app.env).pop(docname, None)


def _purge(app, env, docname):
    records(env).pop(docname, None)


def _merge(app, env, docnames, other):
    records(env).update({name: records(other)[name] for name in docnames if name in records(other)})


def claims(env):
    """Every claim the pages checked, in page order."""
    return [claim for page in sorted(records(env)) for claim in records(env)[page]["claims"]]


def published(env, warn=False):
    """{published name: the page that published it}; with `warn`, a name two pages publish is
    a warning (the build checks it once, when every page is read)."""
    owners = {}
    for page in sorted(records(env)):
        for name in records(env)[page]["files"]:
            if name in owners and warn:
                logger.warning(f"{page} publishes {name}, which {owners[name]} publishes too: give"
                               " one of them another name", location=page)
            owners[name] = page
    return owners


def _check_published(app, env):
    published(env, warn=True)
    return []


def _write(app, exception):
    """Each page's files and figures into the site."""
    if exception is not None:
        return
    out = Path(app.outdir)
    for page, record in sorted(records(app.env).items()):
        for name, content in record["files"].items():
            (out / name).parent.mkdir(parents=True, exist_ok=True)
            (out / name).write_bytes(base64.b64decode(content))
        if record["figures"] is not None:
            (out / f"{page}.figures.json").write_text(
                json.dumps(record["figures"], indent=1) + "\n", encoding="utf-8")


def setup(app):
    app.connect("doctree-read", _gather)
    app.connect("env-purge-doc", _purge)
    app.connect("env-merge-info", _merge)
    app.connect("env-updated", _check_published)
    app.connect("build-finished", _write)
