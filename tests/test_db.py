"""Opening databases: pragmas, refusals that change nothing, backup before upgrade, check."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text

from app.db import Database
from app.errors import DatabaseProblem
from app.migrations import HEAD_REVISION
from app.services.check import check_database


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_pragmas_on_every_connection(db: Database) -> None:
    with db.read() as session:
        assert session.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert session.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert session.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
        assert session.execute(text("PRAGMA busy_timeout")).scalar() >= 1000


def test_missing_file_is_refused_without_create(tmp_path: Path) -> None:
    with pytest.raises(DatabaseProblem, match="finnes ikke"):
        Database.open(tmp_path / "nope.sqlite")
    assert not (tmp_path / "nope.sqlite").exists()


def test_foreign_files_are_refused_and_unchanged(tmp_path: Path) -> None:
    text_file = tmp_path / "notes.sqlite"
    text_file.write_text("hei, dette er ikke en database")
    other = tmp_path / "other.sqlite"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    for path in (text_file, other):
        before = digest(path)
        with pytest.raises(DatabaseProblem, match="ikke en Dugnad-database"):
            Database.open(path, create=True)
        assert digest(path) == before


def test_newer_database_is_refused(db_path: Path) -> None:
    Database.open(db_path, create=True).close()
    conn = sqlite3.connect(db_path)
    conn.execute("UPDATE alembic_version SET version_num='9999'")
    conn.commit()
    conn.close()
    before = digest(db_path)
    with pytest.raises(DatabaseProblem, match="nyere versjon"):
        Database.open(db_path)
    assert digest(db_path) == before


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write to read-only files")
def test_read_only_database_is_refused(db_path: Path) -> None:
    Database.open(db_path, create=True).close()
    db_path.chmod(0o444)
    with pytest.raises(DatabaseProblem, match="skrivebeskyttet"):
        Database.open(db_path)


def test_read_only_check_uses_access(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """As root the file mode is not enforced, so simulate what os.access reports for a user."""
    Database.open(db_path, create=True).close()
    real_access = os.access
    monkeypatch.setattr(
        os, "access", lambda p, mode: False if mode == os.W_OK else real_access(p, mode)
    )
    with pytest.raises(DatabaseProblem, match="skrivebeskyttet"):
        Database.open(db_path)


def test_older_database_is_backed_up_then_upgraded(tmp_path: Path) -> None:
    path = tmp_path / "dugnad.sqlite"
    shutil.copy(Path(__file__).parent / "fixtures" / "schema-0001.sqlite", path)
    Database.open(path).close()
    backups = list(tmp_path.glob("dugnad.before-upgrade-0001-*.sqlite"))
    assert len(backups) == 1
    check = sqlite3.connect(backups[0])
    assert check.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert check.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0001"
    check.close()
    upgraded = sqlite3.connect(path)
    assert upgraded.execute("SELECT version_num FROM alembic_version").fetchone()[0] == (
        HEAD_REVISION
    )
    upgraded.close()


def test_check_reports_broken_foreign_keys(db: Database) -> None:
    assert check_database(db).ok
    raw = sqlite3.connect(db.path)
    raw.execute("PRAGMA foreign_keys=OFF")
    raw.execute(
        "INSERT INTO volunteers (uuid, person_id, status, availability, created_at, updated_at)"
        " VALUES ('x', 999, 'active', '', '2026-01-01', '2026-01-01')"
    )
    raw.commit()
    raw.close()
    result = check_database(db)
    assert not result.ok
    assert any("volunteers" in p for p in result.problems)


def test_write_rolls_back_on_error(db: Database) -> None:
    from app.models import Staff

    with pytest.raises(RuntimeError):
        with db.write() as session:
            session.add(Staff(name="Halvveis"))
            session.flush()
            raise RuntimeError("boom")
    with db.read() as session:
        assert session.execute(text("SELECT count(*) FROM staff")).scalar() == 0
