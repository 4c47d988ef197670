"""The Django app: organisations, members, approaches, audit log; views for the worklist and counts."""
