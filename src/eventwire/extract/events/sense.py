"""Whether a candidate is reported as an act between actors at all (not a state, not a passive with
no one acting, not a clause whose subject names no actor)."""

from __future__ import annotations

from ...lexicon.events import RuleSet
from ...lexicon.wordsets import words
from ...model import Entity, Place
from .detect import Cand
from .participants import Participants
from .parties import nonactor_subject
from .syntax import is_passive, noun_keys, passive_agents, subject_of

TEAM_COPY = 1000  # private_copy's score of sport or entertainment copy starts here


def private_copy(doc, rs: RuleSet) -> int:
    """How strongly a story is market, sport or entertainment copy: the most different words of one
    `private_domains` list (plover.yaml) it uses. From `private_domain_min` on, a verb of conflict or
    cooperation ("yielding 8.8 pct", "stormed into a lead") is seldom an act between political actors.
    Sport and entertainment copy score above TEAM_COPY: there a country names a team ("Wales
    defended well")."""
    s = rs.settings
    lemmas = {t.lemma_.lower() for t in doc} | {t.lower_ for t in doc}
    low = " ".join(doc.text.lower().split())
    team = words("plover").team_domains
    best = 0
    for name, vocab in (s.get("private_domains") or {}).items():
        hits = len({w for w in vocab if " " not in w} & lemmas)
        hits += sum(1 for w in vocab if " " in w and w in low)
        need = int(s.get("private_domain_min") or 3)
        best = max(best, TEAM_COPY + hits if name in team and hits >= need else hits)
    return best


def business_person(e: Entity, rs: RuleSet) -> bool:
    """A person whose office is a firm's or a market's (`business_offices`, plover.yaml: "chief
    executive", "analyst"), or one firms and states both give ("chairman") held by a person tied to
    no state: "Caesars' chairman Henry Gluck" acts in business, "Federal Reserve Chairman" does not."""
    if e.kind != "person" or not e.office:
        return False
    office = e.office.lower().replace("-", " ").split()
    # an office only firms give is read by its head phrase ("senior analyst", "regional general
    # manager"); one states give too only as a whole ("committee chairman" may be a legislator's)
    tails = {" ".join(office[k:]) for k in range(len(office))}
    if tails & words("plover").business_offices:
        return True
    return not e.country and " ".join(office) in words("plover").business_offices_stateless


def political(e: Entity, rs: RuleSet) -> bool:
    """A state, an international or non-governmental body, or an actor of a political sector (not a
    person holding a business office, whatever sector the linker guessed from the title)."""
    if business_person(e, rs):
        return False
    return (
        e.kind == "country"
        or (e.country or "") in words("plover").political_non_state
        or (e.sector or "") in words("plover").political_sectors
    )


def business(e: Entity, rs: RuleSet) -> bool:
    """A company: of a business sector, a multinational, or an organization named as a company
    ("Thyssen AG", "Whittaker Corp"; `company_suffixes`, plover.yaml)."""
    if (e.sector or "") in words("plover").business_sectors or e.country == "MNC" or business_person(e, rs):
        return True
    # the name says it even when the linker typed it a person or group ("Hercules Inc" as PERSON,
    # "Association of International Bond Dealers")
    name = e.name.lower().rstrip(".").split() if e.kind != "country" and e.name else []
    return bool(name) and (
        name[-1] in words("plover").company_suffixes or bool(set(name) & words("plover").company_name_words)
    )


def public(e: Entity, rs: RuleSet) -> bool:
    """A party that makes an act public affairs: a political actor other than a court or a
    regulator (`legal_sectors`, plover.yaml), which rules on the cases others bring and is a party
    only beside another political actor ("the court barred the sale of the shares" is company
    law, "the court barred the opposition party" is politics)."""
    return political(e, rs) and (e.sector or "") not in words("plover").legal_sectors


