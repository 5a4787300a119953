"""Files the pages publish beside the HTML (book_extension starts the folder empty; Sphinx
copies it into the site as conf.py's html_extra_path)."""
import json
import os
import shutil
from pathlib import Path


def publish(data, name):
    """Write data as JSON into the site, where a page can link it as `name`."""
    path = _published(name)
    path.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    return path


def publish_file(source, name):
    """Copy a file a command wrote into the site, where a page can link it as `name`."""
    return shutil.copy2(source, _published(name))


def _published(name):
    folder = os.environ.get("LESSON_PUBLISH_DIR")
    if not folder:
        raise RuntimeError("LESSON_PUBLISH_DIR is not set: build the book with sphinx (make html)")
    return Path(folder) / name


def download(name, folder):
    """Copy a file another page published into `folder`, as a learner downloads it from the site.
    Pages run in name order, so the publishing page (the episode) has already run."""
    source = _published(name)
    if not source.is_file():
        raise RuntimeError(f"{name} is not published yet: the page that publishes it must run "
                           "first (pages run in name order)")
    return shutil.copy2(source, Path(folder) / name)
