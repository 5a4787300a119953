"""Claims with margins: what each kind tests, what a failure says, what the build report lists,
and the build's progress lines."""
import io
import json

import pytest

from executable_lesson.build import progress
from executable_lesson.build.claims_report import closest_first, flagged, report_nodes
from executable_lesson.kernel import claims
from executable_lesson.kernel.claims import (
    ClaimError,
    claim,
    claim_above,
    claim_below,
    claim_between,
    claim_slower,
)


@pytest.fixture
def sent(monkeypatch):
    """The claims a page's kernel hands to the build, as the build gathers them for "a-page"."""
    handed = []
    monkeypatch.setattr(claims, "send", lambda kind, claim: handed.append({"page": "a-page", **claim}))
    return handed


def spread(median, low, high):
    return {"median": median, "min": low, "max": high, "runs": 7}


def test_each_kind_knows_its_value_threshold_and_ratio():
    assert claim_above(3.0, 1.5, "a floor")["ratio"] == pytest.approx(2.0)
    assert claim_below(0.5, 2.0, "a ceiling")["ratio"] == pytest.approx(4.0)
    assert claim_below(0.0, 2.0, "nothing at all")["ratio"] is None  # unbounded
    between = claim_between(2.2, 2.0, 4.0, "a range")
    assert between["ratio"] == pytest.approx(1.1) and between["threshold"] == [2.0, 4.0]
    assert claim(True, "a fact")["ratio"] is None


def test_an_order_holds_only_beyond_the_spread():
    slow, fast = spread(2.0, 1.6, 2.6), spread(1.0, 0.9, 1.5)
    entry = claim_slower(slow, fast, "slow is slower")
    assert (entry["value"], entry["threshold"]) == (1.6, 1.5)
    assert entry["ratio"] == pytest.approx(1.6 / 1.5)
    # Medians twice apart, but one slow run of the faster overlaps: not called ordered.
    with pytest.raises(ClaimError, match="ratio 0.941"):
        claim_slower(slow, spread(1.0, 0.9, 1.7), "slow is slower")
    # ... unless the page states a factor between the medians, which holds.
    assert claim_slower(slow, spread(1.0, 0.9, 1.7), "twice", by=1.5)["ratio"] == \
        pytest.approx(2.0 / 1.5)


def test_a_failure_names_the_claim_its_figures_and_its_margin():
    with pytest.raises(ClaimError) as failure:
        claim_below(1.3, 1.25, "py-spy costs little", times={"plain": 1.0})
    message = str(failure.value)
    assert "claims that py-spy costs little" in message and "'plain': 1.0" in message
    assert "value 1.3 against 1.25: ratio 0.962" in message


def test_a_ratio_needs_a_positive_threshold_and_a_bad_value_just_fails():
    with pytest.raises(ValueError, match="positive"):
        claim_above(1.0, -1.0, "a negative floor")
    with pytest.raises(ClaimError, match="ratio 0.000"):
        claim_above(-1.0, 1.0, "a negative value")


def test_every_claim_is_handed_to_the_build_failed_ones_too(sent):
    claim_above(2.0, 1.0, "first")
    with pytest.raises(ClaimError, match="The lesson claims that second"):
        claim_above(1.0, 2.0, "second")
    assert [(c["statement"], c["held"]) for c in sent] == [("first", True), ("second", False)]


def test_the_report_lists_failed_then_closest_then_exact(sent):
    claim(True, "a fact")
    with pytest.raises(ClaimError):
        claim(False, "a broken fact")
    claim_above(5.0, 1.0, "far")
    claim_above(1.05, 1.0, "close")
    with pytest.raises(ClaimError):
        claim_above(0.9, 1.0, "broken")
    listed = closest_first(sent)
    assert [c["statement"] for c in listed] == ["broken", "a broken fact", "close", "far", "a fact"]
    assert [flagged(c, 1.1) for c in listed] == [True, False, True, False, False]
    summary, table, _, facts = report_nodes(listed, 1.1)
    assert "5 claims were checked: 3 compare measurements" in summary.astext()
    assert "2 failed, and 1 held by a ratio below 1.1" in summary.astext()
    assert facts.astext().index("FAILED: a-page: a broken fact") < facts.astext().index("held: a-page")
    rows = [row.astext() for row in table.findall(lambda node: node.tagname == "row")]
    assert len(rows) == 4 and "FAILED" in rows[1] and "flagged" in rows[2]
    assert "held: a-page: a fact" in facts.astext()


def test_each_command_gets_a_line_when_it_ends_and_a_hang_gets_noticed(tmp_path, monkeypatch):
    log, out = tmp_path / "progress.jsonl", io.StringIO()
    tail = progress.Tail(log, out)
    events = [{"event": "start", "page": "p", "command": "python slow.py"},
              {"event": "end", "page": "p", "command": "python slow.py", "returncode": 0,
               "seconds": 12.34},
              {"event": "start", "page": "p", "command": "python hangs.py"}]
    log.write_text("".join(json.dumps(event) + "\n" for event in events))
    monkeypatch.setattr(progress, "STILL_RUNNING", 0)
    tail.start()
    tail.done.wait(0.6)
    tail.done.set()
    tail.join()
    lines = out.getvalue().splitlines()
    assert lines[0] == "     12.3 s  p: python slow.py"
    assert any(line.startswith("  still running after") and line.endswith("p: python hangs.py")
               for line in lines[1:])


def test_the_progress_log_is_read_whole_lines_at_a_time(tmp_path):
    from executable_lesson.support import progress_log
    log = tmp_path / "progress.jsonl"
    assert progress_log.read(log) == ([], 0)  # no log yet: nothing, from the start
    end = {"event": "end", "page": "p", "command": "x", "returncode": 0, "seconds": 1.0}
    log.write_text('not an event\n{"event": "start", "page": "p", "command": "x"}\n'
                   + json.dumps(end) + '\n{"event": "start", "pa')  # the last one half written
    events, offset = progress_log.read(log)
    assert [event["event"] for event in events] == ["start", "end"]
    assert offset == len(log.read_bytes()) - len('{"event": "start", "pa')
    with open(log, "a") as stream:
        stream.write('ge": "p", "command": "y"}\n')
    assert progress_log.read(log, offset) == ([{"event": "start", "page": "p", "command": "y"}],
                                              len(log.read_bytes()))
