"""The HTML report rendered in real headless Chromium: it loads with its images, runs no
script (hostile text included), fetches nothing, and prints to a non-trivial PDF."""

from __future__ import annotations

import os
import re
import struct
from datetime import datetime, timezone

import pytest

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def browser():
    if not os.path.exists(CHROMIUM):
        pytest.skip(f"headless Chromium is not installed at {CHROMIUM} "
                    f"(apt-get install chromium; scripts/test.sh installs it on CI)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            yield b
        finally:
            b.close()


def test_html_report_renders_in_chromium(browser, incidents, hostile, tmp_path):
    from marsad.export.report import make_report

    incidents[0]["claims"][3]["text"] = "The army denied it. " + hostile
    incidents[0]["location"]["name"] = "Khan Shaykhun " + hostile
    rep = make_report(incidents, fmt="html",
                      generated=datetime(2026, 1, 2, tzinfo=timezone.utc))
    path = tmp_path / "report.html"
    path.write_text(rep.text, encoding="utf-8")

    page = browser.new_page(viewport={"width": 1100, "height": 900})
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(path.as_uri(), wait_until="load")

    # no script ran: neither the <script> nor the onerror handler in the hostile text
    assert page.evaluate("typeof window.__xss") == "undefined"
    assert page.evaluate("document.scripts.length") == 0
    # both images decoded, with real sizes
    imgs = page.evaluate("Array.from(document.images).map(i => [i.id, i.complete, "
                         "i.naturalWidth, i.naturalHeight])")
    assert sorted(i[0] for i in imgs) == ["daily", "map"]
    assert all(done and w >= 400 and h >= 300 for _id, done, w, h in imgs), imgs
    # nothing fetched but the page itself and its data: URIs
    assert all(u.startswith(("file:", "data:")) for u in requests), requests
    # the hostile text is shown as text
    body = page.inner_text("body")
    assert "<script>window.__xss=1</script>" in body
    assert page.title() == "Situation report: all areas, 2017-04-04 to 2017-04-08"
    assert "77 \u2013 124+ (best 94)" in body
    assert "Contested claims and denials" in body and "Syrian government" in body

    png = page.screenshot(full_page=True)
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", png[16:24])
    assert width >= 1000 and height > 1500  # a long page, not a blank viewport
    (tmp_path / "report.png").write_bytes(png)
    if os.environ.get("MARSAD_KEEP_RENDER"):
        with open(os.environ["MARSAD_KEEP_RENDER"], "wb") as fh:
            fh.write(png)

    pdf = page.pdf(format="A4", print_background=True)
    assert pdf.startswith(b"%PDF-")
    assert len(pdf) > 50_000  # the two charts are in it
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    assert pages >= 2
    page.close()
