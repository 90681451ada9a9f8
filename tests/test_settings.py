"""Settings: flags beat EVENTWIRE_* variables beat defaults; a bad value names its variable."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from eventwire import settings as S
from eventwire.settings import Settings, SettingsError, configure, get_settings, table


def test_defaults() -> None:
    s = Settings.from_env({})
    assert s.prefilter is True and s.memory_zone is True and s.cache_seconds == 2.0
    assert s.database == S.DEFAULT_DB and s.knowledge == () and s.workers is None


def test_flags_beat_variables_beat_defaults() -> None:
    env = {"EVENTWIRE_DB": "sqlite:///a.db", "EVENTWIRE_WORKERS": "3", "EVENTWIRE_PREFILTER": "off"}
    s = Settings.from_env(env, db="sqlite:///b.db", workers=None)
    assert s.database == "sqlite:///b.db"  # the flag
    assert s.workers == 3  # the variable (a flag left unset does not override it)
    assert s.prefilter is False


@pytest.mark.parametrize(
    ("var", "value", "says"),
    [
        ("EVENTWIRE_PREFILTER", "maybe", "EVENTWIRE_PREFILTER='maybe': expected one of 1, true"),
        ("EVENTWIRE_MATMUL", "mkl", "EVENTWIRE_MATMUL='mkl': expected one of numpy, blis"),
        ("EVENTWIRE_START_METHOD", "thread", "expected one of fork, forkserver, spawn"),
        ("EVENTWIRE_CACHE_SECONDS", "soon", "EVENTWIRE_CACHE_SECONDS='soon': expected a number of seconds"),
        ("EVENTWIRE_WORKERS", "-2", "EVENTWIRE_WORKERS='-2': expected 0 (all cores) or more"),
        ("EVENTWIRE_DATA", "/no/such/folder", "EVENTWIRE_DATA='/no/such/folder': no such folder"),
    ],
)
def test_bad_values_name_the_variable(var: str, value: str, says: str) -> None:
    with pytest.raises(SettingsError, match=None) as got:
        Settings.from_env({var: value})
    assert says in str(got.value)


def test_env_round_trip_gives_children_the_same_settings(tmp_path: Path) -> None:
    s = Settings.from_env(
        {}, knowledge=(tmp_path / "a.yaml", tmp_path / "b.yaml"), prefilter=False, cors=("x", "y")
    )
    assert Settings.from_env(s.env()) == s
    worker_vars = set(s.env(workers_only=True))
    assert "EVENTWIRE_KNOWLEDGE" in worker_vars and "EVENTWIRE_PREFILTER" in worker_vars
    assert "EVENTWIRE_TOKEN" not in worker_vars and "EVENTWIRE_CORS" not in worker_vars


def test_configure_writes_the_environment_and_a_changed_variable_is_read_again(monkeypatch) -> None:
    for var, _default, _doc in table():
        monkeypatch.delenv(var, raising=False)
    configure(Settings(prefilter=False))
    assert os.environ["EVENTWIRE_PREFILTER"] == "0" and get_settings().prefilter is False
    monkeypatch.setenv("EVENTWIRE_PREFILTER", "1")
    assert get_settings().prefilter is True


def test_every_variable_is_in_the_readme() -> None:
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    missing = [var for var, _default, _doc in table() if f"`{var}`" not in readme]
    assert not missing, f"README's settings table lacks {missing}"


def test_cli_refuses_a_bad_variable_with_one_line(tmp_path: Path) -> None:
    env = {**os.environ, "EVENTWIRE_MATMUL": "mkl"}
    out = subprocess.run(
        [sys.executable, "-m", "eventwire.cli", "code", "Peru met Chile."],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert out.returncode == 2
    assert out.stderr.strip() == "eventwire: EVENTWIRE_MATMUL='mkl': expected one of numpy, blis"
