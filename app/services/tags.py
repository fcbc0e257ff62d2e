"""The shared vocabulary of skills and interests: one word, one tag, whoever uses it."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db import Database
from app.models import Tag
from app.services.text import fold, sort_key


def clean_tag(name: str) -> str:
    """Tags are stored trimmed, with single spaces and a lowercase first letter ("fotball")."""
    words = " ".join(name.split())
    return words[:1].lower() + words[1:] if words else ""


def get_or_create_tags(session: Session, names: list[str]) -> list[Tag]:
    """The Tag rows for `names`, creating the missing ones; duplicates and blanks dropped."""
    wanted: dict[str, str] = {}
    for raw in names:
        name = clean_tag(raw)
        if name and fold(name) not in wanted:
            wanted[fold(name)] = name
    if not wanted:
        return []
    existing = {
        t.name_folded: t for t in session.scalars(select(Tag).where(Tag.name_folded.in_(wanted)))
    }
    tags = []
    for folded, name in wanted.items():
        tag = existing.get(folded)
        if tag is None:
            tag = Tag(name=name, name_folded=folded)
            session.add(tag)
            existing[folded] = tag
        tags.append(tag)
    return tags


def tag_names(db: Database) -> list[str]:
    """Every tag in the vocabulary, sorted, for completers and pickers."""
    with db.read() as session:
        names = session.scalars(select(Tag.name)).all()
    return sorted(names, key=sort_key)
