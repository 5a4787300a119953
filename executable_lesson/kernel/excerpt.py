"""A long listing shown as its first lines, with the whole of it one click away."""
from dataclasses import dataclass

LINES = 20  # the main path of a page shows no listing longer than about 25 lines


@dataclass
class Excerpt:
    """`run`'s first `lines` lines (its command and the top of its output), a line saying how
    many more there are, then the whole listing in a collapsed dropdown titled `title`."""

    run: object
    title: str = "The whole listing"
    lines: int = LINES

    def _repr_markdown_(self):
        shown = self.run.output.rstrip("\n").splitlines()
        if len(shown) <= self.lines + 1:
            return self.run._repr_markdown_()
        head = "\n".join(shown[:self.lines] + [f"... ({len(shown) - self.lines} more lines)"])
        return (f"````{{code-block}} console\n:class: excerpt\n\n{head}\n````\n\n"
                f":::::{{admonition}} {self.title}\n:class: dropdown whole-listing\n\n"
                f"{self.run._repr_markdown_()}\n:::::\n")
