"""Files the pages publish beside the HTML (book_extension starts the folder empty; Sphinx
copies it into the site as conf.py's html_extra_path)."""
import json
import os
from pathlib import Path


def publish(data, name):
    """Write data as JSON into the site, where a page can link it as `name`."""
    folder = os.environ.get("LESSON_PUBLISH_DIR")
    if not folder:
        raise RuntimeError("LESSON_PUBLISH_DIR is not set: build the book with sphinx (make html)")
    path = Path(folder) / name
    path.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    return path
