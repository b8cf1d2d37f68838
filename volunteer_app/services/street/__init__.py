"""The street office's view of every community (issue 14): what a community file publishes
(published.py), its outbox of changes (outbox.py), and the PostgreSQL side. psycopg is
imported only inside this package."""