def stately(e: Entity, rs: RuleSet) -> bool:
    """A state or an international body: a party that makes a firm's act foreign affairs (a firm's
    petition to its own regulator or ministry is business with the state, not between states)."""
    return e.kind == "country" or (e.country or "") in words("plover").political_non_state


def foreign_organ(e: Entity, actors: list[Entity], rs: RuleSet) -> bool:
    """A public body of another state than the firms acting ("Turkish Aerospace agreed to export
    drones to the Malaysian Air Force"): a firm's dealings with a foreign state are foreign affairs."""
    own = {a.country for a in actors if a.country}
    return public(e, rs) and bool(e.country) and bool(own) and e.country not in own


def _firm(e: Entity, rs: RuleSet) -> bool:
    """A firm or its officer, the linker giving it no political sector (a "chairman" the linker
    placed in government may chair a committee of Congress)."""
    return business(e, rs) and (e.sector or "") not in words("plover").political_sectors


def _regulates_own_firms(actors: list[Entity], recipients: list[Entity], rs: RuleSet) -> bool:
    """A state body's act on firms of no other state (a regulator ruling on an application, a
    department fining a company): administration, not affairs between actors. A state ("Japan
    barred Toshiba Machine from trading with the Soviet bloc") or an act on a foreign firm stays."""
    if not actors or not recipients:
        return False
    if not all(public(e, rs) and e.kind != "country" and not stately(e, rs) for e in actors):
        return False
    own = {a.country for a in actors if a.country}
    return all(business(e, rs) and (not e.country or e.country in own) for e in recipients)


def placed(e: Entity) -> bool:
    """A participant tied to a state or to an international or non-governmental body (its country
    slot holds a code, not the unknown one), or a person named (whom the linker may not have placed
    yet): a group or a body that nothing places ("the other side", "farmers", "the Commission") is not."""
    return e.kind == "person" or (bool(e.country) and e.country != "UNK")


def state_level(e: Entity, rs: RuleSet) -> bool:
    """A state, an international body, or a person or group of a political sector (a minister, the
    lawmakers of a state): a party that makes an act in market copy one between political actors. A
    state's agency, central bank or court acting alone or on firms runs its market and is not one."""
    if stately(e, rs) or (e.sector or "") in words("plover").legislative_sectors:
        return True  # a legislature or its committee legislates for the state
    head = (e.name or "").lower().split()[-1:]
    if e.country and head and head[0] in words("coref").state_heads:
        return True  # "the unit was seized by the government" (of Russia): the state itself
    if e.kind == "group":  # "the finance ministers signed an accord" (not "its corporate officers")
        return political(e, rs) and not business(e, rs)
    return e.kind == "person" and political(e, rs) and bool(e.office or e.country)


def _office_of_state(e: Entity, rs: RuleSet) -> bool:
    """In sport or entertainment copy, a participant that is political whatever the story: a body of
    a political sector, or a person holding an office a firm or a club does not give (not the
    "sporting director" or "manager" of a club). A group ("the England side") is a team there, and
    a person with a sector but no office has it from a rank that is a team's role there ("All Blacks
    captain Tama Umaga": MIL from "captain")."""
    if e.kind in {"country", "group"} or not political(e, rs):
        return False
    if e.kind == "person" and not e.office:
        return False
    head = (e.office or "").lower().split()[-1:]  # "sporting director" -> director
    return not (e.kind == "person" and head and head[0] in words("plover").business_offices_stateless)


def _foreign(parts: list[Entity], rs: RuleSet) -> bool:
    """A public body among participants of two states ("Turkish Aerospace will export drones to the
    Malaysian Air Force"): a dealing across a border is foreign affairs even in market copy."""
    states = {e.country for e in parts if e.country} - {"UNK", "UIS", "MNC"}
    return len(states) >= 2 and any(public(e, rs) for e in parts)


