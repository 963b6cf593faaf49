"""The review page in a real headless Chromium (Playwright for Python).

Needs ``pip install playwright`` and a Chromium binary (Debian:
``apt-get install chromium``; ``/usr/bin/chromium``, or set
``CLAIMSIFT_CHROMIUM``). Never ``playwright install``: the system Chromium
is driven directly. Without them these tests skip, unless
``CLAIMSIFT_REQUIRE_BROWSER=1`` (CI), where they fail.
"""

from __future__ import annotations

import json
import os
import shutil
import struct
import sys
import time
import zlib
from collections import Counter
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_review import build_claims, write_jsonl  # noqa: E402

from pipeline import review as rv  # noqa: E402
from pipeline.models import Claim  # noqa: E402

REQUIRE = os.environ.get("CLAIMSIFT_REQUIRE_BROWSER") == "1"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


def _chromium_path() -> str | None:
    env = os.environ.get("CLAIMSIFT_CHROMIUM")
    if env:
        return env if Path(env).exists() else None
    for candidate in ("/usr/bin/chromium", shutil.which("chromium"), shutil.which("chromium-browser")):
        if candidate and Path(candidate).exists():
            return candidate
    return None


def _unavailable(reason: str):
    if REQUIRE:
        pytest.fail(f"{reason} (and CLAIMSIFT_REQUIRE_BROWSER=1)", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="module")
def browser():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("playwright is not installed (pip install playwright)")
    exe = _chromium_path()
    if exe is None:
        _unavailable("no Chromium found (apt-get install chromium, or set CLAIMSIFT_CHROMIUM)")
    pw = sync_playwright().start()
    try:
        b = pw.chromium.launch(executable_path=exe, args=CHROMIUM_ARGS)
    except Exception as exc:  # pragma: no cover - depends on the machine
        pw.stop()
        _unavailable(f"Chromium at {exe} did not start: {exc}")
    yield b
    b.close()
    pw.stop()


@pytest.fixture(scope="module")
def synthetic():
    return build_claims()


@pytest.fixture(scope="module")
def page_url(tmp_path_factory, synthetic):
    d = tmp_path_factory.mktemp("review")
    claims_path = write_jsonl(d / "claims.jsonl", synthetic[0])
    n, errors = rv.write_review(claims_path, d / "review.html")
    assert (n, errors) == (30, [])
    return (d / "review.html").as_uri()


def _open(browser, url, **kw):
    """A fresh context (own localStorage) with the page loaded; page errors fail the test."""
    ctx = browser.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True, **kw)
    page = ctx.new_page()
    page.errors = []
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    page.on("console", lambda m: page.errors.append(m.text) if m.type == "error" else None)
    page.on("request", lambda r: page.errors.append("network: " + r.url) if r.url.startswith(("http:", "https:")) else None)
    page.goto(url)
    page.wait_for_selector("body[data-ready='1']", timeout=10_000)
    return ctx, page


@pytest.fixture
def page(browser, page_url):
    ctx, page = _open(browser, page_url)
    yield page
    errors = page.errors
    ctx.close()
    assert errors == []


def visible_ids(page) -> list[str]:
    return page.eval_on_selector_all("#claims article.claim", "els => els.map(e => e.dataset.id)")


def shown_count(page) -> int:
    return int(page.get_attribute("#result-count", "data-count"))


def select(page, name: str, value: str) -> None:
    page.select_option(f"#f-{name}", value)


# ---------------------------------------------------------------------------


