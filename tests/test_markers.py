"""`make check` leaves out every test tests/conftest.py marks as needing more than a checkout and its
venv (a build, the network, a privilege, other Pythons), and the marks land on tests that exist."""
import ast
import configparser
import re

from conftest import NEEDS, ROOT, SLOW_MODULES, SLOW_TESTS


def test_make_check_leaves_out_every_registered_marker():
    ini = configparser.ConfigParser()
    ini.read(ROOT / "pytest.ini")
    registered = {line.split(":")[0].strip() for line in ini["pytest"]["markers"].splitlines()
                  if line.strip()}
    assert registered == {"slow", *NEEDS}
    makefile = (ROOT / "Makefile").read_text()
    (quick,) = re.findall(r"^QUICK_TESTS := (.*)$", makefile, re.MULTILINE)
    assert quick == " and ".join(f"not {marker}" for marker in ["slow", *NEEDS])
    (check,) = re.findall(r"^check:.*\n((?:\t.*\n)+)", makefile, re.MULTILINE)
    assert '-m pytest -q -m "$(QUICK_TESTS)"' in check


def test_every_test_marked_by_name_exists():
    # A renamed test would otherwise lose its mark silently, and run in `make check` again.
    defined = {node.name for path in (ROOT / "tests").rglob("test_*.py")
               for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
               if isinstance(node, ast.FunctionDef) and node.name.startswith("test_")}
    named = set(SLOW_TESTS).union(*NEEDS.values())
    assert named <= defined, named - defined
    modules = {path.stem for path in (ROOT / "tests").glob("test_*.py")}
    assert set(SLOW_MODULES) <= modules, set(SLOW_MODULES) - modules
