"""Compiled theme templates kept across builds: a Jinja bytecode cache in memory.

MkDocs makes a new Jinja environment for every build, so Material's templates (and
ours in ``overrides/``) are compiled again in each of static-i18n's language passes
and on every ``mkdocs serve`` rebuild (about 1 s of CPU each time). Jinja's bytecode
cache keys a compiled template by its name and file and checks the SHA-1 of its
source before use, so an edited template is compiled again; the compile-time
settings of the environment are part of the key here too.
"""

from __future__ import annotations

from jinja2 import BytecodeCache, Environment
from jinja2.bccache import Bucket


def _settings(environment: Environment) -> tuple:
    """What changes the compiled code besides the source."""
    return (
        environment.block_start_string,
        environment.block_end_string,
        environment.variable_start_string,
        environment.variable_end_string,
        environment.comment_start_string,
        environment.comment_end_string,
        environment.line_statement_prefix,
        environment.line_comment_prefix,
        environment.trim_blocks,
        environment.lstrip_blocks,
        environment.newline_sequence,
        environment.keep_trailing_newline,
        environment.optimized,
        tuple(sorted(environment.extensions)),
    )


class MemoryBytecodeCache(BytecodeCache):
    """Compiled templates by (settings, name and file); the source checksum guards each."""

    def __init__(self) -> None:
        self._store: dict[str, tuple[str, object]] = {}

    def get_bucket(self, environment, name, filename, source) -> Bucket:
        """Jinja's bucket, its key extended with the environment's settings."""
        bucket = Bucket(
            environment,
            f"{hash(_settings(environment))}:{self.get_cache_key(name, filename)}",
            self.get_source_checksum(source),
        )
        self.load_bytecode(bucket)
        return bucket

    def load_bytecode(self, bucket: Bucket) -> None:
        """Give the bucket the compiled code of the same source, if kept."""
        kept = self._store.get(bucket.key)
        if kept is not None and kept[0] == bucket.checksum:
            bucket.code = kept[1]

    def dump_bytecode(self, bucket: Bucket) -> None:
        """Keep the bucket's compiled code with its source checksum."""
        self._store[bucket.key] = (bucket.checksum, bucket.code)

    def clear(self) -> None:
        """Forget every compiled template."""
        self._store.clear()

    def __len__(self) -> int:
        return len(self._store)


CACHE = MemoryBytecodeCache()


def use(environment: Environment) -> Environment:
    """Attach the shared cache to ``environment`` (unless it has one)."""
    if environment.bytecode_cache is None:
        environment.bytecode_cache = CACHE
    return environment
