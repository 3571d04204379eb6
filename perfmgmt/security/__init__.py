"""The app's own security measures that no library gives: headers, NUL bytes, idle sign-out,
security event logging. Configured in perfmgmt/settings/base.py under "Security"."""
