"""The web app in a real browser: Debian's chromium, driven by Playwright, against `dyad serve` on a free port.

Nothing downloads a browser: without /usr/bin/chromium (or $DYAD_CHROMIUM) or the playwright
package these tests skip; `make test` installs chromium when it runs as root. Screenshots go
to a temporary folder, or to $DYAD_SCREENSHOTS (`make screenshots` writes docs/screenshots/).
"""

import os
import re
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from dyad.store import Store
from tests.conftest import REPO, SAMPLES

CHROMIUM = Path(os.environ.get("DYAD_CHROMIUM", "/usr/bin/chromium"))
playwright = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")
if not CHROMIUM.is_file():
    pytest.skip(
        f"no chromium at {CHROMIUM}: install Debian's chromium (make test does, as root)", allow_module_level=True
    )

ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync"]  # fmt: skip


@pytest.fixture(scope="module")
def server(tmp_path_factory, pipeline):
    """The demo database (samples/) served by the real `dyad serve`, in a subprocess."""
    db = tmp_path_factory.mktemp("browser") / "demo.duckdb"
    with Store(db) as store:
        store.ingest([SAMPLES], pipeline=pipeline)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    command = [sys.executable, "-m", "dyad.cli", "serve", "--db", str(db), "--port", str(port)]
    process = subprocess.Popen(command, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120  # a readiness wait, not a timed assertion
    while True:
        try:
            if httpx.get(base + "/api/overview", timeout=5).status_code == 200:
                break
        except httpx.TransportError:
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            pytest.fail(f"dyad serve did not start: {process.stderr.read().decode()}")
        time.sleep(0.2)
    yield base
    process.terminate()
    process.wait(timeout=30)


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    with playwright.sync_playwright() as driver:
        context = driver.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("chromium-profile")),
            executable_path=str(CHROMIUM),
            headless=True,
            args=ARGS,
            viewport={"width": 1200, "height": 900},
        )
        yield context
        context.close()


@pytest.fixture(scope="module")
def shots(tmp_path_factory):
    folder = Path(os.environ.get("DYAD_SCREENSHOTS") or tmp_path_factory.mktemp("screenshots"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture()
def page(browser):
    opened = browser.new_page()
    failed: list[str] = []
    opened.on("requestfailed", lambda request: failed.append(request.url))
    outside: list[str] = []
    opened.on("request", lambda r: None if r.url.startswith(("http://127.0.0.1", "data:")) else outside.append(r.url))
    yield opened
    opened.close()
    assert not failed and not outside, (failed, outside)  # nothing fetched from the internet, nothing broken


def test_every_page_renders(server, page, shots):
    page.goto(server + "/")
    assert page.locator("h1").inner_text() == "Overview"
    counts = page.locator(".counts").inner_text()
    assert "12\narticles" in counts
    assert page.locator("svg.chart rect").count() > 0
    assert page.locator("table.dyads a").first.inner_text().count("–") == 1
    page.screenshot(path=shots / "overview.png", full_page=True)

    page.goto(server + "/dyad/CUB/BLR")
    assert page.locator("h1").inner_text() == "CUB – BLR"
    assert page.locator("svg.chart rect.coop").count() > 0
    assert page.locator("table.happenings tr[data-id]").count() > 0
    page.screenshot(path=shots / "dyad.png", full_page=True)

    page.goto(server + "/network")
    assert page.locator("a.edge").count() >= 5
    page.screenshot(path=shots / "network.png", full_page=True)
    page.locator("#named-actors").click()  # named actors on demand
    page.wait_for_url(server + "/network?by=actor")
    assert page.locator("svg .node text", has_text="Lukashenko").count() == 1
    page.locator("a.edge").first.click()
    page.wait_for_url(re.compile(r"/dyad/[A-Z]{2,3}/[A-Z]{2,3}$"))

    page.goto(server + "/map")
    assert page.locator("svg path[data-country='CUB']").count() == 1
    assert page.locator("a.place").count() > 0
    page.locator("a.place").first.click()
    page.wait_for_url(re.compile(r"/map\?at="))
    assert page.locator("h2", has_text="Happenings at").count() == 1
    assert page.locator("table.happenings tr[data-id]").count() > 0
    page.screenshot(path=shots / "map.png", full_page=True)

    page.goto(server + "/search?q=sanctions")
    assert "results for" in page.locator("h2").inner_text()
    assert page.locator("table.hits a", has_text="happening").count() > 0
    page.screenshot(path=shots / "search.png", full_page=True)


def test_a_filter_is_applied_and_kept_in_the_url(server, page):
    page.goto(server + "/dyad/CUB/BLR")
    every = page.locator("table.happenings tr[data-id]").count()
    page.select_option("select[name=modality]", label="done")
    page.fill("input[name=since]", "2025-01")
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r"modality=asserted.*since=2025-01"))
    badges = page.locator("table.happenings .badge").all_inner_texts()
    assert badges and set(badges) == {"done"} and len(badges) < every
    dates = page.locator("table.happenings tr[data-id] td:first-child").all_inner_texts()
    assert all(d >= "2025-01" for d in dates)
    page.reload()  # the view is the URL: it survives a reload
    assert page.locator("select[name=modality]").input_value() == "asserted"
    page.fill("input[name=since]", "June")
    page.click("button[type=submit]")
    assert "since must be a date" in page.locator(".error").inner_text()


def test_network_to_dyad_to_happening_to_article(server, page, shots):
    page.goto(server + "/network")
    page.locator("a.edge[data-dyad='BLR-CUB']").click()
    page.wait_for_url(server + "/dyad/BLR/CUB")
    assert page.locator("h1").inner_text() == "BLR – CUB"
    link = page.locator("table.happenings tr[data-id] a").first
    link.click()
    page.wait_for_url(re.compile(r"/happening/h"))
    assert {"BLR", "CUB"} <= set(re.findall(r"[A-Z]{3}", page.locator("h1").inner_text()))
    evidence = page.locator(".article mark.ev").first.inner_text()
    assert evidence.strip()
    page.screenshot(path=shots / "happening.png", full_page=True)
    page.locator("table.reports a").first.click()
    page.wait_for_url(re.compile(r"/article/"))
    assert page.locator(".text mark.ev").count() > 0
    assert evidence in page.locator(".text").inner_text()
    assert page.locator("table.events tr td a").count() > 0
    page.screenshot(path=shots / "article.png", full_page=True)
