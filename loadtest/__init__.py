"""`make loadtest`: the load a council's site must hold (issue 13), measured with locust.

run.py makes a database and the generated council, serves it with `make serve`, runs
locustfile.py against it on loopback for a bounded time, and checks the database afterwards
(check.py). prepare.py makes the accounts and the quarter the officers report on.
"""
