"""The `dyad serve` command: the web app over a store, on uvicorn (imported by dyad.cli, which owns the app)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from dyad.cli import DbOption, _require_db, app, errors, friendly
from dyad.store import DEFAULT_DB
from dyad.web.access import DEFAULT_CACHE_SIZE

LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}


@app.command()
@friendly
def serve(
    db: DbOption = Path(DEFAULT_DB),
    host: Annotated[
        str, typer.Option(help="Address to listen on. Anything but 127.0.0.1 needs --token.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
    token: Annotated[
        str | None,
        typer.Option(
            envvar="DYAD_TOKEN",
            help="Secret every request must carry (X-Dyad-Token header, or ?token= once in the browser).",
        ),
    ] = None,
    cache: Annotated[
        int,
        typer.Option(
            min=0,
            help="Answers kept for repeated requests, until the database file changes; 0 turns the cache off.",
        ),
    ] = DEFAULT_CACHE_SIZE,
) -> None:
    """Open the analyst's web app over a store, read-only: `dyad serve --db events.duckdb`.

    Pages (overview, dyads, network, map, happenings, articles, search) and a JSON API
    with its OpenAPI schema at /openapi.json. It binds 127.0.0.1 unless told otherwise, and then
    only with a token, which it checks on every request. It holds the database file only while
    requests read it, so `dyad run` can add to it meanwhile; pages show each batch once committed.
    """
    if host not in LOCAL_HOSTS and not token:
        errors.print(f"[red]error:[/red] serving on {host} exposes the store beyond this machine: give --token T")
        raise typer.Exit(2)
    _require_db(db)
    import uvicorn

    from dyad.web import create_app

    web = create_app(db, token=token, cache_size=cache)
    where = f"http://{host}:{port}/" + (f"?token={token}" if token else "")
    errors.print(f"serving {db} read-only at {where} (Ctrl-C stops)")
    uvicorn.run(web, host=host, port=port, log_level="warning")
