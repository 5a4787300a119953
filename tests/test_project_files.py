"""The files contributors and hosting platforms read: workflows, hooks, pins, citation."""
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from packaging.requirements import Requirement

from finding_bottlenecks.pythons import supported_range, supported_versions
from finding_bottlenecks.settings import ROOT  # the repository
from maintainer.refresh_pins import canonical, learner_needs, read_pins

LESSON_CODE = ROOT / "lesson_code"
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
OLDEST, NEWEST = (".".join(map(str, version)) for version in supported_range())


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
    assert "make test SITE=_build/html" in runs["deploy"]
    assert flows["deploy"]["jobs"]["deploy"]["needs"] == "build"
    pages = [step for step in flows["deploy"]["jobs"]["build"]["steps"]
             if "upload-pages-artifact" in step.get("uses", "")]
    assert [step["with"]["path"] for step in pages] == ["_build/html"]  # the site just tested
    assert flows["weekly"]["on"]["schedule"] and "make pins" in runs["weekly"]


def container_images(job):
    """The images a job runs in: one per value of its matrix."""
    image = job["container"] if isinstance(job["container"], str) else job["container"]["image"]
    images = [image]
    for key, values in job.get("strategy", {}).get("matrix", {}).items():
        images = [image.replace(f"${{{{ matrix.{key} }}}}", str(value))
                  for image in images for value in values]
    return images


def image_python(image):
    """The Python of an official python image on Debian trixie: "3.16" for python:3.16-rc-trixie."""
    found = re.fullmatch(r"python:(\d+\.\d+)(-rc)?-trixie", image)
    assert found, f"{image} is not an official python image on Debian trixie"
    return found.group(1)


def step_with(job, text):
    [step] = [step for step in job["steps"] if text in step.get("run", "")]
    return step


def versions_after(text, words):
    """The versions listed after `words` in a shell script: ["3.11", "3.12"]."""
    return re.search(re.escape(words) + r"((?: [\d.]+)+)", text).group(1).split()


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_every_job_that_builds_runs_in_debian_with_the_images_own_python(path):
    # Official python images on Debian (trixie), where `apt-get install chromium` is Debian's
    # real package, and make told to use the image's Python, whatever else is on PATH.
    for name, job in load_workflow(path)["jobs"].items():
        if "container" not in job:
            assert "make" not in json.dumps(job), name
            continue
        pythons = {image_python(image) for image in container_images(job)}
        chosen = {job["env"]["PYTHON"].replace("${{ matrix.python }}", version)
                  for version in job.get("strategy", {}).get("matrix", {}).get("python", [""])}
        assert chosen == {f"/usr/local/bin/python{version}" for version in pythons}, name


def test_pull_requests_are_tested_on_the_oldest_and_newest_python():
    job = load_workflow(ROOT / ".github" / "workflows" / "pull-request.yml")["jobs"]["test"]
    assert sorted(map(image_python, container_images(job))) == [OLDEST, NEWEST]
    assert job["strategy"]["fail-fast"] is False
    names = [step["with"]["name"] for step in job["steps"] if "upload-artifact" in step.get("uses", "")]
    assert len(names) == 3 and all("${{ matrix.python }}" in name for name in names)  # one each
    # The newest builds the site as deploy does, comparing every supported Python.
    install = step_with(job, "uv python install")
    assert install["if"] == f"matrix.python == '{NEWEST}'"
    assert versions_after(install["run"], "uv python install --no-bin") == supported_versions()
    build, test = step_with(job, "make html"), step_with(job, "make test")
    assert build["env"]["LESSON_PYTHONS"] == f"${{{{ steps.{install['id']}.outputs.list }}}}"
    assert test["env"]["LESSON_PYTHONS"] == build["env"]["LESSON_PYTHONS"]  # the tests expect them


