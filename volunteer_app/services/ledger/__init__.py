"""The Excel/CSV ledgers (台账): reading files, importing them in three steps (import_header.detect,
import_check.check, import_apply.apply) and exporting."""
