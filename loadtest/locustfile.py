"""The two scenarios of `make loadtest` (issue 13), run together by locust in one window.

- Viewers (LOADTEST_VIEWERS, 25): signed in, they read the dashboard, the balanced scorecard,
  the list filtered by directorate and RAG, and measure pages, a few seconds apart.
- Officers (LOADTEST_OFFICERS, 200): signed in, each opens the return form of each of their
  measures and submits it through the form (CSRF token and all), then reads My returns.

Started by run.py, which passes LOADTEST_PLAN (made by prepare.py) and asks for a summary in
LOADTEST_SUMMARY and a line per accepted submission in LOADTEST_SUBMITTED, which check.py
compares with the database. Sign-in is counted apart: it is a deliberately slow password hash.
"""

import json
import os
import random
import re
import time
from pathlib import Path

import gevent
from locust import HttpUser, between, events, task
from locust.stats import StatsEntry
from locust.util.timespan import parse_timespan
from requests.cookies import RequestsCookieJar

PLAN = json.loads(Path(os.environ["LOADTEST_PLAN"]).read_text(encoding="utf-8"))


def _wait(name: str, default: str):
    low, high = os.environ.get(name, default).split("-")
    return between(float(low), float(high))


class LoopbackJar(RequestsCookieJar):
    """Sends Secure cookies (session, CSRF) over plain HTTP to loopback, as browsers do for
    localhost: requests would otherwise keep them to itself, and every form would be refused."""

    def set_cookie(self, cookie, *args, **kwargs):
        cookie.secure = False
        return super().set_cookie(cookie, *args, **kwargs)


class SignedIn(HttpUser):
    abstract = True
    username = ""

    def on_start(self) -> None:
        self.client.cookies = LoopbackJar()
        page = self.client.get("/accounts/login/", name="sign in: form")
        token = _token(page.text)
        data = {"username": self.username, "password": PLAN["password"]}
        with self.client.post(
            "/accounts/login/",
            data={**data, "csrfmiddlewaretoken": token},
            name="sign in",
            allow_redirects=False,
            catch_response=True,
        ) as response:
            if response.status_code != 302:
                response.failure(f"{self.username} was not signed in ({response.status_code})")
        _signed_in(self)


def _token(html: str) -> str:
    found = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
    return found.group(1) if found else ""


class Viewer(SignedIn):
    fixed_count = int(os.environ.get("LOADTEST_VIEWERS", 25))
    wait_time = _wait("LOADTEST_VIEWER_WAIT", "1-3")
    users = iter(PLAN["viewers"])

    def on_start(self) -> None:
        self.username = next(Viewer.users)
        super().on_start()

    def read(self, path: str, name: str) -> None:
        self.client.get(path, name=f"viewer: {name}")
        _done(self, "viewer")

    @task(3)
    def dashboard(self) -> None:
        self.read("/dashboard/", "dashboard")

    @task(2)
    def scorecard(self) -> None:
        self.read("/scorecard/", "scorecard")

    @task(3)
    def filtered_list(self) -> None:
        directorate = random.choice(PLAN["directorates"])
        self.read(f"/items/?directorate={directorate}&status=red&status=amber", "filtered list")

    @task(4)
    def measure(self) -> None:
        self.read(f"/measures/{random.choice(PLAN['measure_codes'])}/", "measure page")


class Officer(SignedIn):
    fixed_count = int(os.environ.get("LOADTEST_OFFICERS", 200))
    wait_time = _wait("LOADTEST_OFFICER_WAIT", "60-180")
    plans = iter(PLAN["officers"])

    def on_start(self) -> None:
        plan = next(Officer.plans)
        self.username, self.returns = plan["username"], list(plan["returns"])
        super().on_start()

    @task
    def next_return(self) -> None:
        if not self.returns:
            self.client.get("/returns/", name="officer: my returns")
            _done(self, "officer")
            return
        measure, period, value = self.returns.pop(0)
        path = f"/returns/measure/{measure}/{period}/"
        form = self.client.get(path, name="officer: return form")
        fields = _form_fields(form.text)
        fields.update(actual=value, commentary="On target this quarter.", action="submit")
        with self.client.post(
            path,
            data=fields,
            name="officer: submit return",
            allow_redirects=False,
            catch_response=True,
        ) as response:
            if response.status_code == 302 and response.headers["Location"] == "/returns/":
                _record(self.username, measure, period, value)
            else:
                response.failure(f"{path} not submitted ({response.status_code})")


