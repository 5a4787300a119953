"""The notebook kernels' profile during a build (book_extension/progress.py sets IPYTHONDIR).

Each kernel warns that its connection to the build, on this machine only, is not encrypted:
true, and no problem for a build, so that one message is dropped. Every other message stays.

`%prun` and line_profiler's `%lprun` hand their report to IPython's pager. JupyterLab shows a
pager's text under the cell; a build's kernel would drop it, so the kernel prints it instead,
and the page shows what a learner in JupyterLab sees."""
import logging


class _LocalTransportNotice(logging.Filter):
    def filter(self, record):
        return "running over TCP without encryption" not in record.getMessage()


logging.getLogger("IPKernelApp").addFilter(_LocalTransportNotice())

c = get_config()  # noqa: F821 (IPython's config files get it from their loader)
c.InteractiveShellApp.exec_lines = [
    "get_ipython().set_hook('show_in_pager', lambda shell, data, start=0, screen_lines=0: "
    "print(data['text/plain'] if isinstance(data, dict) else data), priority=10)",
]
