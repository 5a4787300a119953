"""The versions of sum_nexts as lesson_code/sum_nexts_versions.toml describes them: the one place
that says what each version is. The pages' tables, charts, checks and step claims derive from it.
"""
import tomllib
from dataclasses import dataclass

from finding_bottlenecks.settings import LESSON_CODE

FILE = "sum_nexts_versions.toml"
CHOICES = {"role": {"step", "extra"}, "growth": {"quadratic", "linear"},
           "data": {"list", "array"}, "verdict": {"faster", "slower"}}
GROWTH_SLOPES = {"quadratic": (1.5, 2.5), "linear": (0.5, 1.5)}  # "about 2", "about 1"
REQUIRED = {"script", "label", "role", "growth", "data"}
OPTIONAL = {"defect", "after", "verdict", "by", "slope"}


class VersionsError(ValueError):
    """The description and the scripts disagree, or an entry is malformed: the message names it."""


@dataclass(frozen=True)
class Version:
    script: str
    label: str
    role: str
    growth: str
    data: str
    defect: str = ""
    after: str = ""
    verdict: str = ""
    by: float = None
    slope: tuple = None

    @property
    def short(self):
        return short(self.script)

    @property
    def expected_check(self):
        """What the answer check must say of it: its known defect, else "agrees"."""
        return self.defect or "agrees"

    @property
    def is_step(self):
        return self.role == "step"

    @property
    def order(self):
        """(slower, faster) scripts of the step it closes; None for the first version."""
        if not self.after:
            return None
        return (self.after, self.script) if self.verdict == "faster" else (self.script, self.after)

    @property
    def slope_range(self):
        return tuple(self.slope) if self.slope else GROWTH_SLOPES[self.growth]


def read_versions(folder=LESSON_CODE):
    """Every version, in the lesson's order, checked against the sum_nexts_*.py files there."""
    path = folder / FILE
    try:
        entries = tomllib.loads(path.read_text(encoding="utf-8")).get("version", [])
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise VersionsError(f"{path.name}: {error}") from None
    versions = [_version(entry, number) for number, entry in enumerate(entries, 1)]
    scripts = [v.script for v in versions]
    on_disk = sorted(p.name for p in folder.glob("sum_nexts_*.py"))
    for script in on_disk:
        if script not in scripts:
            raise VersionsError(f"{script} has no entry in {FILE}: add one (label, growth, data,"
                                " and the step it closes)")
    for version in versions:
        if version.script not in on_disk:
            raise VersionsError(f"{FILE} describes {version.script}, which is not in lesson_code/")
        if scripts.count(version.script) > 1:
            raise VersionsError(f"{FILE} describes {version.script} twice")
        if version.after and version.after not in scripts[:scripts.index(version.script)]:
            raise VersionsError(f"{version.script}: after = {version.after!r} must name a version"
                                f" listed before it in {FILE}")
    chain(versions)  # the steps must form one chain
    return versions


def chain(versions):
    """The steps the episode teaches, from where it starts to where it ends: the one step with no
    `after`, then the step that comes after it, and so on. Extras are not in it."""
    steps = [v for v in versions if v.is_step]
    starts = [v.script for v in steps if not v.after]
    if len(starts) != 1:
        raise VersionsError(f"{FILE}: exactly one step has no `after` (where the episode starts),"
                            f" not {len(starts)}: {', '.join(starts) or 'none'}")
    by_script = {v.script: v for v in versions}
    for step in steps:
        if step.after and not by_script[step.after].is_step:
            raise VersionsError(f"{FILE}, {step.script}: after = {step.after!r} names an extra;"
                                " a step comes after a step")
    ordered = [by_script[starts[0]]]
    while nexts := [v for v in steps if v.after == ordered[-1].script]:
        if len(nexts) > 1:
            raise VersionsError(f"{FILE}: {', '.join(v.script for v in nexts)} all come after"
                                f" {ordered[-1].script}; the steps form one chain")
        ordered.append(nexts[0])
    return ordered


def _version(entry, number):
    name = entry.get("script", f"entry {number}")
    missing, unknown = REQUIRED - set(entry), set(entry) - REQUIRED - OPTIONAL
    if missing or unknown:
        raise VersionsError(f"{FILE}, {name}: " + "; ".join(
            filter(None, [missing and f"missing {', '.join(sorted(missing))}",
                          unknown and f"unknown {', '.join(sorted(unknown))}"])))
    for key, allowed in CHOICES.items():
        if key in entry and entry[key] not in allowed:
            raise VersionsError(f"{FILE}, {name}: {key} = {entry[key]!r}, not one of"
                                f" {', '.join(sorted(allowed))}")
    if entry.get("role") == "extra" and {"after", "verdict", "by"} & set(entry):
        raise VersionsError(f"{FILE}, {name}: an extra is compared with no step (no `after`,"
                            " `verdict` or `by`): make it a step to have the episode claim that")
    if bool(entry.get("after")) != bool(entry.get("verdict")):
        raise VersionsError(f"{FILE}, {name}: `after` and `verdict` go together")
    if "by" in entry and entry.get("verdict") != "faster":
        raise VersionsError(f"{FILE}, {name}: `by` is a factor for a faster version only")
    return Version(**entry)


def short(script):
    """A version's short name, which glue keys and charts use: "sum_nexts_slice_sum.py" ->
    "slice_sum"."""
    return script.removesuffix(".py").removeprefix("sum_nexts_")
