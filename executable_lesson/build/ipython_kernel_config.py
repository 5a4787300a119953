"""The notebook kernels' profile during a build (progress.py sets IPYTHONDIR).

Each kernel warns that its connection to the build, on this machine only, is not encrypted:
true, and no problem for a build, so that one message is dropped. Every other message stays.
Then each kernel runs kernel/hooks.py's install."""
import logging


class _LocalTransportNotice(logging.Filter):
    def filter(self, record):
        return "running over TCP without encryption" not in record.getMessage()


logging.getLogger("IPKernelApp").addFilter(_LocalTransportNotice())

c = get_config()  # noqa: F821 (IPython's config files get it from their loader)
# One start-up line: what kernels do beside running cells lives in hooks.install.
c.InteractiveShellApp.exec_lines = [
    "from executable_lesson.kernel.hooks import install; install(get_ipython())",
]