def anonymous(e: Entity, rs: RuleSet) -> bool:
    """A participant nothing ties to public life: an organization of no political sector, a group
    the linker gave no sector ("U.S. dollars", "Japanese imports"), or a person with no office and no
    state (in company copy, a firm the parser took for a person: "Robert M. Bass Group")."""
    if political(e, rs) or e.kind == "country":
        return False
    if e.kind == "person":
        return not e.office and not e.country
    return e.kind == "organization" or not e.sector


def in_affairs(
    actors: list[Entity],
    recipients: list[Entity],
    private: int,
    rs: RuleSet,
    weak: frozenset[str] = frozenset(),
) -> bool:
    """False for private life and business: acts among companies and private groups only; in copy
    with any market, sport or entertainment words, acts among anonymous participants only
    ("Mitsubishi is in talks with PSA", "the association will cooperate with Cedel"); in plain such
    copy, acts where no participant is public (a court's ruling on a company's shares)."""
    parts = [*actors, *recipients]
    s = rs.settings
    if (
        parts
        and any(business(e, rs) for e in parts)
        and not any(
            public(e, rs)
            or (e.kind == "person" and not business(e, rs) and not (private and anonymous(e, rs)))
            for e in parts
        )
    ):
        # "union workers ratified a contract with the company"; a person may hold an office the
        # linker missed, unless the copy is about markets and nothing ties the name to public life
        return False
    if parts and all(business(e, rs) for e in parts):
        return False
    if private and parts and all(anonymous(e, rs) and e.kind != "person" for e in parts):
        return False  # a bare name acting alone may still be a minister ("Poindexter resigned")
    if actors and all(_firm(e, rs) or (private and anonymous(e, rs) and e.kind != "person") for e in actors):
        if not any(stately(e, rs) or foreign_organ(e, actors, rs) for e in recipients):
            return False  # "the airline asked the Transportation Department to approve flights"
    if _regulates_own_firms(actors, recipients, rs):
        return False  # "the Transportation Department rejected TWA's application"
    need = int(s.get("private_domain_min") or 3)
    strong = [e for e in parts if e.id not in weak]
    if (
        need <= private < TEAM_COPY
        and not any(state_level(e, rs) for e in strong)
        and not _foreign(strong, rs)
    ):
        return False  # "the FCC ordered phone companies ...", "the Bank invited bill offers": market administration
    if (
        need <= private < TEAM_COPY
        and actors
        and all(_firm(e, rs) or (anonymous(e, rs) and e.kind != "person") for e in actors)
        and not _foreign(strong, rs)
    ):
        # "Nomura urged the government to take pump-priming measures", "the bank will invest through
        # its Canadian unit": in market copy a firm's appeal to, or dealing with, a state is business
        return False
    if private >= TEAM_COPY and not any(_office_of_state(e, rs) for e in parts):
        return False  # sport or entertainment copy: a country is a team, only an office is political
    return not (private >= need and not any(public(e, rs) for e in parts))


def left_firm_post(c: Cand, rs: RuleSet) -> bool:
    """Whether the post left is a firm's: the object or the from/as phrase of the verb names a firm's
    post (`business_posts`) or a company by its suffix ("resigned as chairman of ORS Corp", "quit
    from the board", "resigned from his post as a partner in a legal firm")."""
    posts = words("plover").business_posts | words("plover").company_suffixes
    phrases = [ch for ch in c.head.children if ch.dep_ == "dobj"]
    phrases += [ch for ch in c.head.children if ch.dep_ == "prep" and ch.lower_ in {"from", "as"}]
    return any(t.lower_.rstrip(".") in posts or t.lemma_.lower() in posts for p in phrases for t in p.subtree)


def _opinion(c: Cand, actors: list[Entity], recipients: list[Entity], rs: RuleSet) -> bool:
    """'Mr Templeton said he agreed': a verb of `opinion_verbs` with no object, clause or phrase of
    content, said of people alone, shares a view and makes no deal with anyone."""
    t = c.trig
    if c.kind != "verb" or t.lemma_.lower() not in words("plover").opinion_verbs:
        return False
    content = {"dobj", "xcomp", "ccomp", "prep", "advcl", "attr", "oprd", "dative"}
    if recipients or any(ch.dep_ in content for ch in t.children):
        return False
    return bool(actors) and all(e.kind == "person" for e in actors)


