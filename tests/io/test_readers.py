"""Every bad-input kind becomes an error record in its place; good input becomes a record."""

from __future__ import annotations

import codecs
import io

from dyad.errors import Errors
from dyad.io import InputError, InputRecord, iter_inputs, read_jsonl


def one(path, **kw):
    items = list(iter_inputs([str(path)], **kw))
    assert len(items) == 1
    return items[0]


def test_text_file_is_a_record(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("Russia and China signed a deal on Monday.", encoding="utf-8")
    item = one(p, published="2024-01-02")
    assert isinstance(item, InputRecord)
    assert item.text.startswith("Russia")
    assert item.meta["published"] == "2024-01-02"


def test_empty_and_whitespace_files(tmp_path):
    for name, data in (("empty.txt", b""), ("ws.txt", b"  \n\t \n")):
        p = tmp_path / name
        p.write_bytes(data)
        item = one(p)
        assert isinstance(item, InputError)
        assert item.error.code is Errors.E001


def test_binary_files(tmp_path):
    for name, data in (("a.pdf", b"%PDF-1.7\n%\xe2\xe3"), ("b.png", b"\x89PNG\r\n\x1a\n\x00\x00"),
                       ("c.bin", b"abc\x00\x01\x02def" * 10)):
        p = tmp_path / name
        p.write_bytes(data)
        item = one(p)
        assert isinstance(item, InputError), name
        assert item.error.code is Errors.E002


def test_invalid_utf8(tmp_path):
    p = tmp_path / "bad.txt"
    p.write_bytes("Seoul said \u201cno\u201d.".encode() + b"\xff\xfe\xfa broken")
    item = one(p)
    assert isinstance(item, InputError)
    assert item.error.code is Errors.E003


def test_utf16_with_bom_is_read(tmp_path):
    p = tmp_path / "u16.txt"
    p.write_bytes(codecs.BOM_UTF16_LE + "Kim met Putin in Vladivostok.".encode("utf-16-le"))
    item = one(p)
    assert isinstance(item, InputRecord)
    assert item.text == "Kim met Putin in Vladivostok."


def test_directory_and_missing_file(tmp_path):
    item = one(tmp_path)
    assert isinstance(item, InputError) and item.error.code is Errors.E008
    item = one(tmp_path / "gone.txt")
    assert isinstance(item, InputError) and item.error.code is Errors.E007


def test_html_suffix_and_sniffing(tmp_path):
    p = tmp_path / "page.html"
    p.write_text("<html><body><p>Hello</p></body></html>", encoding="utf-8")
    assert one(p).html is not None
    q = tmp_path / "page.txt"
    q.write_text("<!DOCTYPE html><html><body><p>Hello</p></body></html>", encoding="utf-8")
    assert one(q).html is not None


def test_jsonl_bad_lines_do_not_stop_the_rest():
    lines = [b'{"id": "a", "text": "One."}\n', b"not json\n", b"[1, 2]\n", b'{"id": "d"}\n',
             b'{"id": "e", "html": "<p>x</p>", "published": "2024-06-19"}\n']
    items = list(read_jsonl(io.BytesIO(b"".join(lines)), "in.jsonl"))
    assert [type(i).__name__ for i in items] == ["InputRecord", "InputError", "InputError", "InputError",
                                                 "InputRecord"]
    assert items[1].error.code is Errors.E004
    assert items[2].error.code is Errors.E004
    assert items[3].error.code is Errors.E005 and items[3].id == "d"
    assert items[4].meta["published"] == "2024-06-19"


def test_size_limit(tmp_path):
    p = tmp_path / "big.txt"
    p.write_text("word " * 1000, encoding="utf-8")
    item = one(p, limit=100)
    assert isinstance(item, InputError) and item.error.code is Errors.E009


def test_metadata_sidecar_fills_in_what_the_command_line_does_not_give(tmp_path):
    p = tmp_path / "story.txt"
    p.write_text("Russia and China signed a deal on Monday.", encoding="utf-8")
    (tmp_path / "story.meta.json").write_text(
        '{"published": "2024-06-19", "url": "https://example.org/a", "ignored": 1}', encoding="utf-8")
    item = one(p)
    assert isinstance(item, InputRecord)
    assert item.meta == {"published": "2024-06-19", "url": "https://example.org/a"}
    assert one(p, published="2024-01-02").meta["published"] == "2024-01-02"


def test_bad_sidecar_is_an_error_record_and_the_rest_go_on(tmp_path):
    bad, good = tmp_path / "bad.txt", tmp_path / "good.txt"
    for p in (bad, good):
        p.write_text("Russia and China signed a deal on Monday.", encoding="utf-8")
    (tmp_path / "bad.meta.json").write_text("{not json", encoding="utf-8")
    items = list(iter_inputs([str(bad), str(good)]))
    assert isinstance(items[0], InputError) and items[0].error.code is Errors.E012
    assert isinstance(items[1], InputRecord) and items[1].meta == {}
