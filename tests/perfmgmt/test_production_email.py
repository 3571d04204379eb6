"""Production sends email by SMTP over TLS and refuses a backend that writes mail to the log,
where password-reset links could be read by anyone with the log (issue 13)."""

from tests.support.production import production_setting, run_production

CONSOLE = "django.core.mail.backends.console.EmailBackend"


def test_production_sends_email_by_smtp_with_tls_by_default():
    backend, tls, host, port = production_setting(
        "EMAIL_BACKEND",
        "EMAIL_USE_TLS",
        "EMAIL_HOST",
        "EMAIL_PORT",
        EMAIL_HOST="smtp.council.example",
    )
    assert backend == "'django.core.mail.backends.smtp.EmailBackend'"
    assert tls == "True"
    assert host == "'smtp.council.example'"
    assert port == "587"


def test_production_reads_the_smtp_account_from_the_environment():
    user, password = production_setting(
        "EMAIL_HOST_USER",
        "EMAIL_HOST_PASSWORD",
        EMAIL_HOST_USER="performance",
        EMAIL_HOST_PASSWORD="s3cret",
    )
    assert (user, password) == ("'performance'", "'s3cret'")


def test_production_refuses_the_console_email_backend():
    result = run_production("check", EMAIL_BACKEND=CONSOLE)
    assert result.returncode != 0
    assert "console" in result.stderr and "EMAIL_BACKEND" in result.stderr


def test_production_refuses_the_file_email_backend():
    result = run_production(
        "check", EMAIL_BACKEND="django.core.mail.backends.filebased.EmailBackend"
    )
    assert result.returncode != 0
    assert "EMAIL_BACKEND" in result.stderr


def test_production_refuses_smtp_without_tls():
    result = run_production("check", EMAIL_USE_TLS="false")
    assert result.returncode != 0
    assert "EMAIL_USE_TLS" in result.stderr


def test_production_accepts_smtp_over_implicit_tls():
    tls, ssl = production_setting(
        "EMAIL_USE_TLS", "EMAIL_USE_SSL", EMAIL_USE_TLS="false", EMAIL_USE_SSL="true"
    )
    assert (tls, ssl) == ("False", "True")
