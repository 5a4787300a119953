"""The machine panel: logical CPUs called so (virtual ones on a virtual machine), and the
Python's source and build beside its version."""
from finding_bottlenecks.environment import environment_panel, panel_facts, virtual_machine
from finding_bottlenecks.lesson_modules import measure_variants


def test_cores_are_shown_as_logical_cpus_and_virtual_ones_as_virtual(tmp_path):
    recorded = {"CPU": "c", "Cores": "2", "Python": "3.11.7 (CPython)"}
    facts = panel_facts(recorded, virtual=True)
    assert "Cores" not in facts and facts["Logical CPUs"].startswith("2, virtual")
    assert panel_facts(recorded, virtual=False)["Logical CPUs"].startswith("2, as the operating")
    assert list(facts) == ["CPU", "Logical CPUs", "Python"]  # in the record's order
    cpuinfo = tmp_path / "cpuinfo"
    cpuinfo.write_text("processor\t: 0\nflags\t\t: fpu vme hypervisor lahf_lm\n")
    assert virtual_machine(cpuinfo) is True
    cpuinfo.write_text("processor\t: 0\nflags\t\t: fpu vme lahf_lm\n")
    assert virtual_machine(cpuinfo) is False
    assert virtual_machine(tmp_path / "missing") is None


def test_the_panel_names_the_pythons_source_and_build():
    shown = environment_panel()._repr_markdown_()
    environment = measure_variants.environment()
    for key in ("Logical CPUs", "Python from", "Python build"):
        assert f"* - {key}\n" in shown
    assert environment["Python build"] in shown and environment["Python from"] in shown
