"""Where the book's source lives, so that its repository, issue and edit buttons point there.

The hosting platforms say it in their build environments; a maintainer can say it with
LESSON_REPOSITORY; a clone knows its own `origin`. Only when none of these is known does the
book fall back to the project's home address (`lesson_home`).
"""
import os
import re
import subprocess


def from_remote(remote):
    """https://github.com/owner/name for a GitHub remote written in any of git's forms."""
    match = re.fullmatch(r"(?:https://|ssh://git@|git@)github\.com[:/]([\w.-]+)/([\w.-]+?)(?:\.git)?/?",
                         remote.strip())
    return f"https://github.com/{match[1]}/{match[2]}" if match else None


def git_origin(folder):
    try:
        result = subprocess.run(["git", "-C", str(folder), "remote", "get-url", "origin"],
                                capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return None
    return from_remote(result.stdout) if result.returncode == 0 else None


def repository_url(folder, home="", environ=os.environ):
    if environ.get("LESSON_REPOSITORY"):
        return environ["LESSON_REPOSITORY"].rstrip("/")
    if environ.get("GITHUB_REPOSITORY"):  # GitHub Actions
        return f"{environ.get('GITHUB_SERVER_URL', 'https://github.com')}/{environ['GITHUB_REPOSITORY']}"
    if environ.get("READTHEDOCS_GIT_CLONE_URL"):  # Read the Docs
        found = from_remote(environ["READTHEDOCS_GIT_CLONE_URL"])
        if found:
            return found
    return git_origin(folder) or home
