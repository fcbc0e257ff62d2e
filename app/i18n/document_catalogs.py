"""`python -m app.i18n.document_catalogs`: bring the `documents` catalogs in step with the source.

`make i18n` runs it after pybabel has updated the UI catalogs. It extracts every `D_("...")` from
`app/` into `documents.pot` and updates (or creates) `locale/<code>/LC_MESSAGES/documents.po` for
each document language, without fuzzy matching and without keeping obsolete texts. Written with
Babel's API rather than the `pybabel` command because `pybabel init` knows no Dari (`prs`).
"""

from __future__ import annotations

from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po, write_po

from app.i18n import LOCALE_DIR
from app.i18n.documents import BABEL_LOCALES, DOCUMENT_LANGUAGES, DOMAIN

APP_DIR = Path(__file__).resolve().parent.parent
TEMPLATE = Path(__file__).parent / f"{DOMAIN}.pot"


def extract() -> Catalog:
    template = Catalog(project="Dugnad", domain=DOMAIN)
    found = extract_from_dir(
        str(APP_DIR), method_map=[("**.py", "python")], keywords={"D_": None}, comment_tags=()
    )
    for _filename, _lineno, message, _comments, context in found:
        template.add(message, context=context)
    return template


def update() -> None:
    template = extract()
    with TEMPLATE.open("wb") as fh:
        write_po(fh, template, omit_header=False, sort_output=True, no_location=True)
    for code in DOCUMENT_LANGUAGES:
        path = LOCALE_DIR / code / "LC_MESSAGES" / f"{DOMAIN}.po"
        locale = BABEL_LOCALES.get(code, code)
        if path.exists():
            with path.open("rb") as fh:
                catalog = read_po(fh, locale=locale, domain=DOMAIN)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            catalog = Catalog(locale=locale, domain=DOMAIN, project="Dugnad")
        catalog.update(template, no_fuzzy_matching=True)
        catalog.obsolete.clear()
        with path.open("wb") as fh:
            write_po(fh, catalog, sort_output=True, no_location=True, ignore_obsolete=True)


if __name__ == "__main__":
    update()
