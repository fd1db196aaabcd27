"""The database file's layout: its schema version and the tables every part shares.

Kept apart from `state.storage` so a launch can read the saved app state as plain
JSON before it loads the storage engine.
"""

SCHEMA_VERSION = 1
META_TABLE = "_meta"
"""One document: the schema version the file was written with."""
APP_TABLE = "app"
"""One document: the phone's own state (see `state.models.AppState`)."""


def misshapen_table(data: dict[str, object]) -> str | None:
    """The first table that does not map document ids to documents, as TinyDB's do."""
    for name, table in data.items():
        if not isinstance(table, dict) or not all(
            isinstance(doc, dict) for doc in table.values()
        ):
            return name
    return None
