"""``make lab`` as root (classroom containers, JupyterHub images): ``--allow-root`` is passed only
when the effective user id is 0, and the server then starts and answers on a loopback port."""

from __future__ import annotations

import json
import os
import secrets
import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from .browser import free_port, lab_environment
from .conftest import ROOT

BIN = Path(sys.executable).parent  # this interpreter's environment, whatever its folder
STAMP = ".venv/.installed"  # never re-installed by the test (-o: taken as up to date)


def make_lab_command(*, dry_run: bool = False, lab_args: str = "") -> list[str]:
    return ["make", "-s", "-o", STAMP, *(["-n"] if dry_run else []), "-C", str(ROOT), "lab",
            f"BIN={BIN}", f"LAB_ARGS={lab_args}"]  # fmt: skip


def test_allow_root_is_passed_for_root_only():
    dry = subprocess.run(make_lab_command(dry_run=True), capture_output=True, text=True, timeout=60)
    assert dry.returncode == 0, dry.stderr
    assert ("--allow-root" in dry.stdout.split()) == (os.geteuid() == 0), dry.stdout
    if os.geteuid() != 0 or shutil.which("setpriv") is None:
        return  # only root can also try it as another user
    as_nobody = subprocess.run(
        ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
         *make_lab_command(dry_run=True)],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert as_nobody.returncode == 0, as_nobody.stderr
    assert "--allow-root" not in as_nobody.stdout
    assert f"{BIN}/jupyter lab notebooks/" in as_nobody.stdout


def lab_args(port: int, token: str) -> str:
    return (
        f"--no-browser --ServerApp.ip=127.0.0.1 --ServerApp.port={port} "
        f"--ServerApp.port_retries=0 --IdentityProvider.token={token} "
        "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate"
    )


def get(url: str):
    with urllib.request.urlopen(url, timeout=10) as response:
        return json.load(response)


def test_make_lab_starts_as_root_and_answers(tmp_path):
    if os.geteuid() != 0:
        pytest.skip("the root case needs root (CI and this machine run as root)")
    port, token = free_port(), secrets.token_hex(24)
    env = lab_environment(tmp_path / "home")
    log = tmp_path / "lab.log"
    with log.open("w") as sink:
        process = subprocess.Popen(
            make_lab_command(lab_args=lab_args(port, token)),
            env=env,
            stdout=sink,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,  # make, and the server it starts, in a group of their own
        )
    try:
        status, deadline = None, time.monotonic() + 180
        while status is None and time.monotonic() < deadline:
            assert process.poll() is None, f"make lab exited:\n{log.read_text()[-3000:]}"
            try:
                status = get(f"http://127.0.0.1:{port}/api/status?token={token}")
            except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
                time.sleep(0.5)
        assert status is not None, f"no answer within 180 s:\n{log.read_text()[-3000:]}"
        assert "started" in status
        listing = get(f"http://127.0.0.1:{port}/api/contents?token={token}")
        names = {item["name"] for item in listing["content"]}
        assert "00-start-here.ipynb" in names  # it serves the notebooks folder
        with pytest.raises(urllib.error.HTTPError) as refused:  # and the token still counts
            get(f"http://127.0.0.1:{port}/api/contents?token=wrong")
        assert refused.value.code == 403
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)  # the group this test started
            try:
                process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout=60)


def test_the_control_jupyter_refuses_root_without_the_flag(tmp_path):
    """What ``make lab`` works around: as root, plain ``jupyter lab`` stops at once."""
    if os.geteuid() != 0:
        pytest.skip("needs root")
    done = subprocess.run(
        [str(BIN / "jupyter"), "lab", *lab_args(free_port(), "x" * 48).split()],
        env=lab_environment(tmp_path / "home"),
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT / "notebooks",
        stdin=subprocess.DEVNULL,
    )
    assert done.returncode != 0
    assert "Running as root is not recommended" in done.stdout + done.stderr
