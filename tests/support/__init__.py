"""Everything the tests share that is not a fixture, one module per concept:

- `factories`: rows with sensible defaults (users, plans, objectives, measures, results,
  actions) and the shared password.
- `periods`: reporting periods, made by the service the importers use (`periods_ensure`).
- `councils`: measures rated by their rule, action updates, a small council and a bigger one.
- `returns`: officers in directorates, the items they update, the forms they post, and the
  Excel return they download, fill in and upload.
- `signoff`: a measure's ratings by quarter, and its set-up page.
- `workbooks`: the plan workbook written as .csv files or .xlsx, and what an import stored.
- `pages`: pages read as a user would (tables by caption, rows by first cell, RAG words).
- `reports`: report files read back (the PDF's text, pages and tables; the workbook's cells).
- `packs`: Oxfordshire CC's Cabinet pack, and what the pack forms post.
- `forms`: every form of the app, and its fields of a kind.
- `browser`: people who sign in, and signing in and out in Chromium.

Fixtures live in the conftest.py of the folder whose tests use them.
"""
