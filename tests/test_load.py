"""Load: encodings, markup, metadata sidecars, skipped files and exact sentence offsets."""

from __future__ import annotations

import codecs
import re
from pathlib import Path

import pytest

from conftest import SEED_CORPUS, Kg, assert_clean_failure, assert_ok
from kg.load import load_corpus, load_document, split_sentences
from kg.store import open_store

NEWS = "青岛市服务贸易进出口额达到1000亿元。商务部印发《服务贸易发展规划》！"
UNDECODABLE = b"abc\xff\x80\xfe" * 10  # neither UTF-8 nor GB18030


def write(folder: Path, name: str, data: str | bytes) -> Path:
    path = folder / name
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


# ---------------------------------------------------------------- encodings
@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "gbk", "utf-16"])
def test_encodings_decode_to_the_same_text(tmp_path: Path, encoding: str) -> None:
    doc = load_document(write(tmp_path, f"news-{encoding}.txt", NEWS.encode(encoding)))
    assert doc.text == NEWS  # no BOM left at the start, no mojibake


def test_gb18030_characters_outside_gbk(tmp_path: Path) -> None:
    text = "𠀀号企业在青岛落户，€结算。"
    assert load_document(write(tmp_path, "rare.txt", text.encode("gb18030"))).text == text


def test_undecodable_bytes_are_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="not readable as UTF-8, UTF-16 or GB18030"):
        load_document(write(tmp_path, "binary.txt", UNDECODABLE))


@pytest.mark.parametrize("suffix", [".txt", ".md", ".html"])
def test_line_endings_are_normalised(tmp_path: Path, suffix: str) -> None:
    doc = load_document(write(tmp_path, f"crlf{suffix}", "第一段。\r\n\r\n第二段。\r第三段。\r\n"))
    assert "\r" not in doc.text
    assert [s.text for s in split_sentences(doc.text)] == ["第一段。", "第二段。", "第三段。"]


# ---------------------------------------------------------------- markup
def test_markdown_syntax_is_stripped(tmp_path: Path) -> None:
    markdown = (
        "# 杭州数字贸易发展提速\n\n"
        "## 一、总体情况\n\n"
        "**杭州**举办[全球数字贸易博览会](https://example.org/expo)，![展馆](img/hall.png)\n\n"
        "> 引用：数字贸易是重点。\n\n"
        "- 第一条 `代码`\n"
        "* 第二条\n\n"
        "---\n"
    )
    text = load_document(write(tmp_path, "news.md", markdown)).text
    lines = [line for line in text.splitlines() if line.strip()]
    assert lines == ["杭州数字贸易发展提速", "一、总体情况", "杭州举办全球数字贸易博览会，展馆",
                     "引用：数字贸易是重点。", "第一条 代码", "第二条"]


def test_html_keeps_visible_text_only(tmp_path: Path) -> None:
    html = (
        "<html><head><title>对接会</title><style>p { color: red; }</style>"
        "<script>var x = '脚本文字';</script></head><body>"
        "<h1>杭州举办服务贸易对接会</h1>"
        "<p>近日，<b>市商务局</b>在<a href='/hz'>杭州</a>举办对接会&amp;洽谈会。</p>"
        "<ul><li>120家企业参会</li><li>签约&lt;10&gt;项</li></ul>"
        "<!-- 注释不显示 --></body></html>"
    )
    text = load_document(write(tmp_path, "page.html", html)).text
    for hidden in ("脚本文字", "color", "注释", "<b>", "&amp;", "href"):
        assert hidden not in text
    lines = text.split("\n\n")
    assert "近日，市商务局在杭州举办对接会&洽谈会。" in lines  # inline tags do not break a sentence
    assert "120家企业参会" in lines and "签约<10>项" in lines  # block tags do; entities decoded


def test_html_in_gbk_with_entities(tmp_path: Path) -> None:
    html = "<p>成都市&nbsp;服务贸易</p><p>增长&#49;2.6%</p>"
    text = load_document(write(tmp_path, "gbk.htm", html.encode("gbk"))).text
    assert text == "成都市\xa0服务贸易\n\n增长12.6%"


# ---------------------------------------------------------------- metadata
def test_sidecar_metadata_is_read(tmp_path: Path) -> None:
    write(tmp_path, "chengdu.txt", "成都服务贸易规模再创新高\n\n正文。")
    write(tmp_path, "chengdu.meta.yaml", "title: 成都服务贸易\npublisher: 成都日报\ndate: 2025-03-27\n"
                                         "source: https://example.org/1\nplace: 成都市\nkind: news\nextra: ignored\n")
    meta = load_document(tmp_path / "chengdu.txt").meta
    assert (meta.title, meta.publisher, meta.date, meta.source, meta.place, meta.kind) == (
        "成都服务贸易", "成都日报", "2025-03-27", "https://example.org/1", "成都市", "news")
    assert meta.year == 2025


def test_without_sidecar_the_title_is_the_first_line(tmp_path: Path) -> None:
    meta = load_document(write(tmp_path, "x.md", "\n\n# 杭州数字贸易发展提速\n\n正文。")).meta
    assert meta.title == "杭州数字贸易发展提速"
    assert meta.publisher is None and meta.date is None and meta.place is None


