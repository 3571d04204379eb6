"""`make bench`: the measured speed of the report paths (pages, PDF, Excel), kept apart from the
code it measures."""
