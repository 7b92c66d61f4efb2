"""Organisations the gazetteer lacks: their country and sector from the name, a description, an
international owner, a name the model cut short or a city opening it. Split out of resolve.py
so that the resolver reads in one sitting."""

from __future__ import annotations

from spacy.tokens import Span, Token

from dyad.actors.coreference import _in_subject
from dyad.actors.words import _BODY_ADJECTIVES, _DESCRIBED_SECTORS, _NOT_WORDS, _country_in, _left_edge, _national_body
from dyad.records import Entity


class OrganisationsMixin:
    """Rules for unnamed and unknown organisations; mixed into ActorResolver."""

    def _of_organisation(self, title: Token) -> tuple[str | None, str | None]:
        """'president of the Belarusian party Belaya Rus' takes the party's sector and country;
        'commander of the western command of Belarus' at least the country."""
        country = None
        for prep in title.children:
            if prep.dep_ == "prep" and prep.lower_ in ("of", "for", "at"):
                for pobj in prep.children:
                    ent = self._ent(pobj)
                    if ent is not None and ent.label_ == "ORG":
                        org = self.resolve_span(ent)
                        if org is not None:
                            # "the Serbian government's Office for Kosovo": its owner, not its remit
                            owners = [c for c in pobj.children if c.dep_ == "poss"]
                            countries = (self._owner_country(c) or self._country_of(c) for c in owners)
                            owner = next((code for code in countries if code), None)
                            return org.sector, owner or org.country
                    group = self._group(pobj) if ent is None or ent.label_ == "NORP" else None
                    if group is not None:  # "of the Belarusian army", "for the Cuban Interior Ministry"
                        return group.sector, group.country
                    country = country or self._country_of(pobj) or self._owner_country(pobj)
                    nested_sector, nested_country = self._of_organisation(pobj)
                    if nested_sector is not None:
                        return nested_sector, nested_country or country
                    country = country or nested_country
        return None, country

    def _organisation(self, ent: Span, text: str) -> Entity | None:
        """An organisation the gazetteer lacks: its country from the name ('the Venezuelan
        Ministry of Tourism'), an international body that owns it ('the UN Working Group on
        ...'), a description ('Conviasa, the Venezuelan state airline', 'Russian lender VTB'),
        the place it sits in ('Tsinghua University in Beijing'), or, for a state body named
        without one ('The Interior Ministry'), the story's country. The sector comes from its
        head noun, else from the description."""
        country = _country_in(ent, self.gazetteer) or self._owner_country(ent.root) or self._trailing_of_country(ent)
        if country is None:
            igo = self._igo_owner(ent)
            if igo is not None:
                name = ent.text.removeprefix("the ").removeprefix("The ")
                return Entity(text=text, name=name, country=igo, sector="IGO", resolved_by="org")
        words = [t for t in ent if t.dep_ not in _NOT_WORDS and not t.is_punct and not self._country_of(t)]
        name = ent.text.removeprefix("the ")
        # "[Cuban Ministry] of Education": a name the model cut before its "of" part runs on
        prep = self.doc[ent.end] if ent.end < len(self.doc) else None
        pobj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
        if prep is not None and prep.lower_ == "of" and prep.head.i in range(ent.start, ent.end) and pobj is not None:
            complement = [t for t in self.doc[prep.i : pobj.i + 1] if not t.is_punct]
            words += complement
            if all(t.text[:1].isupper() for t in complement[1:] if t.lower_ not in ("the", "and")):
                name = text = self.doc[ent.start : pobj.i + 1].text.removeprefix("the ")
        run_on = self._name_run_on(ent)
        if run_on is not None:  # "[US Customs] and Border Protection": one name
            words += [t for t in run_on if t.dep_ not in _NOT_WORDS]
            name = text = self.doc[ent.start : run_on.end].text.removeprefix("the ")
            self._absorbed.update(range(run_on.start, run_on.end))
        sector, _ = self._lookup([t.lower_ for t in words], [t.lemma_.lower() for t in words])
        if country is not None and f"country:{country}" not in self.gazetteer.entries:
            # "NATO's Military Committee": an organ an international body
            # owns is that body's (IGO), whatever its head noun says of a state's organs
            sector = "IGO"
        described_country, described_sector, described = self._description(ent)
        country, sector = country or described_country, sector or described_sector
        resolved_by = "org"
        if country is None:
            country = self._place_after(ent) or self._city_in_name(ent)
        if country is None and not described:
            # "... deal with Chinese firm. ... the Guangxi Ocean Ports Group": the firm told before
            country, sector = self._described_before(ent, sector)
        if country is None and not described and self._bare_org_noun(ent):
            # "the Commission": the commission named before
            reference = self._definite_reference(ent.root, is_title=False)
            if reference is not None:
                return reference
        if ent.start > 0 and self.doc[ent.start - 1].lower_ in ("paramilitary", "rebel", "militia", "insurgent"):
            sector = "REB"  # "the paramilitary Rapid Support Forces"
        if country is None and _national_body(ent.root, sector) and sector in ("GOV", "MIL") and _in_subject(ent.root):
            # "'...,' the Foreign Ministry said": the ministry of the state that has just spoken
            country, resolved_by = self._state_before(ent.start), "context"
        if country is None and (described or _national_body(ent.root, sector) or sector in ("CRM", "REB")):
            country, resolved_by = self.home_country, "context"  # gangs and rebels act where the story is
        if country is None:
            return None
        return Entity(text=text, name=name, country=country, sector=sector, resolved_by=resolved_by)

    def _trailing_of_country(self, ent: Span) -> str | None:
        """'[The Ministry of Foreign Affairs of] Chile': a name the model cut after its 'of'
        belongs to the country the 'of' names, not to the story's."""
        last = ent[-1]
        if last.lower_ != "of":
            return None
        pobj = next((c for c in last.children if c.dep_ == "pobj" and c.i >= ent.end), None)
        return self._country_of(pobj) if pobj is not None else None

    def _body_name(self, ent: Span) -> bool:
        """'[Sinaloa] Cartel', 'Zerkalo Media': a name whose own words are a group noun, not a title."""
        words = [t for t in ent if t.dep_ not in _NOT_WORDS and not t.is_punct]
        sector, is_title = self._lookup([t.lower_ for t in words], [t.lemma_.lower() for t in words])
        return sector is not None and not is_title

    def _name_run_on(self, ent: Span) -> Span | None:
        """'and Border Protection' after '[US Customs]': capitalised words the model left out of
        the name, joined by 'and', that name nothing themselves."""
        if ent.end + 1 >= len(self.doc) or self.doc[ent.end].lower_ != "and":
            return None
        conj = next((c for c in ent.root.children if c.dep_ == "conj" and c.i > ent.end), None)
        if conj is None or conj.pos_ != "PROPN" or conj.left_edge.i != ent.end + 1:
            return None
        words = self.doc[ent.end + 1 : conj.i + 1]
        if any(t.ent_type_ or not t.text[:1].isupper() for t in words):
            return None
        return self.doc[ent.end : conj.i + 1]

    def _bare_org_noun(self, ent: Span) -> bool:
        """'the Commission', 'The Ministry': a name that is only an organisation noun."""
        words = [t for t in ent if t.dep_ != "det" and not t.is_punct]
        lowered = [t.lower_ for t in words]
        forms = (" ".join(lowered), " ".join([*lowered[:-1], ent.root.lemma_.lower()]))
        return bool(words) and any(form in self.gazetteer.org_nouns for form in forms)

    def _igo_owner(self, ent: Span) -> str | None:
        """'UN Working Group', 'OAS Permanent Council', 'CSTO Joint Staff': a name opening with
        an international organisation is one of its bodies."""
        words = [t for t in ent if t.dep_ not in ("det", "punct")]
        if len(words) < 2:  # the body's own name follows the owner's
            return None
        entry = self.gazetteer.find(words[0].text)
        if entry is not None and entry.sector == "IGO":
            return entry.country
        # "the Supreme Eurasian Economic Council": an organ named like its organisation
        return self.gazetteer.igo_by_words([t.text for t in words])

    def _description(self, ent: Span) -> tuple[str | None, str | None, bool]:
        """Country and sector from the words that describe a name: an apposition either side
        ('Conviasa, the Venezuelan state airline'; 'the Chinese firm Guangxi Ports Group') or
        words before it ('Russian lender VTB', 'the Belarusian exile outlet Zerkalo')."""
        root = ent.root
        partners = [c for c in root.children if c.dep_ == "appos" and c.pos_ == "NOUN" and c.i >= ent.end]
        if root.dep_ == "appos" and root.head.pos_ == "NOUN" and root.head.i < ent.start:
            partners.append(root.head)
        previous = self.doc[ent.start - 1] if ent.start > 0 else None
        if previous is not None and previous.pos_ == "NOUN" and previous.head.i not in range(ent.start, ent.end):
            partners.append(previous)  # "The Bolivian miner [Cerro Alto Holdings]" parsed as two phrases
        for partner in partners:
            sector, is_title = self._phrase_sector(partner, _left_edge(partner))
            if sector is not None and not is_title:
                owners = self._owner_countries(partner)
                return (owners[0][0] if owners else None), sector, True
        # not "state-owned" or "state-run": how it is owned, not what it is
        before = [
            t for t in self.doc[_left_edge(root) : ent.start]
            if t.dep_ not in _NOT_WORDS and not t.is_punct and t.dep_ != "npadvmod" and t.pos_ != "VERB"
        ]  # fmt: skip
        sector, is_title = self._lookup([t.lower_ for t in before], [t.lemma_.lower() for t in before])
        if sector is None or is_title:
            return None, None, False
        country = next((code for t in before if (code := self._country_of(t))), None)
        return country, sector, True

    def _described_before(self, ent: Span, sector: str | None) -> tuple[str | None, str | None]:
        """A company or outlet named without a country, after the text has described one with
        its country and no name ('a Chinese firm', 'a Russian state lender'): the last such
        description of the kind the name's head allows."""
        kinds = {sector} if sector else set(self._org_noun_sectors(ent.root)) & _DESCRIBED_SECTORS
        kinds &= _DESCRIBED_SECTORS
        if not kinds:
            return None, sector
        for token in reversed(self.doc[: ent.start]):
            if token.pos_ != "NOUN" or any(c.dep_ == "appos" for c in token.children) or token.dep_ == "appos":
                continue
            described = self._lookup([token.lower_], [token.lemma_.lower()])[0]
            owners = self._owner_countries(token) if described in kinds else []
            if owners:
                return owners[0][0], described
        return None, sector

    def _city_in_name(self, ent: Span) -> str | None:
        """'The Gomel Regional Court': a large city opening the name gives its country."""
        words = [t for t in ent if t.dep_ != "det" and not t.is_punct]
        if len(words) < 2 or words[0].pos_ != "PROPN" or words[0].is_stop:  # the body's own name follows
            return None
        # only the kind of body follows ("Regional Court", "City Council"), not more name ("Cerro Alto")
        vocabulary = self._body_vocabulary()
        if any(t.lower_ not in vocabulary and t.lemma_.lower() not in vocabulary for t in words[1:]):
            return None
        return self.gazetteer.city_in_name(words[0].text)

    def _body_vocabulary(self) -> set[str]:
        nouns = (*self.gazetteer.group_nouns, *self.gazetteer.org_nouns, *self.gazetteer.titles)
        return {word for noun in nouns for word in noun.split()} | _BODY_ADJECTIVES

    def _place_after(self, ent: Span) -> str | None:
        """'Tsinghua University in Beijing', 'A Revolutionary Court in Tehran'."""
        preps = [c for c in ent.root.children if c.dep_ == "prep" and c.lower_ == "in"]
        following = self.doc[ent.end] if ent.end < len(self.doc) else None
        if following is not None and following.lower_ == "in" and following not in preps:
            preps.append(following)
        for prep in preps:
            for pobj in prep.children:
                if pobj.dep_ == "pobj" and (code := self._place_country(pobj)):
                    return code
        return None
