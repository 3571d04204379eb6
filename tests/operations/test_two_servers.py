"""Two web servers and two workers with no shared local disk, as behind a council's load
balancer (issue 13): sessions and cache in Redis, built files in S3-compatible storage (moto),
one PostgreSQL database. A clerk signs in and asks for a pack through one server; a worker
builds it; the other server shows its progress and hands over the file.
"""

import secrets

import pytest
import redis

from tests.support.reports import Pdf
from tests.support.served import (
    Browser,
    answers,
    free_port,
    gunicorn_command,
    manage,
    on_postgresql,
    production_env,
    python,
    served_database,
    start,
    stop,
    wait_until,
    worker_command,
)

pytestmark = pytest.mark.django_db

MAKE_PACK = """
from django.contrib.auth import get_user_model
from reporting import services
from scorecard.models import ReportingPeriod
clerk = get_user_model().objects.get(username="clerk")
period = ReportingPeriod.objects.get(label="2009/10 Q2")
print(services.pack_create(user=clerk, values={"title": "Two servers", "committee": "Cabinet",
                                               "period": period}).pk)
"""


def test_a_pack_asked_for_through_one_server_downloads_through_the_other(s3_bucket, tmp_path):
    if not on_postgresql():
        pytest.skip(
            "Two servers share one database only on PostgreSQL (SQLite is one machine's file): "
            "run with DATABASE_URL=postgres://…, as CI's PostgreSQL leg does"
        )
    s3_env, s3, bucket = s3_bucket
    prefix = f"perfmgmt-test-{secrets.token_hex(4)}"
    with served_database(tmp_path) as url:
        env = production_env(
            url,
            **s3_env,
            CACHE_URL="redis://127.0.0.1:6379/0",
            CACHE_KEY_PREFIX=prefix,
            SESSION_STORE="cache",
        )
        manage(env, "migrate", "--noinput")
        manage(env, "load_demo", "--force")
        pack = int(python(env, MAKE_PACK))
        ports = [free_port(), free_port()]
        processes = [
            start(gunicorn_command(port), env, tmp_path / f"web{port}.log") for port in ports
        ]
        processes += [start(worker_command(), env, tmp_path / f"worker{n}.log") for n in (1, 2)]
        try:
            one, other = (f"http://127.0.0.1:{port}" for port in ports)
            for base in (one, other):
                wait_until(lambda base=base: answers(base), timeout=60, what=base)
            first = Browser(one)
            assert first.sign_in("clerk", "clerk-demo-2009").status == 302
            status = first.post(f"/packs/{pack}/build/", {"format": "pdf"}).headers["Location"]

            second = Browser(other, cookies=dict(first.cookies))  # the balancer's next pick
            wait_until(
                lambda: second.get(status + "?format=json").body.count(b'"ready": true'),
                timeout=180,
                what="a worker to build the pack",
            )
            download = second.get(status + "download/")
            assert download.status == 200
            assert Pdf(download.body).metadata()["/Title"] == "Two servers"
            stored = [item["Key"] for item in s3.list_objects_v2(Bucket=bucket)["Contents"]]
            assert len(stored) == 1 and stored[0].startswith("packs/")
            # The session the second server read came from Redis, shared by both.
            assert redis.Redis(port=6379).keys(f"{prefix}:*django.contrib.sessions*")
        finally:
            for process in processes:
                stop(process)
            client = redis.Redis(port=6379)
            for key in client.scan_iter(f"{prefix}:*"):
                client.delete(key)
