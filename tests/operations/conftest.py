"""What the served-site tests share: the static files collected as `make serve` collects them,
and a local S3-compatible server for the shared-storage tests (moto in server mode, on a free
port, with an empty bucket)."""

import sys
import urllib.request

import boto3
import pytest

from tests.support.served import free_port, manage, production_env, start, stop, wait_until

CREDENTIALS = {
    "AWS_ACCESS_KEY_ID": "perfmgmt-test",
    "AWS_SECRET_ACCESS_KEY": "perfmgmt-test-secret",
    "AWS_S3_REGION_NAME": "us-east-1",
}


@pytest.fixture(scope="session", autouse=True)
def collected_static():
    """The production settings serve and style PDFs from collectstatic's manifest, as `make
    serve` collects it first: without it a worker started here fails every PDF build, whatever
    order the tests run in (a fresh clone has no staticfiles/)."""
    manage(production_env("sqlite:///:memory:"), "collectstatic", "--noinput", "--verbosity", "0")


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url + "/moto-api/", timeout=2):
            return True
    except OSError:
        return False


@pytest.fixture(scope="session")
def s3_server(tmp_path_factory):
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    log = tmp_path_factory.mktemp("moto") / "moto.log"
    command = [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)]
    server = start(command, {"PATH": "/usr/bin:/bin"}, log)
    try:
        wait_until(lambda: _answers(url), timeout=60, what="moto's S3 server")
        yield url
    finally:
        stop(server)


@pytest.fixture
def s3_bucket(s3_server, request):
    """An empty bucket; the environment `FILE_STORAGE=s3` needs to use it; and a client."""
    name = f"packs-{request.node.name.lower().replace('_', '-')[:40]}"
    client = boto3.client(
        "s3",
        endpoint_url=s3_server,
        aws_access_key_id=CREDENTIALS["AWS_ACCESS_KEY_ID"],
        aws_secret_access_key=CREDENTIALS["AWS_SECRET_ACCESS_KEY"],
        region_name=CREDENTIALS["AWS_S3_REGION_NAME"],
    )
    client.create_bucket(Bucket=name)
    env = {
        **CREDENTIALS,
        "FILE_STORAGE": "s3",
        "AWS_STORAGE_BUCKET_NAME": name,
        "AWS_S3_ENDPOINT_URL": s3_server,
    }
    return env, client, name
