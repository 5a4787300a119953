"""The notebook kernels' profile during a build (book_extension/progress.py sets IPYTHONDIR).

Each kernel warns that its connection to the build, on this machine only, is not encrypted:
true, and no problem for a build, so that one message is dropped. Every other message stays."""
import logging


class _LocalTransportNotice(logging.Filter):
    def filter(self, record):
        return "running over TCP without encryption" not in record.getMessage()


logging.getLogger("IPKernelApp").addFilter(_LocalTransportNotice())