def _document(e: Entity, rs: RuleSet) -> bool:
    """A participant that is a text, not an actor: a name ending in an agreement noun
    (`agreement_nouns`, plover.yaml: "the Multi-Fibre Agreement", "the 1992 Accord") that nothing
    makes a body of a state or an alliance ("the Warsaw Pact" is one: IGO)."""
    name = (e.name or "").lower().split()
    return (
        e.kind not in {"person", "country"}
        and not political(e, rs)
        and bool(name)
        and name[-1] in words("plover").agreement_nouns
    )


def _warning_to_no_one(c: Cand, recipients: list[Entity], rs: RuleSet) -> bool:
    """'warned that companies could face a short supply of talent': a hostile frame that needs an act
    in its clause (`clause_needs_act`), absorbed none and names no one warned foretells a hazard
    under a modal of chance; it threatens no one ("warned that Iran could face consequences" names
    Iran, "warned that police will no longer tolerate rallies" announces an act: both stay)."""
    hostile = rs.quad.get(c.rule.event, "").endswith("conf")
    if not hostile or not c.rule.clause_needs_act or c.absorbed or recipients:
        return False
    chance = words("clauses").threat_modals
    clauses = [ch for ch in c.head.children if ch.dep_ == "ccomp"]
    return bool(clauses) and all(
        any(a.dep_ == "aux" and a.lower_ in chance for a in cl.children) for cl in clauses
    )


def _bare_stance(c: Cand, recipients: list[Entity]) -> bool:
    """'were determined to pass such legislation': an adjective of readiness (`stance_frame_types`,
    plover.yaml) whose to-clause governs no act coded and names no one it is offered to states the
    actor's resolve, not a promise to anyone ("ready to resume talks with X" governs talks; "ready to
    help X" names X). "Committed to" a noun or a gerund is a policy pledged and is left to stand."""
    return (
        c.kind == "adj"
        and c.rule.frame
        and c.rule.event in words("plover").stance_frame_types
        and not c.absorbed
        and not recipients
        # the resolve's to-infinitive: "committed to opening up the economy" (a policy pledged) stays
        and any(ch.dep_ == "xcomp" and any(a.tag_ == "TO" for a in ch.children) for ch in c.trig.children)
    )


def not_an_act_sense(c: Cand, rs: RuleSet) -> bool:
    """A trigger verb used in a sense that reports no act: a participle used as a noun ("penalties
    against the accused"), a participle used as a preposition ("barring any changes"), or a verb that
    tags a quote ('"...," agreed Mr Jones', unless its type is a speech act: `speech_tag_acts`)."""
    if c.kind != "verb":
        return False
    t = c.trig
    if t.tag_ in {"VBN", "VBG"} and any(ch.dep_ == "det" for ch in t.children):
        return True
    if t.tag_ == "VBG" and t.dep_ == "prep":
        return True
    h = c.head
    if c.rule.event in words("plover").speech_tag_acts:
        return False
    before = any(ch.dep_ == "ccomp" and ch.i < h.i for ch in h.children)
    after = any(ch.dep_ == "nsubj" and ch.i > h.i for ch in h.children)
    return before and after