def test_page_shows_claims_grouped_with_highlights(page, synthetic):
    claims, _ = synthetic
    by_id = {c.id: c for c in claims}
    assert visible_ids(page) == [c.id for c in claims]
    assert page.eval_on_selector_all("#claims section.doc", "els => els.map(e => e.dataset.doc)") == [
        "news/article-1.txt", "news/article-2.txt", "news/article-3.txt"]
    cards = page.eval_on_selector_all(
        "#claims article.claim",
        """els => els.map(e => {
            const t = sel => Array.from(e.querySelectorAll('.sentence ' + sel)).map(s => s.textContent);
            return {id: e.dataset.id, sentence: e.querySelector('.sentence').textContent,
                    claim: t('.hl-claim').join(''), speaker: t('.hl-speaker').join(''), cue: t('.hl-cue').join(''),
                    cert: t('.hl-cert').join('|'), date: t('.hl-date').join('|'), said: t('.hl-saidon').join('')};
        })""",
    )
    for card in cards:
        c = by_id[card["id"]]
        assert card["sentence"] == c.sentence.text
        assert card["claim"] == c.claim.text  # code-point offsets hold with the emoji claim too
        assert card["speaker"] == (c.speaker.text or "")
        assert card["cue"] == (c.cue.text if c.cue else "")
        assert card["cert"] == "|".join(q.text for q in c.certainty.cues)
        assert card["date"] == "|".join(d.text for d in c.dates)
        assert card["said"] == (c.said_on.text if c.said_on else "")
    # the </script> claim is text on the page, not markup
    assert page.locator("#claims .sentence b").count() == 0
    assert "</script><b>nothing</b>" in page.inner_text("#claims")
    # the legend shows every highlight style, each looking different
    styles = page.eval_on_selector_all(
        ".legend .hl",
        "els => els.map(e => { const s = getComputedStyle(e); return [s.backgroundColor, s.color, s.outlineColor + s.outlineStyle, s.textDecorationLine + s.textDecorationStyle].join(';'); })",
    )
    assert len(styles) == 7 and len(set(styles)) == 7


def test_filters_change_what_is_visible(page, synthetic):
    claims, _ = synthetic

    def expect(**kw):
        want = [c.id for c in claims if all(
            {"speaker": rv.speaker_key(c), "level": c.certainty.level, "polarity": c.certainty.polarity,
             "kind": c.kind, "doc": c.doc_id}[k] == v for k, v in kw.items())]
        assert want, kw
        assert visible_ids(page) == want
        assert shown_count(page) == len(want)

    select(page, "speaker", "Tom Okafor")
    expect(speaker="Tom Okafor")
    assert set(page.eval_on_selector_all("#claims article.claim", "els => els.map(e => e.dataset.speaker)")) == {"Tom Okafor"}
    select(page, "speaker", "")
    select(page, "level", "possible")
    expect(level="possible")
    select(page, "polarity", "negative")
    expect(level="possible", polarity="negative")
    page.click("#f-reset")
    assert len(visible_ids(page)) == 30
    select(page, "kind", "according_to")
    expect(kind="according_to")
    select(page, "kind", "")
    select(page, "doc", "news/article-2.txt")
    expect(doc="news/article-2.txt")
    select(page, "doc", "")
    # free text: words must all occur (claim, sentence or speaker), any case
    page.fill("#f-text", "BRIDGE reopen")
    page.wait_for_function("document.getElementById('result-count').dataset.count !== '30'")
    want = [c.id for c in rv.filter_claims(claims, text="bridge reopen")]
    assert want and visible_ids(page) == want
    page.fill("#f-text", "no such words here")
    page.wait_for_function("document.getElementById('result-count').dataset.count === '0'")
    assert visible_ids(page) == [] and "No claims match" in page.inner_text("#claims")
    # filters live in the URL: a reload keeps them
    page.fill("#f-text", "")
    select(page, "level", "unknown")
    page.reload()
    page.wait_for_selector("body[data-ready='1']")
    assert page.input_value("#f-level") == "unknown"
    expect(level="unknown")


