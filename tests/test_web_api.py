"""The web app's JSON API and pages through FastAPI's TestClient, on the cluster gold articles run into a store."""

import duckdb
import pytest
from fastapi.testclient import TestClient

from dyad.errors import StoreError
from dyad.store import Store
from dyad.web import create_app
from dyad.web.queries import QueryTimeout
from tests.conftest import DATA


@pytest.fixture(scope="module")
def db(tmp_path_factory, pipeline):
    path = tmp_path_factory.mktemp("web") / "web.duckdb"
    with Store(path) as store:
        store.ingest([DATA / "clusters" / "articles.jsonl"], pipeline=pipeline)
    return path


@pytest.fixture(scope="module")
def client(db):
    with TestClient(create_app(db)) as client:
        yield client


def test_overview_counts_the_corpus_and_names_the_busiest_pair(client):
    data = client.get("/api/overview").json()
    assert data["counts"]["articles"] == 46 and data["counts"]["happenings"] > 0
    assert data["busiest_dyads"][0] == {"first": "BLR", "second": "CUB", "events": data["busiest_dyads"][0]["events"]}
    months = {row["month"] for row in data["happenings_by_month"]}
    assert "2025-06" in months
    assert data["latest_failures"] == []


def test_dyad_timeline_keeps_cooperation_and_conflict_apart(client):
    data = client.get("/api/dyad/CUB/BLR").json()
    assert data["first"] == "CUB" and data["second"] == "BLR"
    assert data["happenings"] and all({"CUB", "BLR"} <= set(h["countries"]) for h in data["happenings"])
    june = next(m for m in data["timeline"] if m["month"] == "2025-06")
    assert june["cooperation"] > 0 and june["conflict"] <= 0
    assert sum(m["happenings"] for m in data["timeline"]) == sum(1 for h in data["happenings"] if h["date"])


def test_dyad_filters_narrow_the_happenings(client):
    every = client.get("/api/dyad/cub/blr").json()["happenings"]
    consult = client.get("/api/dyad/CUB/BLR", params={"type": "consult"}).json()["happenings"]
    assert consult and len(consult) < len(every) and {h["type"] for h in consult} == {"CONSULT"}
    later = client.get("/api/dyad/CUB/BLR", params={"since": "2025-07"}).json()["happenings"]
    assert all(h["date"] >= "2025-07" for h in later) and len(later) < len(every)
    done = client.get("/api/dyad/CUB/BLR", params={"modality": "asserted"}).json()["happenings"]
    assert done and {h["badge"] for h in done} == {"done"}
    context = every[0]["context"][0]
    assert all(context in h["context"] for h in client.get(f"/api/dyad/CUB/BLR?context={context}").json()["happenings"])
    assert client.get("/api/dyad/CUB/BLR", params={"limit": 2}).json()["happenings"] == every[:2]


@pytest.mark.parametrize(
    ("url", "words"),
    [
        ("/api/dyad/XXX/BLR", "unknown country code 'XXX'"),
        ("/api/dyad/CUBA/BLR", "pattern"),
        ("/api/dyad/CUB/BLR?since=2025-13-01", "since must be a date"),
        ("/api/dyad/CUB/BLR?until=last+week", "until must be a date"),
        ("/api/dyad/CUB/BLR?limit=100000", "less than or equal to 500"),
        ("/api/dyad/CUB/BLR?type=PARTY", "unknown type"),
        ("/api/dyad/CUB/BLR?modality=maybe", "unknown modality"),
        ("/api/dyad/CUB/BLR?min_confidence=2", "less than or equal to 1"),
        ("/api/network?limit=0", "greater than or equal to 1"),
        ("/api/map?limit=9999999", "less than or equal to 500"),
        ("/api/happenings/h-none", "no happening"),
        ("/api/articles/none", "no article"),
        ("/api/search", "Field required"),
        ("/api/search?q=visit&limit=501", "less than or equal to 500"),
    ],
)
def test_bad_parameters_get_a_clear_4xx(client, url, words):
    response = client.get(url)
    assert 400 <= response.status_code < 500, response.text
    assert words in response.text


