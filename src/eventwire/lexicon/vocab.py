"""Words one stage reads from the data of another, named for what they are rather than where they
are kept: the prefilter decides which sentences deserve a parse from the extractors' own triggers
(a deal item, a figure metric, a currency word, a group noun), so a word an analyst adds to an
extractor's file is seen by the prefilter too, and the prefilter does not know those files' layout.
"""

from . import iter_words, knowledge_file, load


def deal_items() -> list[str]:
    """Every item a deal can be about (deals.yaml ``items``), phrases as written."""
    return list(iter_words(load("deals")["items"]))


def deal_cues() -> list[str]:
    """Words that move an item or say how far a deal has got (buying and selling verbs, status cues)."""
    d = load("deals")
    return [*d["buy_verbs"], *d["sell_verbs"], *iter_words(d["status"])]


def figure_words() -> list[str]:
    """Words that make a number a figure: metric words and counted units (figures.yaml)."""
    f = load("figures")
    return [*iter_words(f["metrics"]), *f["count_units"]]


def percent_words() -> list[str]:
    return list(load("figures")["percent_words"])


def currency_codes() -> list[str]:
    """The ISO codes the currency words of currencies.yaml resolve to ("USD" for "dlrs").

    The prefilter has always read these (the values), not the words themselves: "720 mln dlrs"
    alone does not make a sentence worth parsing. Reading the words instead parses more sentences
    and changes figures and actors (kept as it was while the data moved)."""
    c = load("currencies")
    return [*iter_words(c["words"], c["needs_scale"])]


def iso_currency_codes() -> list[str]:
    return list(load("currencies")["iso_codes"])


def group_nouns() -> list[str]:
    """Nouns that name a group of actors (plover.yaml ``group_nouns``)."""
    return list(iter_words(load("plover")["group_nouns"]))


def office_heads() -> list[str]:
    """Head words of office titles (offices.yaml ``heads``)."""
    return list(load("offices")["heads"])


def reference_words() -> tuple[list[str], list[str]]:
    """(pronouns, heads) the coreference of event parties resolves (coref.yaml): "it", "they", "we";
    "the two nations", "the country", "the company", "his counterpart". A sentence holding one can
    name an actor without a capitalised word, and needs the sentence before it to find whom."""
    c = load("coref")
    pronouns = [
        *c["thing_pronouns"],
        *c["plural_pronouns"],
        *c["speaker_pronouns"],
        *c["speaker_plural_pronouns"],
    ]
    heads = [*c["pair_heads"], *c["state_heads"], *c["org_heads"], *c["counterpart_heads"]]
    return pronouns, heads


STATE_SECTORS = frozenset({"GOV", "LEG", "JUD", "MIL", "COP", "SPY"})
"""Sectors of the state's own bodies: government, legislature, courts, military, police, intelligence."""


def political_names() -> list[str]:
    """Every state (name, aliases, demonyms, people, capitals), international body and body of a
    state the data and knowledge files name, as written: a story naming one is about politics."""
    from ..settings import get_settings

    names: list[str] = []
    for c in load("countries").values():
        names.append(c["name"])
        for key in ("aliases", "adj", "people", "capitals"):
            names.extend(c.get(key) or [])
    for igo in load("igos"):
        names.append(igo["name"])
        names.extend(igo.get("aliases") or [])
    files = [load("knowledge")] + [knowledge_file(p) for p in get_settings().knowledge]
    for kn in files:
        for org in (kn.get("organizations") or []) + (kn.get("groups") or []):
            if org.get("sector") in STATE_SECTORS:
                names.append(org["name"])
                names.extend(org.get("aliases") or [])
    return names