def test_seed_documents_have_their_metadata() -> None:
    documents, problems = load_corpus(SEED_CORPUS)
    assert problems == []
    assert len(documents) == len(list(SEED_CORPUS.glob("*.meta.yaml"))) >= 5
    for doc in documents:
        assert doc.meta.title and doc.meta.publisher and doc.meta.date and doc.meta.source
        assert doc.meta.title != doc.path.stem


# ---------------------------------------------------------------- skipped files
@pytest.fixture
def mixed_folder(tmp_path: Path) -> Path:
    """Two good documents (UTF-8 and GBK), an empty one, a blank one, an undecodable one,
    one with a broken sidecar, and files that are not documents at all."""
    folder = tmp_path / "corpus"
    (folder / "sub").mkdir(parents=True)
    write(folder, "good.txt", NEWS)
    write(folder / "sub", "gbk.txt", "杭州市商务局发布《杭州市数字贸易促进条例》。".encode("gbk"))
    write(folder, "empty.txt", b"")
    write(folder, "blank.md", "\n  \n\t\n")
    write(folder, "binary.txt", UNDECODABLE)
    write(folder, "badmeta.txt", "成都服务贸易稳步增长。")
    write(folder, "badmeta.meta.yaml", "- just\n- a list\n")
    write(folder, "notes.pdf", b"%PDF-1.4")
    write(folder, ".hidden.txt", "隐藏文件。")
    return folder


def test_bad_files_are_reported_by_name_and_skipped(mixed_folder: Path) -> None:
    documents, problems = load_corpus(mixed_folder)
    assert [d.doc_id for d in documents] == ["good", "gbk"]
    reasons = {p.path.name: p.reason for p in problems}
    assert set(reasons) == {"empty.txt", "blank.md", "binary.txt", "badmeta.txt"}
    assert reasons["empty.txt"] == reasons["blank.md"] == "empty document"
    assert "UTF-8" in reasons["binary.txt"]
    assert "metadata" in reasons["badmeta.txt"]


def test_missing_folder_raises() -> None:
    with pytest.raises(FileNotFoundError):
        load_corpus(Path("/nonexistent/corpus"))


def test_build_goes_on_past_bad_files(kg: Kg, mixed_folder: Path, tmp_path: Path) -> None:
    result = assert_ok(kg("build", "--corpus", mixed_folder, "--store", tmp_path / "store"))
    for name in ("empty.txt", "blank.md", "binary.txt", "badmeta.txt"):
        assert re.search(rf"skipped \S*{re.escape(name)}: \S", result.stderr), name
    assert "2 documents, 4 skipped" in result.stdout
    store = open_store(tmp_path / "store", read_only=True)
    assert sorted(g.rsplit("/", 1)[-1] for g in store.graphs()) == ["gbk", "good", "ontology"]


def test_build_of_only_bad_files_fails_and_keeps_the_store(kg: Kg, mixed_folder: Path, tmp_path: Path) -> None:
    store_dir = tmp_path / "store"
    assert_ok(kg("build", "--corpus", mixed_folder, "--store", store_dir))
    before = open_store(store_dir, read_only=True).dump("nquads")
    for good in ("good.txt", "sub/gbk.txt"):
        (mixed_folder / good).unlink()
    assert_clean_failure(kg("build", "--corpus", mixed_folder, "--store", store_dir),
                         "no readable documents", "empty.txt")
    assert open_store(store_dir, read_only=True).dump("nquads") == before


# ---------------------------------------------------------------- sentences
def test_sentence_boundaries() -> None:
    text = ("  青岛获批。“要加快发展！”他说？是的?!\n"
            "第二段没有句号\n\n"
            "第三段；分号后继续（注）。最后")
    assert [s.text for s in split_sentences(text)] == [
        "青岛获批。", "“要加快发展！”", "他说？", "是的?!", "第二段没有句号", "第三段；", "分号后继续（注）。", "最后"]


def test_sentence_offsets_are_exact_on_the_seed_corpus() -> None:
    documents, _ = load_corpus(SEED_CORPUS)
    for doc in documents:
        sentences = split_sentences(doc.text)
        assert [s.index for s in sentences] == list(range(len(sentences)))
        for s in sentences:
            assert doc.text[s.start:s.end] == s.text and s.text == s.text.strip() and s.text
        for a, b in zip(sentences, sentences[1:]):
            assert a.end <= b.start
        # nothing but white space falls between sentences
        assert re.sub(r"\s", "", "".join(s.text for s in sentences)) == re.sub(r"\s", "", doc.text)


def test_bom_is_not_part_of_the_first_sentence(tmp_path: Path) -> None:
    doc = load_document(write(tmp_path, "bom.txt", codecs.BOM_UTF8 + NEWS.encode()))
    first = split_sentences(doc.text)[0]
    assert (first.start, first.text) == (0, "青岛市服务贸易进出口额达到1000亿元。")
