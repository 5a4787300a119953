"""A settings file in TOML, read with errors that name the file, and its tables of entries checked
for exactly the keys each needs (the schedule's sections, the cheat sheet's commands)."""
import tomllib
from pathlib import Path


def read(path, error, name=None):
    """The file's data; `error` (an exception class) names the file and what is wrong with it."""
    name = name or Path(path).name
    try:
        return tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as found:
        raise error(f"{name}: {found}") from found


def entries(data, table, keys, error, name):
    """Each [[table]] entry of `data`, numbered from 1, once each has exactly `keys`."""
    for number, entry in enumerate(data.get(table, []), 1):
        if set(entry) != set(keys):
            raise error(f"{name}: [[{table}]] number {number} has the keys {sorted(entry)};"
                        f" each needs exactly {sorted(keys)}")
        yield number, entry
