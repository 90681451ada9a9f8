"""A small schema language for the data files: a file's shape is a ``TypedDict``.

Each data file is described once, in ``lexicon/files.py``, by the same type annotations the code
reading it relies on (``list[str]``, ``dict[str, float]``, a ``TypedDict`` per record with its
required and optional keys, ``Literal`` for closed vocabularies, ``Annotated`` for checks such as
"a CAMEO code" or "compiles as a regular expression"). ``check`` walks the parsed YAML against it
and stops at the first thing wrong with a message that names the file, the entry, the key and
the problem, with a "did you mean" for a misspelt key. Nothing is converted: the data the code
gets is the YAML as written, now known to have the shape the annotations promise.

No schema library: the analyst must read our message, not a validator's, and typing's own
introspection is all this needs.
"""

from __future__ import annotations

import difflib
import types
import typing
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any, Literal, NotRequired, Required, Union, get_args, get_origin, is_typeddict


class LexiconError(ValueError):
    """A data file is malformed: ``<file>: <entry ...>: <key>: <what is wrong>``.

    Raised before any work starts (``lexicon.check_all``), so an analyst's typo stops the program
    with one line naming where to look, never a traceback or a silent run without records.
    """

    def __init__(self, file: str, where: Sequence[str] = (), key: str | None = None, problem: str = ""):
        super().__init__(str(file), tuple(where), key, problem)  # args: pickles across processes
        self.file = str(file)
        self.where = tuple(where)
        self.key = key
        self.problem = problem

    def __str__(self) -> str:
        key = [] if self.key is None else [str(self.key)]
        return ": ".join([self.file, *self.where, *key, self.problem])


@dataclass(frozen=True)
class Check:
    """An extra test on a value, written ``Annotated[str, Check(fn)]``: ``fn`` returns what is
    wrong with the value, or None when it is fine."""

    test: Callable[[Any], str | None]


@dataclass(frozen=True)
class Doc:
    """What a value is, in the analyst's words, for messages ("a CAMEO code such as "163"")."""

    text: str


Fail = Callable[[Sequence[str], str | None, str], LexiconError]


def check(value: Any, schema: Any, file: str) -> None:
    """Raise ``LexiconError`` naming the first place where ``value`` does not fit ``schema``."""
    _check(value, schema, (), None, file)


@cache
def _plan(tp: Any) -> tuple[str, Any]:
    """What kind of type ``tp`` is, worked out once per type (typing's introspection is slow)."""
    origin = get_origin(tp)
    if origin is typing.Annotated:
        base, *meta = get_args(tp)
        plain = isinstance(base, type) and not is_typeddict(base)
        return "annotated", (base, plain, tuple(m for m in meta if isinstance(m, Check)))
    if origin in (Required, NotRequired):
        return "wrapped", get_args(tp)[0]
    if tp is Any:
        return "any", None
    if origin in (Union, types.UnionType):
        return "union", get_args(tp)
    if origin is Literal:
        return "literal", frozenset(get_args(tp))
    if is_typeddict(tp):
        return "record", None
    if origin is list:
        return "list", get_args(tp)[0]
    if origin is dict:
        return "dict", get_args(tp)
    if origin is tuple:
        return "tuple", get_args(tp)
    return "plain", None


def _check(value: Any, tp: Any, where: tuple[str, ...], key: str | None, file: str) -> None:
    kind, arg = _plan(tp)
    if kind == "annotated":
        base, plain, checks = arg
        if plain and not _is_instance(value, base):
            raise LexiconError(file, where, key, f"expected {_expected(tp)}, got {_got(value)}")
        _check(value, base, where, key, file)
        for m in checks:
            if (problem := m.test(value)) is not None:
                raise LexiconError(file, where, key, problem)
    elif kind == "wrapped":
        _check(value, arg, where, key, file)
    elif kind == "any":
        return
    elif kind == "union":
        _union(value, tp, where, key, file)
    elif kind == "literal":
        if value not in arg:
            raise LexiconError(file, where, key, f"{value!r} is not {_expected(tp)}")
    elif kind == "record":
        _record(value, tp, where, key, file)
    elif kind == "list":
        if not isinstance(value, list):
            raise LexiconError(file, where, key, f"expected {_expected(tp)}, got {_got(value)}")
        if arg is str and all(type(v) is str for v in value):
            return  # the common case, a list of words: one pass, no per-item descent
        inner = (*where, key) if key is not None else where
        for i, v in enumerate(value):
            _check(v, arg, inner, _item_name(v, i), file)
    elif kind == "dict":
        if not isinstance(value, dict):
            raise LexiconError(file, where, key, f"expected {_expected(tp)}, got {_got(value)}")
        ktp, vtp = arg
        inner = (*where, key) if key is not None else where
        for k, v in value.items():
            if ktp is not str or type(k) is not str:
                _check(k, ktp, inner, str(k), file)
            _check(v, vtp, inner, str(k), file)
    elif kind == "tuple":
        if not isinstance(value, list) or len(value) != len(arg):
            raise LexiconError(file, where, key, f"expected {_expected(tp)}, got {_got(value)}")
        inner = (*where, key) if key is not None else where
        for i, (v, a) in enumerate(zip(value, arg, strict=True)):
            _check(v, a, inner, f"item {i + 1}", file)
    elif not _is_instance(value, tp):
        raise LexiconError(file, where, key, f"expected {_expected(tp)}, got {_got(value)}")


