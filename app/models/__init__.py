"""SQLAlchemy mappings, one module per aggregate. Importing this package registers them all."""

from app.models.activities import (
    Activity,
    ActivityLanguage,
    ActivityType,
    Place,
    RosterEntry,
    ScheduleRule,
    SchoolHoliday,
    Session,
    TeamMember,
)
from app.models.attendance import (
    Enrolment,
    Headcount,
    ParticipantAttendance,
    VolunteerAttendance,
    VolunteerHours,
)
from app.models.base import Base, Record, Tombstone
from app.models.centre import Centre, Staff
from app.models.certificates import (
    AuditEntry,
    Certificate,
    CertificateEvent,
    Course,
    CourseAttendance,
    OnboardingStep,
)
from app.models.pairings import (
    FollowUp,
    Household,
    HouseholdMember,
    Pairing,
    PairingMeeting,
    PairingOutcome,
    PairingVolunteer,
    Programme,
)
from app.models.participants import Consent, Participant
from app.models.people import (
    Person,
    PersonLanguage,
    PersonTag,
    Tag,
    Volunteer,
    VolunteerStatusChange,
)

__all__ = [
    "FollowUp",
    "Household",
    "HouseholdMember",
    "Pairing",
    "PairingMeeting",
    "PairingOutcome",
    "PairingVolunteer",
    "Programme",
    "AuditEntry",
    "Certificate",
    "CertificateEvent",
    "Course",
    "CourseAttendance",
    "OnboardingStep",
    "Activity",
    "ActivityLanguage",
    "ActivityType",
    "Consent",
    "Enrolment",
    "Headcount",
    "Participant",
    "ParticipantAttendance",
    "Place",
    "RosterEntry",
    "ScheduleRule",
    "SchoolHoliday",
    "Session",
    "TeamMember",
    "VolunteerAttendance",
    "VolunteerHours",
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
