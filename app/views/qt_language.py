"""The UI language: our gettext catalog, Qt's own translations, and the locale for dates.

Qt ships translations of its own texts (calendar, standard dialogs) for Nynorsk and English but
not Bokmål, so Bokmål relies on our explicit button texts.
"""

from __future__ import annotations

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from app.i18n import set_language

_QT_LOCALES = {
    "nb": QLocale(QLocale.Language.NorwegianBokmal, QLocale.Country.Norway),
    "nn": QLocale(QLocale.Language.NorwegianNynorsk, QLocale.Country.Norway),
    "en": QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom),
}


def apply_language(app: QApplication, language: str) -> list[QTranslator]:
    """Switch gettext, Qt's translations and the default QLocale to `language`.

    Returns the installed translators so a caller can remove them again.
    """
    set_language(language)
    QLocale.setDefault(_QT_LOCALES[language])
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    installed = []
    if language != "nb":
        for catalog in ("qtbase", "qt"):
            translator = QTranslator(app)
            if translator.load(f"{catalog}_{language}", folder):
                app.installTranslator(translator)
                installed.append(translator)
                break
    return installed
