"""Quarterly returns: officers enter results and action updates; approvers sign them off."""
