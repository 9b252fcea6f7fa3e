"""The tests' own layout: fixtures live in a conftest.py, helpers in tests/helpers, and no test
module imports another (pytest would collect shared fixtures twice and ruff needs noqa for them)."""

import ast
import re
from pathlib import Path

TESTS = Path(__file__).parent

# A test module, or a conftest below the top one: neither is a place to import names from.
# tests/conftest.py's DEMO_DAY is a constant of the demo studio that many modules share.
_NOT_A_SOURCE = re.compile(r"^tests(\.\w+)*\.(test_\w+|conftest)$")
_SHARED = {"tests.conftest"}


def misplaced_imports(source: str) -> list[str]:
    """The modules ``source`` imports from that are test modules or a seat's conftest."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            modules = [node.module]
        elif isinstance(node, ast.Import):
            modules = [alias.name for alias in node.names]
        else:
            continue
        found += [m for m in modules if _NOT_A_SOURCE.match(m) and m not in _SHARED]
    return found


def test_the_check_finds_imports_from_test_modules_and_seat_conftests():
    assert misplaced_imports("from tests.ui.desk.test_desk_keys import desk") == [
        "tests.ui.desk.test_desk_keys"
    ]
    assert misplaced_imports("import tests.store.test_moderation") == ["tests.store.test_moderation"]
    assert misplaced_imports("def f():\n    from tests.ui.conftest import until\n") == [
        "tests.ui.conftest"
    ]
    assert misplaced_imports("from tests.helpers.waiting import until") == []
    assert misplaced_imports("from tests.conftest import DEMO_DAY") == []


def test_no_test_module_imports_another_or_a_seat_s_conftest():
    offenders = {
        str(path.relative_to(TESTS)): found
        for path in sorted(TESTS.rglob("*.py"))
        if (found := misplaced_imports(path.read_text(encoding="utf-8")))
    }
    assert offenders == {}, "move shared fixtures to a conftest.py and helpers to tests/helpers"


def test_no_fixture_is_shadowed_under_a_noqa():
    shadowing = [
        f"{path.relative_to(TESTS)}:{number}"
        for path in sorted(TESTS.rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if re.search(r"#\s*noqa:.*\bF811\b", line)
    ]
    assert shadowing == []