def _weak_states(
    c: Cand, parts: Participants, actors: list[Entity], recipients: list[Entity], rs: RuleSet
) -> frozenset[str]:
    """States the clause does not name as parties, only as a firm's or a thing's nationality ("its
    Canadian bank subsidiary will invest", "Spain's citrus committee suspended exports": a modifier
    of a noun that names no actor), or not at all when nothing acts ("stocks were prohibited in
    Germany": a place's state standing in as the recipient). In market copy they do not make an act
    one between political actors."""
    sent = c.head.sent
    weak: set[str] = set()
    for e in [*actors, *recipients]:
        if e.kind != "country":
            continue
        toks = [
            sent.doc[i]
            for i in range(sent.start, sent.end)
            if i in parts.by_tok and parts.by_tok[i].entity.id == e.id
        ]
        if not toks:
            if not actors:
                weak.add(e.id)
            continue
        if all(_modifier_of_thing(t, parts, rs) for t in toks):
            weak.add(e.id)
    return frozenset(weak)


def _modifier_of_thing(t, parts: Participants, rs: RuleSet) -> bool:
    """A word naming a state that qualifies a noun naming no actor: "Canadian" in "its Canadian
    bank subsidiary", "Spain" in "Spain's citrus committee" (not "Spain" in "Spain's government")."""
    if t.dep_ == "appos" and t.head.i in parts.by_tok:
        # "First National Bank of Chicago (Canada)": the firm's national arm, not the state
        return business(parts.by_tok[t.head.i].entity, rs)
    if t.dep_ not in {"amod", "compound", "poss", "nmod"} or t.head.i in parts.by_tok:
        return False
    h = t.head
    sector, firms = parts.group_sector(h), words("plover").business_sectors
    if t.dep_ == "poss" and sector not in firms:
        return False  # "Manila's insistence": the owner of an act is its actor
    return (sector is None or sector in firms) and h.lemma_.lower() not in words("coref").state_heads


def _homecoming(c: Cand, actors: list[Entity], recipients: list[Entity], place: Place | None) -> bool:
    """A visit verb whose place is in the state of every actor, with no host named but that state:
    "the minister is due to arrive in Tokyo" (a Japanese minister) is a return or a tour at home,
    not a visit to anyone."""
    if not c.rule.visit or c.kind != "verb" or place is None or not place.country:
        return False
    if any(e.kind != "country" or e.country != place.country for e in recipients):
        return False  # a host named apart from the place's own state
    return bool(actors) and {a.country for a in actors} == {place.country}


def _thing_agent(c: Cand, parts: Participants) -> bool:
    """A verb in the passive whose by-agents name no actor, person or group: "growth could be
    threatened by attempts to cut the deficit", "imports are limited by pipeline capacity"."""
    if c.kind != "verb" or not is_passive(c.head):
        return False
    agents = passive_agents(c.head)
    return bool(agents) and not any(
        parts.entities(a, strict=False) or parts.group_sector(a) or a.pos_ == "PRON" for a in agents
    )


def _campaign(c: Cand) -> bool:
    """An act aimed at a problem campaigned against (`campaign_targets`, plover.yaml): the direct
    object of a verb ("attack the trade deficit") or the on/against object of a noun ("the war on
    waste, fraud and abuse", "a battle against poverty"), any of its conjuncts included."""
    t = c.trig
    if c.kind == "verb":
        objs = [o for o in t.children if o.dep_ in {"dobj", "nsubjpass"}]
    else:
        objs = [
            p
            for ch in t.children
            if ch.dep_ == "prep" and ch.lower_ in {"on", "against"}
            for p in ch.children
        ]
        objs = [o for o in objs if o.dep_ == "pobj"]
    # the nouns joined to the object, not a verb the parser hung on it ("... squalor but promoting")
    objs += [x for o in objs for x in o.conjuncts if x.pos_ in {"NOUN", "PROPN"}]
    targets = words("plover").campaign_targets
    return bool(objs) and all(noun_keys(o) & targets for o in objs)