def test_speaker_index_counts(page, synthetic):
    claims, _ = synthetic
    rows = page.eval_on_selector_all(
        "#speaker-index .speaker-item",
        "els => els.map(e => [e.dataset.speaker, +e.querySelector('.count').textContent])",
    )
    want = Counter(rv.speaker_key(c) for c in claims)
    assert dict(rows) == dict(want)
    counts = [n for _, n in rows]
    assert counts == sorted(counts, reverse=True)
    # clicking a speaker filters to them; clicking again clears
    page.click("#speaker-index .speaker-item[data-speaker='AUTHOR']")
    assert shown_count(page) == want["AUTHOR"]
    page.fill("#speaker-find", "okaf")
    assert page.eval_on_selector_all("#speaker-index .speaker-item", "els => els.map(e => e.dataset.speaker)") == ["Tom Okafor"]
    page.fill("#speaker-find", "")
    page.click("#speaker-index .speaker-item[data-speaker='AUTHOR']")
    assert shown_count(page) == 30


def _timeline_key(value, published):
    """The order the page promises: TIMEX3 value as a date (weeks → their Monday)."""
    import datetime as dt

    if not value:
        return None
    if "-W" in value:
        year, week = value.split("-W")
        return dt.date.fromisocalendar(int(year), int(week), 1).isoformat()
    return value


def test_timeline_date_keys(page):
    import datetime as dt

    cases = {
        "2025-W09": dt.date.fromisocalendar(2025, 9, 1).isoformat(),
        "2020-W01": dt.date.fromisocalendar(2020, 1, 1).isoformat(),  # a Monday in December 2019
        "2026-W53": dt.date.fromisocalendar(2026, 53, 1).isoformat(),
        "2024-Q3": "2024-07", "2025-SU": "2025-06", "2023-10-05": "2023-10-05", "2028": "2028",
        "PRESENT_REF": "2025-03-01", "P2Y": "", "19": "",
    }
    got = page.evaluate("cases => Object.fromEntries(Object.keys(cases).map(k => [k, window.claimsift.dateKey(k, '2025-03-01')]))", cases)
    assert got == cases


def test_timeline_orders_by_said_on(page, synthetic):
    claims, _ = synthetic
    for speaker in ("Maria Delgado", "Tom Okafor", "Metro Transit Agency"):
        page.click(f"#speaker-index .speaker-item[data-speaker='{speaker}']")
        items = page.eval_on_selector_all("#timeline .tl-item", "els => els.map(e => e.dataset.id)")
        mine = [c for c in claims if rv.speaker_key(c) == speaker]
        assert sorted(items) == sorted(c.id for c in mine)
        by_id = {c.id: c for c in mine}
        keys = [_timeline_key(by_id[i].said_on and by_id[i].said_on.value, by_id[i].published) for i in items]
        dated = [k for k in keys if k]
        assert dated and dated == sorted(dated), (speaker, keys)
        assert keys == dated + [None] * (len(keys) - len(dated)), "undated claims come last"
        page.click("#speaker-index .speaker-item[aria-current='true']")  # clear
    assert page.is_hidden("#timeline")
    # clicking a timeline entry brings its claim into view
    page.click("#speaker-index .speaker-item[data-speaker='Maria Delgado']")
    first = page.get_attribute("#timeline .tl-item >> nth=0", "data-id")
    page.click("#timeline .tl-item >> nth=0")
    assert page.locator(f"#claims article.claim[data-id='{first}']").is_visible()