def test_the_site_is_built_on_the_newest_python_and_compares_every_supported_one():
    job = load_workflow(ROOT / ".github" / "workflows" / "deploy.yml")["jobs"]["build"]
    assert container_images(job) == [f"python:{NEWEST}-trixie"]
    # Every supported version, all from uv's builds so that the comparison is like with like.
    install = step_with(job, "uv python install")
    assert versions_after(install["run"], "uv python install --no-bin") == supported_versions()
    assert versions_after(install["run"], "for version in") == supported_versions()
    assert "uv python find --system --managed-python" in install["run"]
    build, test = step_with(job, "make html"), step_with(job, "make test")
    assert build["env"]["LESSON_PYTHONS"] == f"${{{{ steps.{install['id']}.outputs.list }}}}"
    assert test["env"]["LESSON_PYTHONS"] == build["env"]["LESSON_PYTHONS"]
    steps = [step.get("run", "") for step in job["steps"]]
    assert steps.index(install["run"]) > steps.index("make check")  # uv comes from .venv
    assert "uv" in read_pins((ROOT / "requirements.txt").read_text(), NEWEST)
    # A failed build publishes nothing, and leaves its site and reports to read.
    kept = [step for step in job["steps"] if step.get("with", {}).get("path") == "_build/html-failed"]
    assert len(kept) == 1 and kept[0]["if"] == "failure()" and "upload-artifact" in kept[0]["uses"]
    pages = load_workflow(ROOT / ".github" / "workflows" / "deploy.yml")["jobs"]["deploy"]
    assert pages["needs"] == "build"


MAKE_COMMAND = re.compile(r"\bmake((?:[ \t]+[^\s;&|]+)*)")


def full_builds(script):
    """How many times a shell script builds the whole book: each `make html`, and each `make
    test` not given SITE= (which builds the book first), or sphinx-build run on docs/."""
    builds = len(re.findall(r"sphinx-build\b[^\n]*\bdocs\b", script))
    for words in (found.split() for found in MAKE_COMMAND.findall(script)):
        targets = [word for word in words if not word.startswith("-") and "=" not in word]
        builds += targets.count("html")
        builds += targets.count("test") * (not any(word.startswith("SITE=") for word in words))
    return builds


def site_under_test(script):
    """The folder a `make test SITE=...` in the script tests, else None."""
    found = re.search(r"\bmake\b[^\n;&|]*\btest\b[^\n;&|]*\bSITE=(\S+)", script)
    return found and found.group(1)


def test_the_build_counter_counts_what_builds():
    assert full_builds("make check\nmake test\n") == 1
    assert full_builds("make html") == 1 and full_builds("make html PYTHON=python3.15") == 1
    assert full_builds("make test SITE=_build/html") == 0
    assert full_builds("make html && make test") == 2
    assert full_builds("make --no-print-directory test") == 1
    assert full_builds("make pins\nmake check\nmake serve") == 0
    assert full_builds(".venv/bin/sphinx-build -b html -c . docs out") == 1
    assert site_under_test("make test SITE=_build/html") == "_build/html"
    assert site_under_test("make test") is None


def ci_jobs():
    """(name, [steps]) of every workflow job, and .ci/run as one job of one step."""
    jobs = [(f"{path.name}: {name}", job.get("steps", [])) for path in WORKFLOWS
            for name, job in load_workflow(path)["jobs"].items()]
    return jobs + [(".ci/run", [{"run": (ROOT / ".ci" / "run").read_text()}])]


@pytest.mark.parametrize("name,steps", ci_jobs(), ids=[name for name, _ in ci_jobs()])
def test_every_ci_job_builds_the_book_at_most_once_and_tests_that_site(name, steps):
    """The book takes minutes to build: a job that tests builds it once, and tests that build,
    the very site it uploads or publishes (`make html`, then `make test SITE=_build/html`)."""
    runs = [step.get("run", "") for step in steps]
    builds = [full_builds(run) for run in runs]
    assert sum(builds) <= 1, f"{name} builds the book {sum(builds)} times"
    tests = [index for index, run in enumerate(runs) if re.search(r"\bmake\b.*\btest\b", run)]
    if not tests:
        return
    assert sum(builds) == 1, f"{name} tests without building"
    (index,) = tests
    site = site_under_test(runs[index])
    if site is not None:  # the site an earlier step built, where make html builds it
        assert site == "_build/html" and builds.index(1) < index, name
        assert re.search(r"\bmake\b[^\n]*\bhtml\b", runs[builds.index(1)]), name
    published = [step["with"]["path"] for step in steps
                 if re.search(r"upload-(pages-)?artifact", step.get("uses", ""))
                 and step.get("with", {}).get("path") in ("_build/html", "_build/html.new")]
    assert set(published) <= {"_build/html"}, name  # what is uploaded is what was tested


