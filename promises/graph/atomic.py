"""Write a file so that readers see the old content or the new, never half of it.

Exports can be large and a user may point `-o` at a file another tool is reading; writing to a
temporary sibling and `os.replace`-ing it is atomic on POSIX and Windows for the same volume.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from promises.graph.errors import ExportError


def write_atomically(path: Path, write: Callable[[Path], None]) -> Path:
    """Call `write(tmp)` on a temporary file next to `path`, then move it into place.

    Raises:
        ExportError: the directory does not exist or cannot be written.
    """
    path = Path(path)
    directory = path.parent if str(path.parent) else Path(".")
    if not directory.is_dir():
        raise ExportError(path, f"directory {directory} does not exist")
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    except OSError as err:
        raise ExportError(path, f"cannot write in {directory}: {err.strerror}") from err
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        write(tmp)
        with open(tmp, "rb") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except OSError as err:
        tmp.unlink(missing_ok=True)
        raise ExportError(path, f"cannot write: {err.strerror}") from err
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return path