SIGNED_IN: set[str] = set()
SIGN_IN: dict = {}  # the sign-in phase's figures, kept when the window's are started afresh


def _signed_in(user: SignedIn) -> None:
    """Once everyone has signed in, start the measured window afresh and end it LOADTEST_TIME
    later: 225 password hashes at once are the sign-in figures, not the pages' (issue 13
    measures signed-in viewers and officers)."""
    SIGNED_IN.add(user.username)
    if len(SIGNED_IN) < len(PLAN["viewers"]) + len(PLAN["officers"]):
        return
    environment = user.environment
    SIGN_IN.update(_scenario(environment.stats, "sign in"), failures=_failures(environment))
    environment.stats.reset_all()
    seconds = parse_timespan(os.environ.get("LOADTEST_TIME", "2m"))
    gevent.spawn_later(seconds, environment.runner.quit)


FINISHED = {"viewer": set(), "officer": set()}


def _done(user: SignedIn, role: str) -> None:
    """With LOADTEST_STOP_WHEN_DONE=1 (the test of this machinery), stop once every officer has
    submitted all their returns and every viewer has read a page, not at a time."""
    FINISHED[role].add(user.username)
    everyone = len(PLAN["viewers"]) + len(PLAN["officers"])
    finished = sum(len(names) for names in FINISHED.values()) == everyone
    if finished and os.environ.get("LOADTEST_STOP_WHEN_DONE") == "1":
        gevent.spawn(user.environment.runner.quit)  # not from within a user being stopped


def _form_fields(html: str) -> dict[str, str]:
    """The hidden fields of the return form (its CSRF token and the version it was read at)."""
    fields = {}
    for tag in re.findall(r"<input[^>]*type=\"hidden\"[^>]*>", html):
        name, value = re.search(r'name="([^"]+)"', tag), re.search(r'value="([^"]*)"', tag)
        if name:
            fields[name.group(1)] = value.group(1) if value else ""
    return fields


def _record(username: str, measure: int, period: int, value: str) -> None:
    line = {"username": username, "measure": measure, "period": period, "value": value}
    with open(os.environ["LOADTEST_SUBMITTED"], "a", encoding="utf-8") as handle:
        handle.write(json.dumps(line) + "\n")


def _scenario(stats, prefix: str) -> dict:
    """One scenario's figures: every request whose name starts with `prefix`, together."""
    total = StatsEntry(stats, prefix, "", use_response_times_cache=False)
    for entry in stats.entries.values():
        if entry.name.startswith(prefix):
            total.extend(entry)
    figures = {"requests": total.num_requests, "errors": total.num_failures}
    for name, share in (("p50", 0.5), ("p95", 0.95), ("p99", 0.99)):
        figures[name] = total.get_response_time_percentile(share) if total.num_requests else 0
    figures["per_second"] = round(total.num_requests / max(1.0, _elapsed(stats)), 1)
    return figures


def _elapsed(stats) -> float:
    return time.time() - stats.total.start_time


def _failures(environment) -> list[str]:
    errors = environment.stats.errors.values()
    return [f"{e.method} {e.name}: {e.error} ({e.occurrences}x)" for e in errors][:20]


@events.quitting.add_listener
def _summary(environment, **kwargs) -> None:
    stats = environment.stats
    summary = {name: _scenario(stats, name) for name in ("viewer", "officer")}
    summary["sign in"] = SIGN_IN or _scenario(stats, "sign in")
    summary["failures"] = SIGN_IN.get("failures", []) + _failures(environment)
    summary["window_started"] = bool(SIGN_IN)
    with open(os.environ["LOADTEST_SUMMARY"], "w", encoding="utf-8") as handle:
        json.dump(summary, handle)
