"""`make bench`: the measured speed of the returns paths (uploads, update-all), kept apart from
the code it measures."""
