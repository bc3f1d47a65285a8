"""Copy the peer corpora's DEVELOPMENT parts from a local copy into the cache. No network.

Run: ``python benchmarks/peer/setup_corpora.py [--ptc DIR] [--persent DIR] [--babe DIR]
[--polnear DIR] [--cache DIR]``. Each DIR is a local copy of the corpus's GitHub repository:
a bare git directory (what the ``fetch`` tool returns, e.g. ``/work/.mirror/OWNER+NAME/repo``),
a clone (a folder with ``.git``), or a plain folder holding the repository's files. From a
git directory the files are read at the pinned commit below (an error when it is absent);
from a plain folder they are copied as they are, and the script says it could not check.

Only what the benchmarks may see is copied: PTC articles (and their task2 labels) with an
even numeric id; PerSenT ``dev.csv``; PolNeAR's train text and attributions and the train
rows of ``metadata.tsv``; BABE's ``final_labels_SG2.csv`` whole (one file; the readers keep
its even rows). The cache is ``--cache``, else ``$READING_NEWS_PEER_CACHE``, else
``~/.cache/reading-the-news/peer``. Nothing in the source is modified.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpora  # noqa: E402

__all__ = ["PINS", "SetupError", "setup", "main"]


@dataclass(frozen=True)
class Pin:
    """Where a corpus comes from: the GitHub repository and the commit its files are read at."""

    repo: str
    commit: str
    paths: tuple[str, ...]  # what must exist in the repository (files or folders)


#: Commits resolved from the ``fetch`` snapshots on 2026-12-03 (see README.md here). PTC's
#: data were removed from the repository after ``adc9dcd8`` ("Remove datasets", 104696a);
#: PerSenT's ``dev.csv`` is unchanged since ``852b83db``, its first commit with data.
PINS = {
    "ptc": Pin(
        "aschern/semeval2020_task11",
        "adc9dcd88c3d7cda654ab633d0ee8559658aad71",
        ("datasets/train-articles", "datasets/train-labels-task2-technique-classification"),
    ),
    "persent": Pin("MHDBST/PerSenT", "852b83db1dfd5ab91a0476697988ae047fae0bd2", ("dev.csv",)),
    "babe": Pin(
        "Media-Bias-Group/Neural-Media-Bias-Detection-Using-Distant-Supervision-With-BABE",
        "fb79f646dcabf1746f5ebedc06ed8dd61ba78188",
        ("data/final_labels_SG2.csv",),
    ),
    "polnear": Pin(
        "networkdynamics/PolNeAR",
        "c3eee833c035bf7b8c84f55b58c0bf7346cfae76",
        ("data/metadata.tsv", "data/train/text", "data/train/attributions"),
    ),
}

_PTC_FILE = re.compile(r"article(\d+)\.(?:txt|task2-TC\.labels)")


class SetupError(RuntimeError):
    """A source folder that is missing, of the wrong kind, or without the pinned commit."""


class Source:
    """Files of one repository, from a git directory at a commit or from a plain folder."""

    def __init__(self, corpus: str, folder: Path) -> None:
        self.corpus, self.folder, self.pin = corpus, folder, PINS[corpus]
        if not folder.exists():
            raise SetupError(f"--{corpus} {folder}: no such folder")
        if not folder.is_dir():
            raise SetupError(f"--{corpus} {folder}: is a file; give the repository's folder")
        self.git_dir = self._git_dir(folder)
        if self.git_dir is not None:
            if self._git("cat-file", "-t", self.pin.commit, check=False).strip() != b"commit":
                raise SetupError(
                    f"--{corpus} {folder}: git directory without the pinned commit "
                    f"{self.pin.commit[:12]} of github.com/{self.pin.repo}; fetch that "
                    "repository again (fetch github:" + self.pin.repo + ")"
                )
            tree = self._git("ls-tree", "-r", self.pin.commit, "--", *self.pin.paths)
            self.blobs = {}
            for line in tree.decode("utf-8").splitlines():
                info, path = line.split("\t", 1)
                self.blobs[path] = info.split()[2]
        for path in self.pin.paths:
            if not self.exists(path):
                where = f"at commit {self.pin.commit[:12]}" if self.git_dir else "in the folder"
                raise SetupError(
                    f"--{corpus} {folder}: {path} not found {where}; is this a copy of "
                    f"github.com/{self.pin.repo}?"
                )

    @staticmethod
    def _git_dir(folder: Path) -> Path | None:
        if (folder / ".git").exists():
            return folder / ".git"
        if (folder / "HEAD").is_file() and (folder / "objects").is_dir():
            return folder  # a bare repository, as the fetch tool makes
        return None

    def _git(self, *args: str, check: bool = True, stdin: bytes | None = None) -> bytes:
        # -C works for a bare directory and for a clone (also when its .git is a file)
        done = subprocess.run(
            ["git", "-C", str(self.folder), *args], input=stdin, capture_output=True
        )
        if check and done.returncode:
            message = done.stderr.decode(errors="replace").strip().splitlines()
            raise SetupError(f"--{self.corpus} {self.folder}: git {args[0]} failed: {message}")
        return done.stdout

    def exists(self, path: str) -> bool:
        if self.git_dir is None:
            return (self.folder / path).exists()
        return any(p == path or p.startswith(path + "/") for p in self.blobs)

    def listing(self, folder: str) -> list[str]:
        """File names directly inside ``folder`` (a path in the repository)."""
        if self.git_dir is None:
            return sorted(p.name for p in (self.folder / folder).iterdir() if p.is_file())
        prefix = folder + "/"
        return sorted(
            p[len(prefix) :]
            for p in self.blobs
            if p.startswith(prefix) and "/" not in p[len(prefix) :]
        )

    def read(self, paths: list[str]) -> dict[str, bytes]:
        """The bytes of each path (one ``git cat-file --batch`` for a git directory)."""
        if self.git_dir is None:
            return {p: (self.folder / p).read_bytes() for p in paths}
        ids = [self.blobs[p] for p in paths]
        raw = io.BytesIO(self._git("cat-file", "--batch", stdin="\n".join(ids).encode() + b"\n"))
        out = {}
        for path, blob in zip(paths, ids, strict=True):
            header = raw.readline().split()
            if len(header) != 3 or header[1] != b"blob":
                raise SetupError(
                    f"--{self.corpus} {self.folder}: {path} ({blob}) cannot be read from git: "
                    f"{b' '.join(header).decode(errors='replace')}"
                )
            out[path] = raw.read(int(header[2]))
            raw.read(1)  # the newline after each object
        return out


def _write(target: Path, files: dict[str, bytes]) -> None:
    for name, data in files.items():
        path = target / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)


def _copy_ptc(src: Source, out: Path) -> int:
    articles, labels = src.pin.paths
    keep = {}
    for folder, target in ((articles, corpora.PTC_ARTICLES), (labels, corpora.PTC_LABELS)):
        names = [n for n in src.listing(folder) if _PTC_FILE.fullmatch(n)]
        even = [n for n in names if int(_PTC_FILE.fullmatch(n).group(1)) % 2 == 0]
        data = src.read([f"{folder}/{n}" for n in even])
        keep.update({f"{target}/{n}": data[f"{folder}/{n}"] for n in even})
    _write(out, keep)
    return sum(1 for name in keep if name.endswith(".txt"))


def _copy_persent(src: Source, out: Path) -> int:
    data = src.read(["dev.csv"])["dev.csv"]
    _write(out, {corpora.PERSENT_DEV: data})
    return _csv_rows(data, ",")


def _copy_babe(src: Source, out: Path) -> int:
    data = src.read(["data/final_labels_SG2.csv"])["data/final_labels_SG2.csv"]
    _write(out, {corpora.BABE_CSV: data})
    return _csv_rows(data, ";")


def _csv_rows(data: bytes, delimiter: str) -> int:
    rows = csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=delimiter)
    return sum(1 for _ in rows) - 1  # without the header


def _copy_polnear(src: Source, out: Path) -> int:
    meta_path, text_dir, ann_dir = src.pin.paths
    lines = src.read([meta_path])[meta_path].decode("utf-8").splitlines(keepends=True)
    header = lines[0].rstrip("\r\n").split("\t")
    if "compartment" not in header or "filename" not in header:
        raise SetupError(f"--polnear {src.folder}: {meta_path} has no compartment/filename columns")
    col, name_col = header.index("compartment"), header.index("filename")
    train = [line for line in lines[1:] if line.split("\t")[col] == "train"]
    names = {line.split("\t")[name_col] for line in train}
    texts = [n for n in src.listing(text_dir) if n.endswith(".txt") and n[:-4] in names]
    anns = [
        n for n in src.listing(ann_dir) if n.endswith(".ann") and n[:-4].rsplit("_", 1)[0] in names
    ]
    missing = names - {n[:-4] for n in texts}
    if missing:
        raise SetupError(f"--polnear {src.folder}: no text for {sorted(missing)[:3]} ...")
    files = {corpora.POLNEAR_METADATA: "".join(lines[:1] + train).encode("utf-8")}
    for folder, target, chosen in (
        (text_dir, corpora.POLNEAR_TEXT, texts),
        (ann_dir, corpora.POLNEAR_ANN, anns),
    ):
        data = src.read([f"{folder}/{n}" for n in chosen])
        files.update({f"{target}/{n}": data[f"{folder}/{n}"] for n in chosen})
    _write(out, files)
    return len(texts)


_COPY = {"ptc": _copy_ptc, "persent": _copy_persent, "babe": _copy_babe, "polnear": _copy_polnear}


def setup(sources: dict[str, Path], *, cache: Path | None = None) -> dict[str, dict]:
    """Copy each given corpus's development part into the cache; return what was done.

    Every source is checked before anything is written. A corpus already in the cache is
    replaced whole (its folder is removed first), so a cache never mixes two versions.
    """
    unknown = set(sources) - set(PINS)
    if unknown:
        raise SetupError(f"unknown corpus {sorted(unknown)}; choose from {', '.join(PINS)}")
    if not sources:
        raise SetupError("give at least one of --ptc, --persent, --babe, --polnear")
    root = (cache or corpora.cache_root()).expanduser()
    checked = {
        corpus: Source(corpus, Path(folder).expanduser()) for corpus, folder in sources.items()
    }
    done = {}
    for corpus, src in checked.items():
        target = root / corpus
        if target.exists():
            shutil.rmtree(target)
        target.parent.mkdir(parents=True, exist_ok=True)
        count = _COPY[corpus](src, root)
        verified = src.git_dir is not None
        provenance = {
            "repository": f"https://github.com/{src.pin.repo}",
            "commit": src.pin.commit if verified else None,
            "pinned_commit": src.pin.commit,
            "read_from": str(src.folder),
            "commit_verified": verified,
            "count": count,
        }
        (target / "PROVENANCE.json").write_text(json.dumps(provenance, indent=2) + "\n")
        done[corpus] = provenance
    return done


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    for corpus, pin in PINS.items():
        parser.add_argument(
            f"--{corpus}", type=Path, metavar="DIR", help=f"local copy of github.com/{pin.repo}"
        )
    parser.add_argument(
        "--cache",
        type=Path,
        help=f"cache root (default: ${corpora.ENV_VAR} or {corpora.DEFAULT_CACHE})",
    )
    args = parser.parse_args(argv)
    sources = {c: getattr(args, c) for c in PINS if getattr(args, c) is not None}
    try:
        done = setup(sources, cache=args.cache)
    except SetupError as exc:
        print(f"setup_corpora: {exc}", file=sys.stderr)
        return 2
    root = (args.cache or corpora.cache_root()).expanduser()
    for corpus, info in done.items():
        check = (
            f"commit {info['commit'][:12]} verified"
            if info["commit_verified"]
            else f"plain folder: commit NOT checked (pinned {info['pinned_commit'][:12]})"
        )
        print(f"{corpus}: {info['count']} {_UNIT[corpus]} -> {root / corpus} ({check})")
    return 0


_UNIT = {
    "ptc": "even-id articles",
    "persent": "dev documents",
    "babe": "sentences (readers keep the even rows)",
    "polnear": "train articles",
}


if __name__ == "__main__":
    sys.exit(main())