def _has_partner(c: Cand, actors: list[Entity], recipients: list[Entity]) -> bool:
    """A talk verb (`partner_verbs`, plover.yaml) consults someone only with a partner: a
    recipient, two actors or more, a with/to phrase, or a plural subject ("the two sides talked")."""
    if c.kind != "verb" or c.trig.lemma_.lower() not in words("plover").partner_verbs:
        return True
    if recipients or len(actors) > 1:
        return True
    if any(ch.dep_ == "prep" and ch.lower_ in {"with", "to"} for ch in c.trig.children):
        return True
    if any(ch.dep_ == "dobj" for ch in c.trig.children):
        return True  # "negotiated a settlement", "discussed the border": a deal or a topic worked on
    subj = subject_of(c.head)
    return subj is not None and (
        # "the two sides", "the French and British ministers", "Iran and Iraq"
        subj.tag_ in {"NNS", "NNPS"}
        and any(d.lower_ in {"two", "both"} or d.like_num or d.conjuncts for d in subj.lefts)
        or any(ch.dep_ == "conj" for ch in subj.children)
    )


def is_reported_act(
    c: Cand,
    rs: RuleSet,
    parts: Participants,
    actors: list[Entity],
    recipients: list[Entity],
    private: int = 0,
    place: Place | None = None,
) -> bool:
    """False for candidates that report no act between actors."""
    r = c.rule
    if _homecoming(c, actors, recipients, place):
        return False  # "Miyazawa is to arrive in Tokyo": a return home, no visit
    if rs.settings.get("require_participant", True) and not actors and not recipients:
        return False
    if not_an_act_sense(c, rs) or _opinion(c, actors, recipients, rs):
        return False
    if actors and all(_document(e, rs) for e in actors):
        return False  # "the agreement allowed poor countries to export": a text's terms, no one's act
    if _warning_to_no_one(c, recipients, rs):
        return False  # "warned that companies could face shortages": a hazard foretold, no threat
    if _bare_stance(c, recipients):
        return False  # "were determined to pass such legislation": resolve, promised to no one
    if actors and r.event in words("plover").not_by_firms and all(_firm(e, rs) for e in actors):
        return False  # "the company will increase its presence in Brazil": no deployment
    if actors and r.visit and c.kind == "verb" and all(_firm(e, rs) for e in actors):
        return (
            False  # "South African Airways flies to Australia": a route flown, no visit (its officers visit)
        )
    if r.event in words("plover").firm_post_types and left_firm_post(c, rs):
        return False  # "resigned as chairman of Acme Corp": business
    # which states stand only for a firm's nationality or a place matters only in market copy
    market = int(rs.settings.get("private_domain_min") or 3) <= private < TEAM_COPY
    weak = _weak_states(c, parts, actors, recipients, rs) if market else frozenset()
    if not in_affairs(actors, recipients, private, rs, weak):
        return False
    if r.event in words("plover").thing_agent_types and _thing_agent(c, parts):
        return False  # "imports are limited by pipeline capacity": a state of things, no act
    if r.event in words("plover").campaign_types and _campaign(c):
        return False  # "attack the trade deficit", "the war on waste": a policy, no violence
    if r.event == "CONSULT" and not _has_partner(c, actors, recipients):
        return False  # "officials began to talk about the threat of inflation": no one talked with
    if (
        r.event in {"THREATEN", "REQUEST"}
        and c.kind == "verb"
        and is_passive(c.head)
        and not passive_agents(c.head)
    ):
        # "when its interests are threatened", "stimulus is not called for": no threat, no demand
        if not (r.event == "REQUEST" and c.head.lemma_.lower() in words("clauses").passive_request_verbs):
            return False
    if (
        r.event in words("plover").present_passive_is_state
        and c.kind == "verb"
        and not passive_agents(c.head)
        and any(
            ch.dep_ == "auxpass" and ch.lower_ in words("clauses").state_auxiliaries for ch in c.head.children
        )
    ):
        return False  # "some 14,000 troops are stationed in the country": a standing fact, not an act
    if (
        not actors
        and rs.settings.get("require_actor_when_subject", True)
        and c.kind in {"verb", "adj", "noun"}
    ):
        if nonactor_subject(c.head, parts):
            return False

    return True
