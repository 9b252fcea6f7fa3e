"""StoreJobs: jobs in order one at a time; refusals said as they are, failures with their name."""

import time

from studio.services.store_jobs import StoreJobs
from studio.services.tasks import BackgroundTasks
from tests.helpers.waiting import until


class Refused(Exception):
    """Stands for a store refusal meant for a person (like UnitProblem)."""


class Invalid(Exception):
    """Stands for a file refused as a whole (like UnitTableInvalid)."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


def make(tasks: BackgroundTasks, problems: list[str]) -> StoreJobs:
    return StoreJobs(tasks, topic="test", refusals=(Refused,), problem=problems.append)


def test_jobs_run_one_at_a_time_in_the_order_asked(event_loop_qt):
    tasks, problems, done = BackgroundTasks(), [], []
    jobs = make(tasks, problems)
    running: list[str] = []

    def slow() -> str:
        running.append("slow")
        time.sleep(0.05)  # the second job would overtake it without the lock
        running.remove("slow")
        return "slow"

    def quick() -> str:
        assert running == []
        return "quick"

    jobs.run("slow", slow, done.append)
    jobs.run("quick", quick, done.append)
    event_loop_qt.run_until_complete(until(lambda: len(done) == 2 and not tasks.running))
    assert done == ["slow", "quick"]
    assert problems == []


def test_a_refusal_is_shown_as_it_is_and_a_failure_with_the_jobs_name(event_loop_qt, caplog):
    tasks, problems, done = BackgroundTasks(), [], []
    jobs = make(tasks, problems)

    def refuse() -> None:
        raise Refused("that unit is in use")

    def fail() -> None:
        raise OSError("disk full")

    jobs.run("retire", refuse, done.append)
    jobs.run("export", fail, done.append)
    jobs.run("load", lambda: "after", done.append)
    event_loop_qt.run_until_complete(until(lambda: done and not tasks.running))
    assert problems == ["that unit is in use", "export: disk full"]
    assert done == ["after"]  # the queue goes on after a failure
    assert "export failed" in caplog.text


def test_an_invalid_file_is_an_answer_not_a_failure(event_loop_qt):
    tasks, problems, refused, done = BackgroundTasks(), [], [], []
    jobs = make(tasks, problems)

    def bad_file() -> None:
        raise Invalid(["line 2: name: empty"])

    jobs.run_checked("import", bad_file, Invalid, lambda e: refused.append(e.problems), done.append)
    jobs.run_checked("import", lambda: 3, Invalid, refused.append, done.append)
    event_loop_qt.run_until_complete(until(lambda: done and not tasks.running))
    assert refused == [["line 2: name: empty"]]
    assert done == [3]
    assert problems == []
