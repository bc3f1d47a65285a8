from __future__ import annotations

import shutil

import pytest

from helpers import Article, ArticleError, ArticleNotFoundError, article_from_text, load_article

from .conftest import SEED_TXT, snapshot


def test_seed_markdown_metadata(seed):
    assert seed.title == (
        "Putin and Kim Jong Un’s terrifying warning to the West as North Korea vows to support war"
    )
    assert (seed.section, seed.date, seed.outlet, seed.url) == ("World", "2023-09-13", None, None)
    assert seed.slug == "putin-kim-summit-2023"
    assert seed.meta["source_file"] == SEED_TXT.name
    assert len(seed.paragraphs) == 17


def test_seed_paragraphs_are_verbatim(seed):
    source = SEED_TXT.read_text(encoding="utf-8")
    source_paragraphs = [p for p in source.split("\n\n")[1:] if p.strip()]
    assert list(seed.paragraphs) == [p.strip() for p in source_paragraphs]
    assert "“special military operation”" in seed.paragraphs[4]
    assert seed.paragraphs[1].startswith("It was the North Korean dictator’s")
    assert seed.title not in seed.paragraphs


def test_seed_txt_format_gives_the_same_article(seed):
    from_txt = load_article(SEED_TXT)
    assert from_txt.paragraphs == seed.paragraphs
    assert from_txt.title == seed.title
    assert from_txt.section == "World"
    assert from_txt.slug == "000_a345f3a04e4062ef"


def test_article_is_frozen(seed):
    with pytest.raises(AttributeError):
        seed.title = "changed"  # type: ignore[misc]
    with pytest.raises(TypeError):
        seed.meta["title"] = "changed"  # type: ignore[index]


@pytest.mark.parametrize(
    ("text", "title", "section", "paragraphs"),
    [
        ("Headline\n\nOne.\n\nTwo.", "Headline", None, ("One.", "Two.")),
        ("\n\nHeadline | Sport | News\n\nOne.", "Headline", "Sport", ("One.",)),
        (
            "Headline | UK | Politics | News\nOne.\nTwo.",
            "Headline",
            "UK | Politics",
            ("One.", "Two."),
        ),
        (
            "# Headline\n\nA wrapped\nparagraph.\n\nNext.",
            "Headline",
            None,
            ("A wrapped paragraph.", "Next."),
        ),
        ("Headline\r\n\r\nWindows line ends.\r\n", "Headline", None, ("Windows line ends.",)),
        ("---\ntitle: T\nsection: S\n---\nBody.", "T", "S", ("Body.",)),
        ("---\ntitle: T\nextra: [1, 2]\n---\n\nBody.", "T", None, ("Body.",)),
    ],
)
def test_article_from_text(text, title, section, paragraphs):
    article = article_from_text(text)
    assert isinstance(article, Article)
    assert (article.title, article.section, article.paragraphs) == (title, section, paragraphs)


def test_front_matter_keeps_unknown_keys_and_dates():
    article = article_from_text(
        "---\ntitle: T\ndate: 2024-02-29\nlabels: {war: [a, b]}\n---\nBody."
    )
    assert article.date == "2024-02-29"
    assert article.meta["labels"] == {"war": ["a", "b"]}


def test_utf8_bom_is_accepted(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes("\ufeffHeadline\n\nBody “quoted”.".encode())
    assert load_article(path).title == "Headline"


BAD_FILES = {
    "empty": (b"", "is empty"),
    "whitespace": (b"  \n\n \t\n", "is empty"),
    "headline_only": (b"Just a headline | World | News\n", "no body paragraphs"),
    "front_matter_only": (b"---\ntitle: T\n---\n", "no body paragraphs"),
    "windows_1252": ("Headline\n\nHe said “no”.".encode("cp1252"), "Windows-1252"),
    "latin_1": ("Headline\n\nCaf\xe9 society.".encode("latin-1"), "not valid UTF-8"),
    "binary": (bytes(range(256)) * 4, "binary"),
    "malformed_yaml": (b"---\ntitle: [unclosed\n---\nBody.", "malformed YAML front matter"),
    "unclosed_front_matter": (b"---\ntitle: T\n\nBody.", "never closed"),
    "front_matter_not_mapping": (b"---\n- a\n- b\n---\nBody.", "must be a mapping"),
    "yaml_python_tag": (
        b"---\ntitle: !!python/object/apply:os.system ['true']\n---\nB.",
        "malformed",
    ),
    "title_not_text": (b"---\ntitle: [a, b]\n---\nBody.", "'title' must be a non-empty string"),
}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_bad_files_raise_one_clear_error_and_write_nothing(tmp_path, name):
    content, problem = BAD_FILES[name]
    path = tmp_path / f"{name}.md"
    path.write_bytes(content)
    before = snapshot(tmp_path)
    with pytest.raises(ArticleError) as info:
        load_article(path)
    assert str(path) in str(info.value)
    assert problem in str(info.value)
    assert isinstance(info.value, ValueError)
    assert snapshot(tmp_path) == before


def test_missing_file(tmp_path):
    with pytest.raises(ArticleNotFoundError, match="no such file") as info:
        load_article(tmp_path / "nope.md")
    assert isinstance(info.value, FileNotFoundError)
    assert list(tmp_path.iterdir()) == []


def test_directory(tmp_path):
    with pytest.raises(ArticleNotFoundError, match="is a directory"):
        load_article(tmp_path)


def test_loading_leaves_the_source_untouched(tmp_path):
    copy = tmp_path / SEED_TXT.name
    shutil.copy2(SEED_TXT, copy)
    before, stat = snapshot(tmp_path), copy.stat()
    load_article(copy)
    assert snapshot(tmp_path) == before
    assert copy.stat().st_mtime_ns == stat.st_mtime_ns


def test_error_pickles_for_worker_processes():
    import pickle

    err = ArticleError("a.md", "is empty")
    again = pickle.loads(pickle.dumps(err))
    assert (again.path, again.problem, str(again)) == ("a.md", "is empty", "a.md: is empty")
