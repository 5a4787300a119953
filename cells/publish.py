"""Files the pages publish beside the HTML (conf.py copies the folder into the site)."""
import json
import os
from pathlib import Path


def publish(data, name):
    """Write data as JSON into the site, where a page can link it as `name`."""
    folder = os.environ.get("LESSON_PUBLISH_DIR")
    if not folder:
        raise RuntimeError("LESSON_PUBLISH_DIR is not set: build the book with sphinx (conf.py)")
    path = Path(folder) / name
    path.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    return path
