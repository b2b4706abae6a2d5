"""Reading documents and extracting their facts into a :class:`db.Store`.

The front ends call :func:`import_paths`; nothing here prints or imports a UI.
"""

from factscope.importers.inputs import collect_files
from factscope.importers.pipeline import import_paths
from factscope.importers.readers import ReadError
from factscope.importers.registry import read_path
from factscope.importers.report import ImportFailure, ImportProgress, ImportReport

__all__ = [
    "ImportFailure",
    "ImportProgress",
    "ImportReport",
    "ReadError",
    "collect_files",
    "import_paths",
    "read_path",
]
