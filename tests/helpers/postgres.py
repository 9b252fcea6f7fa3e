"""The throwaway PostgreSQL cluster of the tests (studio/cli/throwaway_postgres.py).

Where PostgreSQL is missing the PostgreSQL tests are skipped, except under CI (``CI`` set),
where ``.ci/run`` installs it and a missing server is a failure.
"""

from __future__ import annotations

import os

import pytest

from studio.cli.throwaway_postgres import PostgresCluster, remove_cluster, start_cluster

__all__ = ["PostgresCluster", "cluster_or_skip", "remove_cluster", "start_cluster"]


def cluster_or_skip(cluster: PostgresCluster | None) -> PostgresCluster:
    if cluster is None:
        if os.environ.get("CI"):
            pytest.fail("PostgreSQL is not installed; .ci/run installs it")
        pytest.skip("no PostgreSQL on this machine (initdb/pg_ctl not found)")
    return cluster
