"""The learner's venv the build makes is known by what it was made from, not where: a copy of the
book on the same Python shares it, and anything else it depends on makes it again."""
import os
import sys

from executable_lesson.support.learner_venv import learner_venv_stamp
from finding_bottlenecks.pythons import find_pythons
from finding_bottlenecks.settings import LESSON_CODE
from tests.support.old_pythons import fake_python

REQUIREMENTS = LESSON_CODE / "requirements.txt"


def test_the_stamp_is_the_interpreters_not_the_link_to_it_nor_the_books_folder(tmp_path):
    stamp = learner_venv_stamp(sys.executable, REQUIREMENTS)
    assert stamp == learner_venv_stamp(os.path.realpath(sys.executable), REQUIREMENTS)
    copied = tmp_path / "requirements.txt"
    copied.write_text(REQUIREMENTS.read_text(encoding="utf-8"), encoding="utf-8")
    assert learner_venv_stamp(sys.executable, copied) == stamp
    assert str(tmp_path) not in learner_venv_stamp(sys.executable, copied)


def test_other_requirements_or_another_python_make_another_venv(tmp_path):
    stamp = learner_venv_stamp(sys.executable, REQUIREMENTS)
    edited = tmp_path / "requirements.txt"
    edited.write_text(REQUIREMENTS.read_text(encoding="utf-8") + "rich==14.0.0\n", encoding="utf-8")
    assert learner_venv_stamp(sys.executable, edited) != stamp
    others = [python.path for python in find_pythons()
              if os.path.realpath(python.path) != os.path.realpath(sys.executable)]
    others.append(fake_python(tmp_path / "bin", (3, 9, 1)))  # one there on every machine
    for other in others:
        assert learner_venv_stamp(other, REQUIREMENTS) != stamp
