"""Math is drawn as MathML at build time: no script, no remote math server."""
import subprocess
import sys


def test_math_becomes_mathml_without_any_script(tmp_path):
    source = tmp_path / "src"
    source.mkdir()
    (source / "conf.py").write_text(
        'extensions = ["myst_parser", "executable_lesson.build.mathml"]\n'
        'myst_enable_extensions = ["dollarmath"]\nhtml_math_renderer = "mathml"\n')
    (source / "index.md").write_text("# Sums\n\nInline $x_{n-1}$ and\n\n$$\ns_i = \\sum_j x_j\n$$\n")
    result = subprocess.run([sys.executable, "-m", "sphinx", "-b", "html", "-q", "-W", str(source),
                             str(tmp_path / "out")], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "out" / "index.html").read_text()
    assert page.count("<math ") == 2 and 'display="block"' in page and "<msub>" in page
    assert "mathjax" not in page.lower().replace("mathjax_ignore", "")
