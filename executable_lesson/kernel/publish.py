"""Files the pages publish beside the HTML: each leaves the kernel inside the executed notebook
(kernel/send.py), named, and the build writes it into the site (build/page_data.py).
A page links it by that name; two pages may not publish the same name."""
import json
from pathlib import Path

from executable_lesson.kernel.send import encoded, send


def publish(data, name):
    """Publish data as JSON, where a page can link it as `name`."""
    publish_bytes((json.dumps(data, indent=1) + "\n").encode("utf-8"), name)


def publish_file(source, name):
    """Publish a file a command wrote, where a page can link it as `name`."""
    publish_bytes(Path(source).read_bytes(), name)


def publish_bytes(content, name):
    send("file", name=name, base64=encoded(content))
