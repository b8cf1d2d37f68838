"""The street office's PostgreSQL server (issue 14): what a community file publishes, how,
and where to."""
