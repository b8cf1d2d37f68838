"""The app's administration: settings, backups, the audit log, retention, users and the dashboard."""
