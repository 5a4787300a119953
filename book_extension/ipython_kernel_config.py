"""The notebook kernels' profile during a build (book_extension/progress.py sets IPYTHONDIR).

Each kernel warns that its connection to the build, on this machine only, is not encrypted:
true, and no problem for a build, so that one message is dropped. Every other message stays.
Then each kernel runs book_extension/kernel_startup.py's install."""
import logging


class _LocalTransportNotice(logging.Filter):
    def filter(self, record):
        return "running over TCP without encryption" not in record.getMessage()


logging.getLogger("IPKernelApp").addFilter(_LocalTransportNotice())

c = get_config()  # noqa: F821 (IPython's config files get it from their loader)
# One start-up line: add what kernels must do at start in kernel_startup.install, not here.
c.InteractiveShellApp.exec_lines = [
    "from book_extension.kernel_startup import install; install(get_ipython())",
]

# The magics a cell runs are timed into the build's progress log, and the pager names the
# scratch folder's files as a learner's own folder would (book_extension/kernel_hooks.py).
c.InteractiveShellApp.exec_lines.append(
    "__import__('book_extension.kernel_hooks').kernel_hooks.install(get_ipython())")
