"""Rendering options shared by every output: notation, environment names, label prefix, title,
figure.

All user strings are validated here, once, so that a renderer never writes an unchecked string.
"""

from dataclasses import dataclass, replace

from .notation import validated_notation
from .safety import NotationError, check_environment, check_label_prefix, escape_text


@dataclass(frozen=True)
class RenderOptions:
    notation: tuple = ()              # validated (key, LaTeX) pairs
    theorem_env: str = "theorem"
    lemma_env: str = "lemma"
    proof_env: str = "proof"
    label_prefix: str = "proofs:"
    title: str = None                 # plain text, checked; each renderer escapes it
    figure: bool = False
    detail: str = None                # "paper", "full"; None: paper (LaTeX, Markdown), full (text)

    def detail_for(self, style):
        """The detail level an output uses: the one asked, else the default of its kind."""
        return self.detail or ("full" if style == "text" else "paper")

    @classmethod
    def make(cls, base=None, notation=None, theorem_env=None, lemma_env=None, proof_env=None,
             label_prefix=None, title=None, figure=None, detail=None):
        """Validated options; anything not given keeps `base`'s value."""
        base = base or cls()
        changes = {}
        if notation is not None:
            if not isinstance(notation, dict):
                raise NotationError(f"notation is a dict such as {{'theta': 'w'}}, not "
                                    f"{type(notation).__name__} {notation!r}")
            merged = dict(base.notation)
            merged.update(notation)
            changes["notation"] = validated_notation(merged)
        for key, value in (("theorem_env", theorem_env), ("lemma_env", lemma_env),
                           ("proof_env", proof_env)):
            if value is not None:
                changes[key] = check_environment(key.replace("_", " "), value)
            # the page cites its lemmas and theorem by number (\ref): a starred one, unnumbered
            # in the usual \newtheorem*, would print the section's number there (a review)
            if value is not None and key != "proof_env" and value.endswith("*"):
                raise NotationError(f"{key.replace('_', ' ')} {value!r}: a starred environment is "
                                    "unnumbered, and the page cites its lemmas and theorem by "
                                    "number: use a numbered one")
        if label_prefix is not None:
            changes["label_prefix"] = check_label_prefix(label_prefix)
        if title is not None:
            escape_text("title", title)  # one line of plain text, else NotationError
            changes["title"] = title
        if figure is not None:
            changes["figure"] = bool(figure)
        if detail is not None:
            if detail not in DETAILS:
                raise NotationError(f"detail {detail!r}: choose {' or '.join(DETAILS)}")
            changes["detail"] = detail
        return replace(base, **changes)


# paper: a chain of side conditions (a positivity lemma) is one sentence naming the facts used;
# full: every kernel step on its own line
DETAILS = ("paper", "full")