def test_bad_parameters_on_a_page_get_an_error_page(client):
    response = client.get("/dyad/CUB/BLR?since=yesterday")
    assert response.status_code == 422 and "since must be a date" in response.text and "<html" in response.text
    assert client.get("/dyad/ZZZ/BLR").status_code == 404


def test_happening_lists_every_report_with_its_article(client):
    first = max(client.get("/api/dyad/CUB/BLR").json()["happenings"], key=lambda h: h["sources"])
    data = client.get(f"/api/happenings/{first['id']}").json()
    assert data["happening"]["id"] == first["id"] and len(data["reports"]) == first["mentions"]
    assert {r["article_id"] for r in data["reports"]} == {a["id"] for a in data["articles"]}
    assert all(a["outlet"] and a["published"] for a in data["articles"])
    page = client.get(f"/happening/{first['id']}").text
    sentence = data["reports"][0]["evidence"][0]["text"]
    assert '<mark class="ev"' in page and sentence.split()[0] in page


def test_article_page_marks_every_coded_event_in_place(client):
    events = client.get("/api/dyad/CUB/BLR").json()["happenings"]
    report = client.get(f"/api/happenings/{events[0]['id']}").json()["reports"][0]
    data = client.get(f"/api/articles/{report['article_id']}").json()
    assert report["id"] in {item["event"]["id"] for item in data["events"]}
    assert data["article"]["sections"] and data["article"]["text"]
    page = client.get(f"/article/{report['article_id']}").text
    spans = {(v["start"], v["end"]) for item in data["events"] for v in item["event"]["evidence"]}
    assert page.count("<mark") >= len({start for start, _ in spans}) > 0
    assert "sec-body" in page


def test_network_and_map(client):
    edges = client.get("/api/network").json()["edges"]
    assert edges[0]["happenings"] >= edges[-1]["happenings"]
    assert any({e["first"], e["second"]} == {"BLR", "CUB"} for e in edges)
    places = client.get("/api/map").json()["places"]
    minsk = next(p for p in places if p["name"] == "Minsk")
    assert minsk["country"] == "BLR" and 53 < minsk["lat"] < 54 and minsk["sources"] >= minsk["happenings"]
    there = client.get("/api/map", params={"at": "Minsk"}).json()["happenings"]
    assert len(there) == minsk["happenings"]
    page = client.get("/map").text
    assert 'data-country="CUB"' in page and 'data-place="Minsk"' in page
    assert 'href="http' not in page and "<image" not in page  # outlines drawn here, no tiles


def test_the_network_shows_named_actors_on_demand(client):
    data = client.get("/api/network", params={"by": "actor"}).json()
    assert data["by"] == "actor" and data["edges"]
    edges = data["edges"]
    assert edges[0]["happenings"] >= edges[-1]["happenings"]
    assert all(e["first"] < e["second"] and len(e["first"]) > 3 for e in edges)  # names, not codes
    lukashenko = [e for e in edges if "Lukashenko" in e["first"] + e["second"]]
    assert lukashenko and all("BLR" in {e["first_country"], e["second_country"]} for e in lukashenko)
    page = client.get("/network?by=actor").text
    assert "Lukashenko" in page and "/dyad/" in page
    assert 'href="/network?by=actor"' in client.get("/network").text  # the switch from the country view
    assert client.get("/api/network", params={"by": "city"}).status_code == 422


def test_search_links_evidence_to_its_happening(client):
    data = client.get("/api/search", params={"q": "roadmap"}).json()
    assert data["hits"] and all(h["kind"] in {"evidence", "article"} for h in data["hits"])
    evidence = [h for h in data["hits"] if h["kind"] == "evidence"]
    assert evidence and all(h["happening"] for h in evidence)
    assert "roadmap" in client.get("/search", params={"q": "roadmap"}).text.lower()


