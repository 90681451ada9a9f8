"""The knowledge digest names the contents of the knowledge in use, nothing else."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from eventwire.lexicon import SHIPPED_DATA
from eventwire.lexicon.digest import code_version, current_stamp, knowledge_digest


@pytest.fixture
def data_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the shipped data folder, in use through EVENTWIRE_DATA for this test."""
    copy = tmp_path / "data"
    shutil.copytree(SHIPPED_DATA, copy)
    monkeypatch.setenv("EVENTWIRE_DATA", str(copy))
    monkeypatch.delenv("EVENTWIRE_KNOWLEDGE", raising=False)
    return copy


def _digest_now() -> str:
    from eventwire.lexicon.digest import _knowledge_digest

    _knowledge_digest.cache_clear()  # a new process would read the files again
    return knowledge_digest()


def test_a_copy_of_the_data_has_the_shipped_digest(data_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    copied = _digest_now()
    monkeypatch.delenv("EVENTWIRE_DATA")
    assert _digest_now() == copied  # contents, not where the folder is
    assert len(copied) == 16


def test_the_digest_follows_contents_not_times(data_copy: Path) -> None:
    before = _digest_now()
    target = data_copy / "events" / "consult.yaml"
    os.utime(target, (1, 1))
    (data_copy / ".consult.yaml.swp").write_text("editor state", encoding="utf-8")
    (data_copy / "events" / "consult.yaml~").write_text("a backup", encoding="utf-8")
    assert _digest_now() == before
    target.write_text(target.read_text(encoding="utf-8") + "\n# an analyst's note\n", encoding="utf-8")
    assert _digest_now() != before


def test_a_new_file_in_a_subfolder_changes_the_digest(data_copy: Path) -> None:
    before = _digest_now()
    (data_copy / "events" / "extra.yaml").write_text("event: CONSULT\nrules: []\n", encoding="utf-8")
    assert _digest_now() != before


def test_knowledge_files_count_in_order_and_when_missing(
    data_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    base = _digest_now()
    one, two = tmp_path / "one.yaml", tmp_path / "two.yaml"
    one.write_text("people: [{name: Ana Lima, country: BRA}]\n", encoding="utf-8")
    two.write_text("organizations: [{name: Blue Harbour Group}]\n", encoding="utf-8")
    monkeypatch.setenv("EVENTWIRE_KNOWLEDGE", os.pathsep.join([str(one), str(two)]))
    both = _digest_now()
    monkeypatch.setenv("EVENTWIRE_KNOWLEDGE", os.pathsep.join([str(two), str(one)]))
    swapped = _digest_now()
    monkeypatch.setenv("EVENTWIRE_KNOWLEDGE", str(tmp_path / "absent.yaml"))
    absent = _digest_now()
    assert len({base, both, swapped, absent}) == 4


def test_the_digest_is_read_once_per_process(data_copy: Path) -> None:
    first = _digest_now()
    (data_copy / "events" / "extra.yaml").write_text("event: CONSULT\nrules: []\n", encoding="utf-8")
    assert knowledge_digest() == first  # what this process loaded, not a file edited meanwhile


def test_the_stamp_is_the_code_version_and_the_digest() -> None:
    import eventwire

    stamp = current_stamp()
    assert stamp.code_version == code_version()
    assert stamp.code_version.startswith(eventwire.__version__ + "+")
    assert stamp.knowledge_digest == knowledge_digest()
