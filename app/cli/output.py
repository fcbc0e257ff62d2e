"""Writing command results as a table, CSV or JSON, to standard output or a file.

One list of records and one list of columns serve all three formats, so they never disagree.
JSON and CSV carry the stable values (codes, ISO dates, E.164 phones); the table shows what a
person reads (Norwegian words, `21.11.2026`, `+47 912 34 567`).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import sys
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.errors import DugnadError
from app.i18n import _


@dataclass(frozen=True)
class Column:
    """A field of the output: its JSON key, its table heading and how a person reads it."""

    key: str
    heading: str
    show: Callable[[Any], str] = str


def json_value(value: Any) -> Any:
    if isinstance(value, dt.date | dt.time):
        return value.isoformat() if not isinstance(value, dt.time) else value.strftime("%H:%M")
    if isinstance(value, tuple):
        return [json_value(v) for v in value]
    if isinstance(value, list):
        return [json_value(v) for v in value]
    if isinstance(value, dict):
        return {k: json_value(v) for k, v in value.items()}
    return value


def _csv_value(value: Any) -> str:
    value = json_value(value)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return f"{value}".replace(".", ",")
    if isinstance(value, list):
        return ",".join(str(v) for v in value)
    return str(value)


def render_json(records: Sequence[dict[str, Any]]) -> str:
    return json.dumps([json_value(r) for r in records], ensure_ascii=False, indent=2) + "\n"


def render_csv(records: Sequence[dict[str, Any]], columns: Sequence[Column]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow([c.key for c in columns])
    for record in records:
        writer.writerow([_csv_value(record.get(c.key)) for c in columns])
    return "\ufeff" + buffer.getvalue()


def render_table(records: Sequence[dict[str, Any]], columns: Sequence[Column]) -> str:
    cells = [
        [c.show(r.get(c.key)) if r.get(c.key) is not None else "" for c in columns] for r in records
    ]
    headings = [c.heading for c in columns]
    widths = [max([len(h)] + [len(row[i]) for row in cells]) for i, h in enumerate(headings)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(headings, widths, strict=True)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    lines += [
        "  ".join(v.ljust(w) for v, w in zip(row, widths, strict=True)).rstrip() for row in cells
    ]
    return "\n".join(lines) + "\n"


def render(records: Sequence[dict[str, Any]], columns: Sequence[Column], fmt: str) -> str:
    if fmt == "json":
        return render_json(records)
    if fmt == "csv":
        return render_csv(records, columns)
    return render_table(records, columns)


def write_output(text: str | bytes, out: str) -> None:
    """Write to standard output (`-`) or replace FILE whole (never a half-written file)."""
    if out == "-":
        if isinstance(text, bytes):
            sys.stdout.buffer.write(text)
        else:
            sys.stdout.write(text)
        sys.stdout.flush()
        return
    path = Path(out)
    data = text.encode("utf-8") if isinstance(text, str) else text
    try:
        fd, tmp = tempfile.mkstemp(dir=path.parent or Path("."), prefix=".dugnad-", suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except OSError as exc:
        raise DugnadError(
            _("Kan ikke skrive til {path}: {reason}").format(path=out, reason=exc.strerror)
        ) from exc
