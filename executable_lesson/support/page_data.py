"""How a page's data travels inside its executed notebook: the kernel sends it
(kernel/send.py), the Sphinx extension gathers it (build/page_data.py)."""
GLUE_PREFIX = "application/papermill.record/"  # MyST-NB renders no output under its glue prefix
MIME = "application/vnd.page-data+json"
KEY_PREFIX = "page-data-"  # the glue key of each output: page-data-1, page-data-2, ...
