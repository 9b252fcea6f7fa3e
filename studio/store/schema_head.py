"""The schema revision this version of Studio Desk writes (Alembic's head), as a constant.

The command line's read-only fast path (:mod:`studio.store.quick_read`) compares a SQLite file's
``alembic_version`` with it instead of importing Alembic; ``tests/store/test_quick_read.py``
checks it equals Alembic's head, so a new migration cannot leave it behind.
"""

HEAD = "0020"
