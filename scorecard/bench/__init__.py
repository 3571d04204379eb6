"""`make bench`: the measured speed of the returns paths (uploads, update-all), and the large
generated council the benchmarks and `generate_data` load; kept apart from the code it measures."""
