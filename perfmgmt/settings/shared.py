"""Shared state for more than one web server and worker (issue 13: two servers and two
workers behind any load balancer, with no shared local disk).

Each is chosen by an environment variable, so the same settings serve one machine or several:

- `CACHE_URL`: `redis://127.0.0.1:6379/0` (Redis), `db` (a table in the database; run
  `manage.py createcachetable`), or unset for memory in each process (one server only).
- `SESSION_STORE`: `db` (the default: sessions in the database, shared already) or `cache`
  (read from the shared cache, written through to the database).
- `FILE_STORAGE`: `s3` keeps built report files in an S3-compatible bucket through
  django-storages (`AWS_STORAGE_BUCKET_NAME`, `AWS_S3_ENDPOINT_URL` for a non-Amazon
  service, `AWS_S3_REGION_NAME`, and the keys in `AWS_ACCESS_KEY_ID` and
  `AWS_SECRET_ACCESS_KEY`); unset keeps them under MEDIA_ROOT on local disk.
"""

import os

from django.core.exceptions import ImproperlyConfigured


def caches_from_env() -> dict:
    url = os.environ.get("CACHE_URL", "")
    prefix = os.environ.get("CACHE_KEY_PREFIX", "perfmgmt")
    if url.startswith(("redis://", "rediss://", "unix://")):
        backend = {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": url}
    elif url == "db":
        backend = {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "cache"}
    elif not url:
        backend = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    else:
        raise ImproperlyConfigured(f"CACHE_URL {url!r}: use redis://HOST:PORT/DB, db, or unset.")
    return {"default": {**backend, "KEY_PREFIX": prefix}}


def session_engine_from_env() -> str:
    store = os.environ.get("SESSION_STORE", "db")
    engines = {
        "db": "django.contrib.sessions.backends.db",
        "cache": "django.contrib.sessions.backends.cached_db",
    }
    if store not in engines:
        raise ImproperlyConfigured(f"SESSION_STORE {store!r}: use db or cache.")
    return engines[store]


def default_storage_from_env() -> dict:
    kind = os.environ.get("FILE_STORAGE", "local")
    if kind == "local":
        return {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    if kind != "s3":
        raise ImproperlyConfigured(f"FILE_STORAGE {kind!r}: use s3, or unset for local disk.")
    bucket = os.environ.get("AWS_STORAGE_BUCKET_NAME", "")
    if not bucket:
        raise ImproperlyConfigured("FILE_STORAGE=s3 needs AWS_STORAGE_BUCKET_NAME.")
    options = {
        "bucket_name": bucket,
        "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
        "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
        # Built files are private: downloaded only through the app's views, which check who
        # may have them, never by a public or pre-signed address.
        "default_acl": "private",
        "querystring_auth": True,
        "file_overwrite": False,
    }
    return {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": options}
