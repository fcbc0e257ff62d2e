"""Opening the database a command names with `--db` (or the default one)."""

from __future__ import annotations

import argparse

from app.db import Database
from app.paths import default_database_path


def open_database(args: argparse.Namespace, *, create: bool = False) -> Database:
    """Open the command's database. Only `init`, `demo`, `import`, `restore` and the GUI create."""
    return Database.open(args.db or default_database_path(), create=create)