def test_every_week_the_pins_drift_and_the_next_python_are_tried():
    jobs = load_workflow(ROOT / ".github" / "workflows" / "weekly.yml")["jobs"]
    for name in ("pinned", "refreshed-pins"):
        assert sorted(map(image_python, container_images(jobs[name]))) == [OLDEST, NEWEST], name
        assert not jobs[name].get("continue-on-error")
    [pre_release] = [job for job in jobs.values()
                     if any("-rc-" in image for image in container_images(job))]
    major, minor = NEWEST.split(".")
    assert container_images(pre_release) == [f"python:{major}.{int(minor) + 1}-rc-trixie"]
    assert pre_release["continue-on-error"] is True  # reports, blocks nothing
    assert "make test" in step_with(pre_release, "make test")["run"]
    assert not any(job.get("needs") for job in jobs.values())


def read_the_docs_pythons():
    """The Pythons Read the Docs offers, from its configuration schema (as check-jsonschema,
    pinned in requirements.txt, vendors it)."""
    from importlib.resources import files
    schema = files("check_jsonschema.builtin_schemas.vendor") / "readthedocs.json"
    tools = json.loads(schema.read_text())["properties"]["build"]["properties"]["tools"]
    return tools["properties"]["python"]["enum"]


def test_read_the_docs_runs_the_same_build():
    config = yaml.safe_load((ROOT / ".readthedocs.yaml").read_text())
    # The newest supported Python that Read the Docs offers (3.14 while it has no 3.15): when
    # a refreshed check-jsonschema knows of a newer one, this asks for the switch.
    offered = [version for version in supported_versions() if version in read_the_docs_pythons()]
    assert config["build"]["tools"]["python"] == offered[-1]
    assert any(command.startswith("make html") for command in config["build"]["commands"])


@pytest.mark.parametrize("version", supported_versions())
def test_every_direct_need_is_pinned(version):
    built = read_pins((ROOT / "requirements.txt").read_text(), version)
    python = {"python_version": version, "python_full_version": f"{version}.0"}
    needs = [Requirement(line.split("#")[0]) for line in (ROOT / "requirements.in").read_text()
             .splitlines() if line.strip() and not line.startswith("#")]
    direct = {canonical(need.name) for need in needs
              if need.marker is None or need.marker.evaluate(python)}
    assert direct <= set(built), direct - set(built)


def test_the_learners_packages_are_marked_in_requirements_in():
    assert learner_needs("# what\nsphinx\nnumpy  # learner\nline_profiler # learner\n") == \
        ["numpy", "line_profiler"]
    marked = learner_needs((ROOT / "requirements.in").read_text())
    pinned = (LESSON_CODE / "requirements.txt").read_text()
    # on any supported Python: pyinstrument, say, is pinned only where it has wheels
    learner = set(read_pins(pinned, OLDEST)) | set(read_pins(pinned, NEWEST))
    assert {canonical(Requirement(line).name) for line in marked} <= learner
    # the rest are what those need (IPython's own packages, for ipykernel), as the build pins them
    for version in (OLDEST, NEWEST):
        built = read_pins((ROOT / "requirements.txt").read_text(), version)
        assert {name: built.get(name) for name in read_pins(pinned, version)} == read_pins(pinned, version)


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


def test_every_use_of_uv_takes_the_systems_certificates():
    """uv ignores pip's certificate settings: where it is used, it must trust the system's store
    (--system-certs or UV_SYSTEM_CERTS), so that the build works on any network pip works on."""
    import yaml
    for path in sorted((ROOT / ".github" / "workflows").glob("*.yml")):
        for name, job in yaml.safe_load(path.read_text())["jobs"].items():
            runs = " ".join(step.get("run", "") for step in job.get("steps", []))
            if "uv " in runs:
                assert job.get("env", {}).get("UV_SYSTEM_CERTS") == "1", f"{path.name}: {name}"
    for path in [ROOT / "maintainer" / "refresh_pins.py", ROOT / "tests" / "support" / "old_pythons.py"]:
        text = path.read_text()
        assert "--system-certs" in text or 'UV_SYSTEM_CERTS="1"' in text, path.name
