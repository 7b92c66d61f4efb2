"""Happenings: events of several articles clustered by type, countries, compatible dates,
places and actors; the same result whatever order the reports arrive in."""

from __future__ import annotations

import random

from dyad.happenings import Mention, cluster
from dyad.records import Entity, Event, Evidence, Location


def _event(
    key: str,
    type_: str = "CONSULT",
    date: str | None = "2025-06-24",
    precision: str | None = "day",
    modality: str = "asserted",
    place: str | None = "BLR",
    actor: tuple[str, str] = ("Miguel Díaz-Canel", "CUB"),
    recipient: tuple[str, str] = ("Alexander Lukashenko", "BLR"),
) -> Event:
    return Event(
        id=key,
        article_id=f"article-{key}",
        article_ref=f"{key}.txt",
        type=type_,
        modality=modality,
        actor=[Entity(text=actor[0], name=actor[0], country=actor[1], sector="GOV")],
        recipient=[Entity(text=recipient[0], name=recipient[0], country=recipient[1], sector="GOV")],
        date=date,
        date_precision=precision if date else None,
        location=Location(name=place, country=place) if place else None,
        evidence=[Evidence(text="(evidence)", start=0, end=10)],
        cameo="042",
    )


def _mention(key: str, published: str = "2025-06-25", outlet: str | None = None, **fields) -> Mention:
    return Mention.of(_event(key, **fields), published=published, outlet=outlet or f"outlet-{key}")


def _groups(happenings) -> set[frozenset[str]]:
    return {frozenset(m.event_id for m in h.members) for h in happenings}


VISIT = [
    _mention("state-media", date="2025-06-24", published="2025-06-24"),
    _mention("wire", date="2025-06-25", published="2025-06-25"),  # dated from another time zone
    _mention("independent", date="2025-06", precision="month", published="2025-06-27"),
    _mention("later-background", date="2025-06", precision="month", modality="historical", published="2025-11-03"),
    _mention("undated", date=None, published="2025-06-26"),
]
DISTRACTORS = [
    _mention("next-visit", date="2025-09-10", published="2025-09-10"),
    _mention("promise", date="2025-06-24", modality="future"),
    _mention("other-dyad", recipient=("Vladimir Putin", "RUS"), place="RUS"),
    _mention("other-type", type_="AGREE"),
]


def test_five_reports_of_one_visit_are_one_happening_and_distractors_stay_apart():
    happenings = cluster(VISIT + DISTRACTORS)
    assert frozenset(m.event_id for m in VISIT) in _groups(happenings)
    assert len(happenings) == 1 + len(DISTRACTORS)
    visit = next(h for h in happenings if len(h.members) == len(VISIT))
    assert visit.source_count == 5
    assert visit.first_report == "2025-06-24" and visit.last_report == "2025-11-03"
    assert visit.modality == "asserted"
    assert visit.representative().precision == "day"
    assert visit.type == "CONSULT" and visit.countries == ("BLR", "CUB")


def test_the_result_does_not_depend_on_arrival_order():
    expected = cluster(VISIT + DISTRACTORS)
    for seed in range(20):
        shuffled = VISIT + DISTRACTORS
        random.Random(seed).shuffle(shuffled)
        again = cluster(shuffled)
        assert [(h.id, sorted(m.event_id for m in h.members)) for h in again] == [
            (h.id, sorted(m.event_id for m in h.members)) for h in expected
        ]


def test_clustering_only_the_new_reports_block_gives_a_full_rebuild():
    first = cluster(VISIT[:2] + DISTRACTORS)
    rebuilt = cluster(VISIT + DISTRACTORS)
    touched = {m.block for m in VISIT[2:]}
    kept = [h for h in first if (h.type, h.countries, h.members[0].block[2]) not in touched]
    redone = cluster([m for m in VISIT + DISTRACTORS if m.block in touched])
    assert sorted(h.id for h in kept + redone) == sorted(h.id for h in rebuilt)


def test_the_id_is_stable_when_later_reports_join():
    early = {h.id for h in cluster(VISIT[:1])}
    assert early <= {h.id for h in cluster(VISIT)}


def test_conflicting_places_are_two_happenings():
    minsk = _mention("minsk", place="BLR")
    havana = _mention("havana", place="CUB", date="2025-06-25")
    assert _groups(cluster([minsk, havana])) == {frozenset({"minsk"}), frozenset({"havana"})}


def test_different_named_actors_are_two_happenings():
    leaders = _mention("leaders")
    ministers = _mention(
        "ministers", actor=("Bruno Rodríguez", "CUB"), recipient=("Maxim Ryzhenkov", "BLR"), date="2025-06-24"
    )
    assert len(cluster([leaders, ministers])) == 2


def test_reports_naming_only_the_guest_or_the_host_are_one_happening():
    guest = _mention("guest", recipient=("Belarus", "BLR"))
    host = _mention("host", actor=("Cuba", "CUB"), date="2025-06-25")
    assert len(cluster([guest, host])) == 1


def test_a_vague_report_joins_the_happening_that_had_begun_when_it_was_published():
    first = _mention("first-protest", date="2025-10-04", published="2025-10-04")
    second = [_mention(f"second-protest-{i}", date="2025-10-11", published="2025-10-11") for i in range(3)]
    vague = _mention("vague", date="2025-10", precision="month", published="2025-10-05")
    groups = _groups(cluster([first, *second, vague]))
    assert frozenset({"first-protest", "vague"}) in groups


def test_reports_three_days_apart_are_two_happenings():
    assert len(cluster([_mention("a", date="2025-06-20"), _mention("b", date="2025-06-23")])) == 2