def test_marks_export_gold_jsonl(page, synthetic):
    claims, _ = synthetic
    right = [c for i, c in enumerate(claims) if i % 3 != 2]
    wrong = [c for i, c in enumerate(claims) if i % 3 == 2]
    for c in right:
        page.click(f"#claims article.claim[data-id='{c.id}'] button.mark-right")
    for c in wrong:
        page.click(f"#claims article.claim[data-id='{c.id}'] button.mark-wrong")
    # toggling: a second click clears, a third sets again
    c0 = right[0]
    page.click(f"#claims article.claim[data-id='{c0.id}'] button.mark-right")
    assert page.get_attribute(f"#claims article.claim[data-id='{c0.id}'] button.mark-right", "aria-pressed") == "false"
    page.click(f"#claims article.claim[data-id='{c0.id}'] button.mark-right")
    assert "is-right" in page.get_attribute(f"#claims article.claim[data-id='{c0.id}']", "class")
    assert "20 right" in page.inner_text("#markcount").replace("✓ ", "")

    page.click("#tab-export")
    gold_lines = page.input_value("#gold-jsonl").splitlines()
    wrong_lines = page.input_value("#wrong-jsonl").splitlines()
    marks = {c.id: "right" for c in right} | {c.id: "wrong" for c in wrong}
    want_gold, want_wrong = rv.marks_to_gold(claims, marks)
    # the page and pipeline.review agree on the gold shape, keys included
    assert [json.loads(x) for x in gold_lines] == want_gold
    assert [json.loads(x) for x in wrong_lines] == want_wrong
    first = json.loads(gold_lines[0])
    assert set(first) <= {"doc", "speaker", "keys", "level", "polarity", "said_on"}
    assert all("wrong" not in json.loads(x) for x in gold_lines)

    with page.expect_download() as dl:
        page.click("#download-gold")
    download = dl.value
    assert download.suggested_filename == "claims.gold.jsonl"
    assert Path(download.path()).read_text(encoding="utf-8").splitlines() == gold_lines
    with page.expect_download() as dl:
        page.click("#download-wrong")
    assert Path(dl.value.path()).read_text(encoding="utf-8").splitlines() == wrong_lines

    # marks survive a reload (localStorage)
    page.reload()
    page.wait_for_selector("body[data-ready='1']")
    page.click("#tab-claims")
    pressed = page.eval_on_selector_all(
        "#claims article.claim",
        "els => Object.fromEntries(els.map(e => [e.dataset.id, e.classList.contains('is-right') ? 'right' : e.classList.contains('is-wrong') ? 'wrong' : '']))",
    )
    assert pressed == marks
    select(page, "mark", "wrong")
    assert visible_ids(page) == [c.id for c in wrong]


def test_keyboard_review(page, synthetic):
    claims, _ = synthetic
    ids = [c.id for c in claims]

    def state():
        return page.eval_on_selector_all(
            "#claims article.claim",
            "els => els.map(e => (e.classList.contains('current') ? '>' : '') + (e.classList.contains('is-right') ? 'R' : e.classList.contains('is-wrong') ? 'W' : '-'))",
        )[:4]

    page.keyboard.press("j")
    assert state() == [">-", "-", "-", "-"]
    page.keyboard.press("r")  # mark right, move on
    page.keyboard.press("w")
    assert state() == ["R", "W", ">-", "-"]
    page.keyboard.press("k")
    page.keyboard.press("u")  # unmark the second, move on
    assert state() == ["R", "-", ">-", "-"]
    page.keyboard.press("/")
    page.keyboard.type("j")  # typing in the search box is not a command
    assert page.input_value("#f-text") == "j"
    page.click("#tab-export")
    assert [json.loads(x)["doc"] for x in page.input_value("#gold-jsonl").splitlines()] == [claims[0].doc_id]
    assert page.input_value("#wrong-jsonl") == ""
    assert ids[0].endswith("#1")
    page.on("dialog", lambda d: d.accept())
    page.click("#clear-marks")
    assert page.input_value("#gold-jsonl") == ""


def test_screenshot(page, tmp_path):
    page.click("#speaker-index .speaker-item[data-speaker='Maria Delgado']")
    page.click("#claims article.claim >> nth=0 >> button.mark-right")
    shot = tmp_path / "review.png"
    page.screenshot(path=str(shot), full_page=False)
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height, rows = _png_rows(data)
    assert (width, height) == (1400, 1000)
    assert len(set(rows)) > 200, "the screenshot looks blank"
    assert len(data) > 40_000


