"""The book's buttons point at the repository the build came from."""
import subprocess

import pytest

from executable_lesson.build.repository import from_remote, repository_url

HOME = "https://example.org/lesson"


@pytest.mark.parametrize("remote", ["https://github.com/someone/fork-of-lesson.git",
                                    "git@github.com:someone/fork-of-lesson.git",
                                    "ssh://git@github.com/someone/fork-of-lesson",
                                    "https://github.com/someone/fork-of-lesson/\n"])
def test_github_remotes_in_every_form(remote):
    assert from_remote(remote) == "https://github.com/someone/fork-of-lesson"


def test_other_remotes_are_not_guessed():
    assert from_remote("/work/main") is None
    assert from_remote("https://gitlab.com/someone/lesson.git") is None


def test_the_hosting_platform_says_where_the_source_is(tmp_path):
    actions = {"GITHUB_SERVER_URL": "https://github.com", "GITHUB_REPOSITORY": "someone/lesson"}
    assert repository_url(tmp_path, HOME, actions) == "https://github.com/someone/lesson"
    rtd = {"READTHEDOCS_GIT_CLONE_URL": "https://github.com/someone/lesson.git"}
    assert repository_url(tmp_path, HOME, rtd) == "https://github.com/someone/lesson"
    assert repository_url(tmp_path, HOME, dict(actions, LESSON_REPOSITORY="https://x.org/y/")) == \
        "https://x.org/y"


def test_a_clone_points_at_its_origin(tmp_path):
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    assert repository_url(tmp_path, HOME, {}) == HOME  # no origin yet
    subprocess.run(["git", "-C", str(tmp_path), "remote", "add", "origin",
                    "git@github.com:someone/lesson.git"], check=True)
    assert repository_url(tmp_path, HOME, {}) == "https://github.com/someone/lesson"