def _union(value: Any, tp: Any, where: tuple[str, ...], key: str | None, file: str) -> None:
    """The first alternative whose container kind fits decides the message: a list is checked as
    the list alternative, so "item 3 is not text" is said rather than "not a list or text"."""
    alts = get_args(tp)
    for a in alts:
        if _kind_fits(value, a):
            _check(value, a, where, key, file)
            return
    raise LexiconError(file, where, key, f"expected {_expected(tp)}, got {_got(value)}")


def _kind_fits(value: Any, tp: Any) -> bool:
    origin = get_origin(tp)
    if origin is typing.Annotated:
        return _kind_fits(value, get_args(tp)[0])
    if tp is Any:
        return True
    if origin is Literal:
        return value in get_args(tp)
    if is_typeddict(tp) or origin is dict:
        return isinstance(value, dict)
    if origin in (list, tuple):
        return isinstance(value, list)
    if origin in (Union, types.UnionType):
        return any(_kind_fits(value, a) for a in get_args(tp))
    return _is_instance(value, tp)


def _is_instance(value: Any, tp: Any) -> bool:
    if tp is type(None) or tp is None:
        return value is None
    if tp is float:  # YAML writes 4 for 4.0
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if tp is int:
        return isinstance(value, int) and not isinstance(value, bool)
    return isinstance(value, tp)


def _record(value: Any, tp: Any, where: tuple[str, ...], key: str | None, file: str) -> None:
    if not isinstance(value, dict):
        raise LexiconError(file, where, key, f"expected a mapping (key: value), got {_got(value)}")
    hints, required = _hints(tp)
    inner = (*where, key) if key is not None else where
    for k in value:
        if k not in hints:
            raise LexiconError(file, inner, str(k), _unknown(str(k), hints))
    for k in required:
        if k not in value:
            raise LexiconError(file, inner, k, "missing (this key is required)")
    for k, v in value.items():
        if v is None and k not in required:
            continue  # an empty optional key ("light:") is as if absent
        _check(v, hints[k], inner, str(k), file)


@cache
def _hints(tp: Any) -> tuple[dict[str, Any], tuple[str, ...]]:
    hints = typing.get_type_hints(tp, include_extras=True)
    return hints, tuple(k for k in hints if k in tp.__required_keys__)


def _unknown(k: str, known: dict[str, Any]) -> str:
    close = difflib.get_close_matches(k, list(known), n=1, cutoff=0.6)
    if close:
        return f"unknown key (did you mean '{close[0]}'?)"
    return f"unknown key (known keys: {', '.join(known)})"


def _item_name(v: Any, i: int) -> str:
    """How a list item is named in a message: its ``name`` when it has one, else its position."""
    if isinstance(v, dict) and isinstance(v.get("name"), str):
        return v["name"]
    return f"item {i + 1}"


def _expected(tp: Any) -> str:
    origin = get_origin(tp)
    if origin is typing.Annotated:
        base, *meta = get_args(tp)
        docs = [m.text for m in meta if isinstance(m, Doc)]
        return docs[0] if docs else _expected(base)
    if origin in (Required, NotRequired):
        return _expected(get_args(tp)[0])
    if origin is Literal:
        return "one of " + ", ".join(str(a) for a in get_args(tp))
    if origin in (Union, types.UnionType):
        return " or ".join(_expected(a) for a in get_args(tp))
    if origin is list:
        (item,) = get_args(tp)
        return "a list of words" if item is str else "a list"
    if origin is tuple:
        return f"a list of {len(get_args(tp))} items"
    if origin is dict or is_typeddict(tp):
        return "a mapping (key: value)"
    return {
        str: "text",
        int: "a whole number",
        float: "a number",
        bool: "true or false",
        type(None): "nothing",
    }.get(tp, getattr(tp, "__name__", str(tp)))


def _got(value: Any) -> str:
    if isinstance(value, bool):
        return (
            f"{str(value).lower()} (YAML reads an unquoted yes/no/on/off/true/false as true or false: "
            "put the word in quotes)"
        )
    if value is None:
        return "nothing (an empty value)"
    if isinstance(value, str):
        return f"text {value!r}"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping (key: value)"
    return type(value).__name__