def _png_rows(data: bytes) -> tuple[int, int, list[bytes]]:
    """Width, height and the (filtered) scanlines of a non-interlaced PNG."""
    pos, idat = 8, b""
    width = height = 0
    bpp = 4
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind = data[pos + 4 : pos + 8]
        body = data[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, color = struct.unpack(">IIBB", body[:10])
            bpp = {2: 3, 6: 4, 0: 1, 4: 2}.get(color, 4) * depth // 8
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = 1 + width * bpp
    return width, height, [raw[i * stride : (i + 1) * stride] for i in range(height)]


def test_odd_offsets_and_empty_file(browser, tmp_path, synthetic):
    """Spans that do not fit their sentence are found by text, clamped or skipped, never fatal."""
    base = synthetic[0][1].model_dump(mode="json")  # Tom Okafor, direct
    s0, s1 = base["sentence"]["start"], base["sentence"]["end"]
    long = json.loads(json.dumps(base))
    long["id"] = "odd#1"
    long["claim"] = {"text": "a quote that runs on into the next sentence", "start": s0 + 1, "end": s1 + 40}
    moved = json.loads(json.dumps(base))
    moved["id"] = "odd#2"
    moved["speaker"]["start"], moved["speaker"]["end"] = 0, 3  # wrong offsets, text still in the sentence
    moved["certainty"]["cues"] = [{"text": "nowhere", "category": "hedge", "start": 10**6, "end": 10**6 + 7}]
    odd = [Claim.model_validate(x) for x in (long, moved)]
    path = tmp_path / "odd.html"
    path.write_text(rv.render_review(odd), encoding="utf-8")
    ctx, page = _open(browser, path.as_uri())
    assert page.inner_text("article.claim[data-id='odd#1'] .full-claim") == "claim " + long["claim"]["text"]
    assert page.eval_on_selector_all("article.claim[data-id='odd#1'] .hl-claim", "els => els.length") > 0
    assert page.inner_text("article.claim[data-id='odd#2'] .sentence .hl-speaker") == moved["speaker"]["text"]
    assert page.locator("article.claim[data-id='odd#2'] .sentence .hl-cert").count() == 0
    errors = page.errors
    ctx.close()
    assert errors == []

    empty = tmp_path / "empty.html"
    empty.write_text(rv.render_review([]), encoding="utf-8")
    ctx, page = _open(browser, empty.as_uri())
    assert "This file has no claims." in page.inner_text("#claims")
    assert page.errors == []
    ctx.close()


def test_self_contained_no_network(browser, tmp_path, synthetic):
    """The page loads and works with every network request refused."""
    path = tmp_path / "offline.html"
    path.write_text(rv.render_review(synthetic[0]), encoding="utf-8")
    ctx = browser.new_context(offline=True)
    requests = []
    ctx.on("request", lambda r: requests.append(r.url))
    page = ctx.new_page()
    page.goto(path.as_uri())
    page.wait_for_selector("body[data-ready='1']")
    assert shown_count(page) == 30
    assert [u for u in requests if not u.startswith(("file:", "data:", "blob:"))] == []
    ctx.close()


def test_10000_claims_load_fast(browser, tmp_path):
    claims, _ = build_claims(n_docs=100, per_doc=100)
    path = tmp_path / "big.html"
    path.write_text(rv.render_review(claims, title="big"), encoding="utf-8")
    ctx = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = ctx.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    t0 = time.perf_counter()
    page.goto(path.as_uri())
    page.wait_for_selector("body[data-ready='1']", timeout=10_000)
    loaded = time.perf_counter() - t0
    # interactive: a filter answers and the next page renders
    page.select_option("#f-level", "unknown")
    want = sum(c.certainty.level == "unknown" for c in claims)
    page.wait_for_function(f"document.getElementById('result-count').dataset.count === '{want}'")
    page.click("#pager-top button.next")
    page.wait_for_function("document.querySelector('#pager-top .pageno').textContent.startsWith('page 2 ')")
    interactive = time.perf_counter() - t0
    assert page.locator("#claims article.claim").count() == 50  # one page in the DOM, not 10,000
    ctx.close()
    assert errors == []
    print(f"10,000 claims: ready in {loaded:.2f}s, interactive in {interactive:.2f}s")
    assert interactive < 5.0
