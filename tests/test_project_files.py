"""The files contributors and hosting platforms read: workflows, hooks, pins, citation."""
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from lessonbuild.pythons import supported_versions
from lessonbuild.refresh_pins import canonical, learner_needs, read_pins

ROOT = Path(__file__).resolve().parent.parent
LESSON_CODE = ROOT / "lesson_code"
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))


def load_workflow(path):
    workflow = yaml.safe_load(path.read_text())
    workflow["on"] = workflow.pop(True, workflow.get("on"))  # YAML 1.1 reads `on` as true
    return workflow


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_workflows_read_only_by_default_with_pinned_actions(path):
    workflow = load_workflow(path)
    assert workflow["permissions"] == {"contents": "read"}
    for name, job in workflow["jobs"].items():
        granted = job.get("permissions", {})
        writes = {scope for scope, level in granted.items() if level == "write"}
        assert writes <= ({"pages", "id-token"} if name == "deploy" else set()), (name, writes)
        for step in job.get("steps", []):
            if "uses" in step:
                assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", step["uses"]), step["uses"]


def test_the_workflows_test_review_deploy_and_watch_for_drift():
    flows = {path.stem: load_workflow(path) for path in WORKFLOWS}
    runs = {name: " ".join(step.get("run", "") for job in flow["jobs"].values()
                           for step in job.get("steps", []))
            for name, flow in flows.items()}
    assert "pull_request" in flows["pull-request"]["on"]
    assert "make test" in runs["pull-request"] and "make check" in runs["pull-request"]
    uploads = [step for step in flows["pull-request"]["jobs"]["test"]["steps"]
               if "upload-artifact" in step.get("uses", "")]
    assert any(step["with"]["path"] == "_build/html" for step in uploads)
    assert flows["deploy"]["on"]["push"]["branches"] == ["main"]
    assert "make test" in runs["deploy"] and flows["deploy"]["jobs"]["deploy"]["needs"] == "build"
    assert flows["weekly"]["on"]["schedule"] and "make pins" in runs["weekly"]


def test_read_the_docs_runs_the_same_build():
    config = yaml.safe_load((ROOT / ".readthedocs.yaml").read_text())
    assert config["build"]["tools"]["python"] == "3.11"
    assert any(command.startswith("make html") for command in config["build"]["commands"])


@pytest.mark.parametrize("version", supported_versions())
def test_every_direct_need_is_pinned(version):
    built = read_pins((ROOT / "requirements.txt").read_text(), version)
    direct = [canonical(line.split("#")[0].split("<")[0].split(">")[0].strip())
              for line in (ROOT / "requirements.in").read_text().splitlines()
              if line.strip() and not line.startswith("#")]
    assert set(direct) <= set(built), set(direct) - set(built)


def test_the_learners_packages_are_marked_in_requirements_in():
    assert learner_needs("# what\nsphinx\nnumpy  # learner\nline_profiler # learner\n") == \
        ["numpy", "line_profiler"]
    marked = learner_needs((ROOT / "requirements.in").read_text())
    assert {canonical(name) for name in marked} == \
        set(read_pins((LESSON_CODE / "requirements.txt").read_text())) - {"typing-extensions"}


@pytest.mark.parametrize("name,refused", [("page.ipynb", True), ("docs/x.lprof", True),
                                          ("_build/html/index.html", True), ("docs/page.md", False)])
def test_the_commit_hooks_refuse_notebooks_and_outputs(tmp_path, name, refused):
    shutil.copy(ROOT / ".pre-commit-config.yaml", tmp_path)
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
    (tmp_path / name).write_text("{}\n")
    subprocess.run(["git", "add", "-A"], cwd=tmp_path, check=True)
    results = [subprocess.run([str(Path(ROOT / ".venv/bin/pre-commit")), "run", hook, "--files",
                               name], cwd=tmp_path, capture_output=True, text=True,
                              env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path),
                                   "PRE_COMMIT_HOME": str(tmp_path / ".cache")})
               for hook in ("no-notebooks", "no-outputs")]
    assert any(r.returncode != 0 for r in results) == refused, [r.stdout for r in results]


def test_citation_and_licences():
    citation = yaml.safe_load((ROOT / "CITATION.cff").read_text())
    assert citation["cff-version"] == "1.2.0" and citation["title"]
    assert set(citation["license"]) == {"MIT", "CC-BY-4.0"}
    assert "2016" in str(citation["references"])  # credit to the course lesson it follows
    licences = (ROOT / "LICENSE.md").read_text()
    assert "MIT" in licences and "CC BY 4.0" in licences
    guide = (ROOT / "CONTRIBUTING.md").read_text()
    for command in ("make serve", "make check", "make test", "make pins"):
        assert command in guide
    assert (ROOT / ".github" / "pull_request_template.md").is_file()
