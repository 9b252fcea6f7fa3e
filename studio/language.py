"""The interface language: which one (``--lang``, else the system's) and Qt's catalogues for it,
shared by the app and the command line."""

from __future__ import annotations

import logging
import os

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from studio.options import LANGUAGES
from studio.paths import resources_dir

log = logging.getLogger(__name__)
TRANSLATIONS = resources_dir() / "translations"


def choose_language(requested: str | None, system: QLocale | None = None) -> str:
    """``--lang`` if given, else ``$STUDIO_LANG``; else Chinese, unless the system is set to
    another language.

    The studio is Chinese-first: an unconfigured system (the C locale) gets Chinese too.
    """
    requested = requested or _studio_lang()
    if requested:
        return requested
    system = system or QLocale.system()
    if system.language() in (QLocale.Language.Chinese, QLocale.Language.C):
        return "zh_CN"
    return "en"


def language_from_environment(requested: str | None = None) -> str:
    """``--lang`` if given, else ``$STUDIO_LANG``; else the language the environment asks
    messages in (``LANGUAGE``, ``LC_ALL``, ``LC_MESSAGES``, ``LANG``, as gettext reads them), by
    the app's rule: Chinese, unless another language is set.

    The command line reads the variables itself: it starts no Qt application to ask QLocale.
    """
    requested = requested or _studio_lang()
    if requested:
        return requested
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name, "").split(":")[0].strip()
        if value:
            if value in ("C", "POSIX") or value.startswith(("C.", "zh")):
                return "zh_CN"
            return "en"
    return "zh_CN"


def _studio_lang() -> str | None:
    """``$STUDIO_LANG`` when it names a language we have (else it is ignored)."""
    value = os.environ.get("STUDIO_LANG", "")
    return value if value in LANGUAGES else None


def install_catalogues(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Load our catalogue and Qt's own (standard buttons, file dialogs) into ``app``; the
    translators are returned to be kept alive. English needs none."""
    translators: list[QTranslator] = []
    if language == "en":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        return translators
    QLocale.setDefault(QLocale(language))
    ours = QTranslator(app)
    if ours.load(str(TRANSLATIONS / f"studio_{language}.qm")):
        app.installTranslator(ours)
        translators.append(ours)
    else:
        log.warning("translation %s not found in %s", language, TRANSLATIONS)
    qt_own = QTranslator(app)
    if qt_own.load(
        f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    ):
        # Installed last, asked first: where Qt's catalogue lacks a word, ours has it.
        app.installTranslator(qt_own)
        translators.append(qt_own)
    return translators