def test_every_page_renders(client):
    happening = client.get("/api/dyad/CUB/BLR").json()["happenings"][0]["id"]
    article = client.get(f"/api/happenings/{happening}").json()["articles"][0]["id"]
    for url in ["/", "/dyad/CUB/BLR", "/network", "/map", "/map?at=Minsk", f"/happening/{happening}",
                f"/article/{article}", "/search", "/search?q=visit"]:  # fmt: skip
        response = client.get(url)
        assert response.status_code == 200 and "<html" in response.text, url
        assert "cdn" not in response.text.lower() and "<script src" not in response.text, url


def test_the_openapi_schema_lists_every_api_endpoint(client):
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/api/overview", "/api/dyad/{first}/{second}", "/api/network", "/api/map", "/api/search",
            "/api/happenings/{happening_id}", "/api/articles/{article_id}"} <= set(paths)  # fmt: skip
    assert client.get("/docs").status_code == 404  # its page would load scripts from a CDN


def test_the_app_cannot_write(client, db):
    assert client.post("/api/overview").status_code == 405
    with client.app.state.access.reader() as reader, pytest.raises(duckdb.Error, match="read-only"):
        reader.query("INSERT INTO failures VALUES ('x', 'y', 'z', now())")


def test_a_query_past_the_time_limit_is_interrupted(client):
    with client.app.state.access.reader(timeout_s=0.2) as reader:
        with pytest.raises(QueryTimeout, match=r"longer than 0\.2 s"):
            reader.query("SELECT count(*) FROM range(100000000000) a WHERE hash(a.range) % 7 = 3")
        assert reader.query("SELECT 1") == [(1,)]


def test_a_token_is_required_on_every_request(db):
    with TestClient(create_app(db, token="s3cret")) as client:
        assert client.get("/api/overview").status_code == 401
        assert client.get("/", headers={"X-Dyad-Token": "wrong"}).status_code == 401
        assert client.get("/api/overview", headers={"X-Dyad-Token": "s3cret"}).status_code == 200
        assert client.get("/api/overview", headers={"Authorization": "Bearer s3cret"}).status_code == 200
        assert client.get("/?token=s3cret").status_code == 200
        assert client.get("/network").status_code == 200  # the cookie set by ?token= carries on
        client.cookies.clear()
        assert client.get("/openapi.json").status_code == 401


def test_a_read_only_open_needs_an_existing_store(tmp_path):
    with pytest.raises(StoreError, match="cannot open database"):
        create_app(tmp_path / "missing.duckdb")
    duckdb.connect(str(tmp_path / "other.duckdb")).close()
    with pytest.raises(StoreError, match="no dyad tables"):
        create_app(tmp_path / "other.duckdb")


def test_serve_refuses_a_public_host_without_a_token(db):
    from typer.testing import CliRunner

    from dyad.cli import app

    result = CliRunner().invoke(app, ["serve", "--db", str(db), "--host", "0.0.0.0"])
    assert result.exit_code == 2
    assert "give --token" in result.output and len(result.output.strip().splitlines()) == 1


def test_answers_are_reused_until_the_file_changes_and_never_with_cache_0(db):
    with TestClient(create_app(db)) as client:
        first = client.get("/api/network")
        again = client.get("/api/network")
        assert "x-dyad-cache" not in first.headers and again.headers["x-dyad-cache"] == "hit"
        assert again.json() == first.json() and again.headers["content-type"] == "application/json"
        assert client.get("/network").headers.get("x-dyad-cache") is None  # the page is its own answer
        assert client.get("/api/network?by=actor").headers.get("x-dyad-cache") is None
        assert client.get("/api/dyad/CUB/XXX").status_code == 404  # errors are never kept
        assert client.get("/api/dyad/CUB/XXX").headers.get("x-dyad-cache") is None
    with TestClient(create_app(db, cache_size=0)) as client:
        assert client.get("/api/network").json() == first.json()
        assert client.get("/api/network").headers.get("x-dyad-cache") is None
