"""Real clients for the tests: Debian's Chromium (installed when missing), driven by playwright,
and a JupyterLab server on a loopback port that the test starts and stops by process id.

Nothing here downloads a browser: playwright is told to use ``/usr/bin/chromium``.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")

#: The flags every test browser starts with (playwright adds --headless and the profile dir).
CHROMIUM_ARGS = [
    "--no-sandbox",  # the tests run as root in CI, where Chromium refuses to start without it
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


class BrowserUnavailable(RuntimeError):
    """Chromium is missing and could not be installed; the message says why and what to do."""


def _apt(args: list[str]) -> subprocess.CompletedProcess:
    prefix: list[str] = []
    if os.geteuid() != 0:
        if shutil.which("sudo") is None:
            raise BrowserUnavailable(
                f"{CHROMIUM} is missing and this user is not root and has no sudo: "
                "run `apt-get install -y chromium` as root, then the tests again"
            )
        prefix = ["sudo", "-n"]
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    try:
        return subprocess.run(
            [*prefix, "apt-get", *args], capture_output=True, text=True, env=env, timeout=900
        )
    except subprocess.TimeoutExpired:
        raise BrowserUnavailable(f"`apt-get {' '.join(args)}` took over 15 minutes") from None


def ensure_chromium() -> Path:
    """``/usr/bin/chromium``, installed with apt-get when missing (``apt-get update`` only if
    the first install fails). Raises ``BrowserUnavailable`` with the reason when impossible."""
    if CHROMIUM.is_file():
        return CHROMIUM
    if shutil.which("apt-get") is None:
        raise BrowserUnavailable(
            f"{CHROMIUM} is missing and there is no apt-get to install it: "
            "install Debian's `chromium` package, then run the tests again"
        )
    done = _apt(["install", "-y", "chromium"])
    if done.returncode != 0:
        _apt(["update"])
        done = _apt(["install", "-y", "chromium"])
    if done.returncode != 0 or not CHROMIUM.is_file():
        raise BrowserUnavailable(
            f"`apt-get install -y chromium` failed (exit code {done.returncode}): "
            f"{done.stderr.strip()[-800:]}"
        )
    return CHROMIUM


@contextmanager
def headless_chromium(profile: Path, *, timeout_ms: int) -> Iterator:
    """A headless Chromium context (Debian's, never a download) with its own ``profile``;
    a test fails, naming the reason, when Chromium cannot be had."""
    import pytest
    from playwright.sync_api import sync_playwright

    try:
        chromium = ensure_chromium()
    except BrowserUnavailable as exc:
        pytest.fail(f"the browser tests need Chromium: {exc}")
    with sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(
            str(profile), executable_path=str(chromium), headless=True, args=CHROMIUM_ARGS
        )
        context.set_default_timeout(timeout_ms)
        try:
            yield context
        finally:
            context.close()


def block_network(context) -> list[str]:
    """Abort every request that is not a local file or inline data; return the list of URLs
    that were tried (reports reference MathJax on a CDN; the machine is offline anyway)."""
    tried: list[str] = []

    def handle(route):
        url = route.request.url
        if url.startswith(("file:", "data:", "blob:", "about:")):
            route.continue_()
        else:
            tried.append(url)
            route.abort()

    context.route("**/*", handle)
    return tried


# --- JupyterLab -------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class LabServer:
    process: subprocess.Popen
    port: int
    token: str
    log: Path

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def api(self, path: str):
        with urllib.request.urlopen(f"{self.url}{path}?token={self.token}", timeout=10) as response:
            return json.load(response)

    def children(self) -> list[int]:
        """Process ids whose parent is the server (its kernels), read from /proc."""
        kids = []
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == self.process.pid:
                kids.append(int(stat.parent.name))
        return kids


def lab_environment(home: Path) -> dict[str, str]:
    """The environment of a test's JupyterLab: config, data, runtime and settings under
    ``home`` (never the user's own), cells kept in the page, no news toast."""
    for name in ("config", "data", "runtime", "settings", "workspaces", "ipython"):
        (home / name).mkdir(parents=True, exist_ok=True)
    # Cells stay in the page (no virtual scrolling), so the test can see every output.
    tracker = home / "settings" / "@jupyterlab" / "notebook-extension"
    tracker.mkdir(parents=True, exist_ok=True)
    (tracker / "tracker.jupyterlab-settings").write_text(json.dumps({"windowingMode": "none"}))
    # No "would you like news?" toast over the notebook.
    (home / "config" / "labconfig").mkdir(exist_ok=True)
    (home / "config" / "labconfig" / "page_config.json").write_text(
        json.dumps({"disabledExtensions": {"@jupyterlab/apputils-extension:announcements": True}})
    )
    return {
        **os.environ,
        "JUPYTER_CONFIG_DIR": str(home / "config"),
        "JUPYTER_DATA_DIR": str(home / "data"),
        "JUPYTER_RUNTIME_DIR": str(home / "runtime"),
        "JUPYTERLAB_SETTINGS_DIR": str(home / "settings"),
        "JUPYTERLAB_WORKSPACES_DIR": str(home / "workspaces"),
        "IPYTHONDIR": str(home / "ipython"),
        "JUPYTER_PLATFORM_DIRS": "1",
    }


def start_lab(root: Path, home: Path, *, ready_within: float = 180) -> LabServer:
    """Start ``jupyter lab`` (from this interpreter's environment) on a free loopback port with
    a random token, serving ``root``; config, data, runtime and settings live under ``home``.
    Returns once the server answers ``/api/status``."""
    env = lab_environment(home)
    port, token = free_port(), secrets.token_hex(24)
    log = home / "lab.log"
    jupyter = Path(sys.executable).parent / "jupyter"
    command = [
        str(jupyter),
        "lab",
        "--no-browser",
        "--ServerApp.ip=127.0.0.1",
        f"--ServerApp.port={port}",
        "--ServerApp.port_retries=0",
        f"--IdentityProvider.token={token}",
        f"--ServerApp.root_dir={root}",
        "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
        *(["--allow-root"] if os.geteuid() == 0 else []),  # CI runs as root
    ]
    with log.open("w") as sink:
        process = subprocess.Popen(
            command, env=env, stdout=sink, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL
        )
    server = LabServer(process, port, token, log)
    deadline = time.monotonic() + ready_within
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(
                f"jupyter lab exited with code {process.returncode}:\n{log.read_text()[-3000:]}"
            )
        try:
            server.api("/api/status")
            return server
        except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
            time.sleep(0.5)
    stop_lab(server)
    raise RuntimeError(
        f"jupyter lab did not answer within {ready_within:.0f} s:\n{log.read_text()[-3000:]}"
    )


def stop_lab(server: LabServer, *, within: float = 60) -> list[int]:
    """Stop the server by its process id (SIGTERM: it shuts its kernels down first, SIGKILL
    if it does not exit in time); return the ids of the kernels it had, for checking."""
    kernels = server.children()
    if server.process.poll() is None:
        server.process.terminate()
        try:
            server.process.wait(timeout=within)
        except subprocess.TimeoutExpired:
            server.process.kill()
            server.process.wait(timeout=within)
    return kernels


def pid_alive(pid: int) -> bool:
    """True while ``pid`` is a live process (a zombie counts as gone)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return False
    return state != "Z"
