"""SQLAlchemy mappings, one module per aggregate. Importing this package registers them all."""

from app.models.base import Base, Record, Tombstone
from app.models.centre import Centre, Staff
from app.models.people import (
    Person,
    PersonLanguage,
    PersonTag,
    Tag,
    Volunteer,
    VolunteerStatusChange,
)

__all__ = [
    "Base",
    "Centre",
    "Person",
    "PersonLanguage",
    "PersonTag",
    "Record",
    "Staff",
    "Tag",
    "Tombstone",
    "Volunteer",
    "VolunteerStatusChange",
]
