"""The shape of every data file: one ``TypedDict`` per file (and per record inside it).

These classes are both the schema ``lexicon.load`` checks a file against and the type the code
reading it gets, so the data and the code cannot drift apart unnoticed (``tests/test_lexicon.py``
checks that every key a schema allows is read somewhere, and the checker refuses keys it does not
know). Keys are required unless marked ``NotRequired``; an optional key left empty ("light:") is
as if absent. The comments say what each key is for; docs/patterns.md and docs/knowledge.md
describe the formats for analysts.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated, Any, Literal, NotRequired, TypedDict

from . import checks
from .cache import per_data_folder
from .schema import Check, Doc

# ------------------------------------------------------------------------------------- values


def _regex(flags: int = 0) -> Check:
    def test(value: Any) -> str | None:
        try:
            re.compile(value, flags)
        except re.error as exc:
            return f"not a valid regular expression: {exc}"
        return None

    return Check(test)


def _cameo_code(value: Any) -> str | None:
    if not re.fullmatch(r"\d{2,4}", value):
        return f'{value!r} is not a CAMEO code (two to four digits in quotes, such as "163")'
    return None


def _iso_date(value: Any) -> str | None:
    if not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value):
        return f"{value!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD in quotes)"
    return None


Words = list[str]  # a list of words or phrases
WordOrWords = str | list[str]  # one word, or a list of them
Regex = Annotated[str, _regex(re.IGNORECASE), Doc("a regular expression (text)")]
CaseRegex = Annotated[str, _regex(), Doc("a regular expression (text)")]
CameoCode = Annotated[str, Check(_cameo_code), Doc('a CAMEO code in quotes, such as "163"')]
Quad = Literal["verbal_coop", "material_coop", "verbal_conf", "material_conf"]


def _sector(value: Any) -> str | None:
    from .plover import plover

    sectors = plover().sectors
    return None if value in sectors else f"{value!r} is not a PLOVER sector (one of {', '.join(sectors)})"


def _actor_code(value: Any) -> str | None:
    from .plover import plover

    if value in _country_codes() or value in plover().non_state:
        return None
    return f"{value!r} is neither a country code of countries.yaml nor a PLOVER non-state code"


def _non_state(value: Any) -> str | None:
    from .plover import plover

    codes = plover().non_state
    return None if value in codes else f"{value!r} is not a PLOVER non-state code (one of {', '.join(codes)})"


@per_data_folder
def _country_codes() -> frozenset[str]:
    from . import load

    return frozenset(load("countries"))


Sector = Annotated[str, Check(_sector), Doc("a PLOVER sector code such as GOV")]
ActorCode = Annotated[str, Check(_actor_code), Doc("a country code such as NOR, or IGO, NGO ...")]
NonState = Annotated[str, Check(_non_state), Doc("a PLOVER non-state code (IGO, NGO ...)")]
ObjectKind = Literal["person", "country", "organization", "group", "any"]
IsoDate = Annotated[str, Check(_iso_date), Doc('a date in quotes, such as "2020-01-31"')]


# ------------------------------------------------------------------------------------- PLOVER


class QuadSpec(TypedDict):
    label: str  # "verbal cooperation": the PLOVER export's `quad`
    code: Literal[1, 2, 3, 4]  # the PLOVER quad_code and CAMEO QuadClass
    cooperative: bool  # the sign of the type in the cooperation-conflict index


class PloverType(TypedDict):
    quad: Quad  # PLOVER quad category; the type rewrites are keyed by it
    cameo: CameoCode  # the CAMEO code of an event whose rule gives none
    score: float  # PLOVER's score of the type, when the event's CAMEO code has none
    modes: dict[str, CameoCode | None]  # the type's PLOVER modes, each with its CAMEO code


class IntentOfHostile(TypedDict):
    frames: list[str]  # frame types (AGREE) ...
    quads: list[Quad]  # ... governing an act of these quads ...
    to: str  # ... become this type


class Rewrites(TypedDict):
    future: NotRequired[dict[str, str]]  # quad or type -> type (checks.plover)
    negated_future: NotRequired[dict[str, str]]
    negated: NotRequired[dict[str, str]]
    modal: NotRequired[dict[str, str]]
    intent_of_hostile: NotRequired[IntentOfHostile]
    keep: NotRequired[list[str]]


DefaultRecipient = Literal["government_of_place", "country_of_place", "host_of_place", "people_in_place"]


class Plover(TypedDict):
    """plover.yaml: the PLOVER types and the settings every event type shares."""

    quads: dict[Quad, QuadSpec]
    types: dict[str, PloverType]
    sectors: dict[str, str]
    non_state: dict[str, str]
    rewrites: Rewrites
    light_verbs: Words
    future_aux: Words
    future_frames: Words
    hypothetical_aux: Words
    hypothetical_marks: Words
    contexts: dict[str, Words]
    group_nouns: dict[str, Words]  # sector -> nouns (checks.plover: a sector of `sectors`)
    member_heads: Words  # "union leaders": the group noun before gives the sector
    people_sector: str  # "West Africans": a people the linker does not know (a sector of `sectors`)
    # office heads (offices.yaml `heads`) that are also common nouns, never a holder: "in the head"
    title_heads_not_holders: NotRequired[Words]
    require_participant: bool
    require_placed_party: NotRequired[bool]  # some participant tied to a state or an international body
    require_actor_when_subject: bool
    present_passive_is_state: list[str]
    negating_nouns: Words
    consult_mode_nouns: NotRequired[dict[str, Words]]  # mode -> nouns on a meeting's verb
    first_person: NotRequired[Words]  # "we must try": no demand
    alternative_markers: NotRequired[Words]  # "rather than pay": the clause after is not done
    unrealised_adjectives: NotRequired[Words]  # adjectives whose for-gerund act is not done
    unrealised_nouns: NotRequired[Words]  # nouns whose to-clause act is not done ("the need to seek")
    capacity_modifiers: NotRequired[Words]  # "enough votes to block": any noun's to-clause a means
    negated_dropped: NotRequired[Words]  # types a negation leaves no record of ("would not welcome")
    request_content_frames: NotRequired[Words]  # types whose requested content is no act of anyone
    agreement_nouns: NotRequired[Words]  # objects whose to-clause names the agreement's parties
    stance_types: NotRequired[list[str]]  # types whose object is a measure judged ("backed the plan")
    measure_target_preps: NotRequired[Words]  # "sanctions against X": X is the measure's target
    # a frame's code -> the code (prefix) of the act it governs -> the frame's finer code
    frame_codes: NotRequired[dict[CameoCode, dict[CameoCode, CameoCode]]]
    giving_types: NotRequired[list[str]]  # types whose objects name the thing given ("asked for aid")
    act_nouns: NotRequired[dict[str, CameoCode]]  # nouns naming an act no rule has ("restraint": 087)
    negating_adjectives: NotRequired[Words]  # "impossible to agree": the act did not happen
    doubting_adjectives: NotRequired[Words]  # "unlikely to sign": the act is hypothetical
    doubting_verbs: NotRequired[Words]  # "it was predicted that X would meet": a forecast, not an act
    belief_verbs: NotRequired[Words]  # "believes X will agree": a future act in their clause is a forecast
    wish_verbs: NotRequired[Words]  # "hoped that X would help": a wish, not an act
    proposal_nouns: Words
    frame_modes: dict[str, dict[str, str]]
    object_control: Words
    reporting_verbs: Words
    partitive_nouns: Words
    default_recipient: dict[str, DefaultRecipient]
    political_sectors: NotRequired[list[str]]  # sectors that make an actor political
    political_non_state: NotRequired[list[str]]  # non-state codes that are political bodies
    legislative_sectors: NotRequired[list[str]]  # legislatures: state-level in market copy
    legal_sectors: NotRequired[list[str]]  # sectors of courts: a party only beside a political actor
    business_sectors: NotRequired[list[str]]  # sectors of private business
    company_suffixes: NotRequired[Words]  # last words of company names ("AG", "Corp")
    company_name_words: NotRequired[Words]  # words anywhere in a firm's name ("Bond Dealers")
    business_offices: NotRequired[Words]  # offices only a firm or market gives ("chief executive", "analyst")
    business_offices_stateless: NotRequired[Words]  # offices of a firm when no state is tied ("chairman")
    team_domains: NotRequired[Words]  # private domains where a country names a team
    question_verbs: NotRequired[Words]  # asking verbs whose wh-complement is a question, not a request
    naming_verbs: NotRequired[
        Words
    ]  # verbs of naming: object + predicate describe, no act ("called X a liar")
    demand_modals: NotRequired[Words]  # modals of a reported demand or appeal ("Y must / should ...")
    modal_codes: NotRequired[dict[str, CameoCode]]  # such a frame's code by its modal ("should": appeal)
    speech_tag_acts: NotRequired[list[str]]  # types a verb still codes as a quote's tag ("..., warned X")
    not_by_firms: NotRequired[list[str]]  # types a firm never does ("increase its presence in Brazil")
    economic_sectors: NotRequired[list[str]]  # sectors of firms, unions, farmers: no political party
    economic_types: NotRequired[list[str]]  # types no event among economic parties alone
    debate_types: NotRequired[list[str]]  # violent types that are metaphors between debating bodies
    debate_sectors: NotRequired[list[str]]  # sectors of political debate (legislature, party ...)
    domestic_pledge_types: NotRequired[list[str]]  # types no event as a pledge at home to no one
    accident_types: NotRequired[list[str]]  # types no event when only workers die, no one named
    pledge_partner_preps: NotRequired[Words]  # prepositions whose object is a pledge's partner
    debate_group_sectors: NotRequired[list[str]]  # of them, the sectors whose groups debate, not crowds
    named_by_participle: NotRequired[list[str]]  # "the embargo imposed on China": named, not reported
    opinion_verbs: NotRequired[Words]  # "he said he agreed": bare, of a person, an opinion
    stance_frame_types: NotRequired[list[str]]  # adjective frames that need an act or an addressee
    knowing_verbs: NotRequired[Words]  # "realise they should buy": a should seen, no demand
    obligation_frames: NotRequired[Words]  # "we have to agree": owed, not done (present tense only)
    intent_nouns: NotRequired[Words]  # "in the hope of freeing", "in an effort to agree": not done
    business_posts: NotRequired[Words]  # "resigned from the board", "quit as partner in a firm"
    firm_post_types: NotRequired[list[str]]  # types that leaving a post in a firm does not give
    campaign_types: NotRequired[list[str]]  # types no act when aimed at a campaign target
    campaign_targets: NotRequired[Words]  # problems campaigned against ("the deficit", "waste")
    thing_agent_types: NotRequired[list[str]]  # types no act in a passive with a thing as agent
    partner_verbs: NotRequired[Words]  # talk verbs that consult only with a partner named
    preventing_verbs: NotRequired[Words]  # "kept him from probing": the from-clause act is not done
    private_domain_min: NotRequired[int]  # distinct domain words that make a story private copy
    private_domains: NotRequired[dict[str, Words]]  # domain -> its words (lemmas; phrases match text)


class CameoEntry(TypedDict):
    label: str
    plover: str  # the PLOVER type the code maps to (PLOVER's CAMEO conversion table)
    score: NotRequired[float]  # Goldstein-like score, -10 .. +10
    crosswalk: NotRequired[str]  # the conversion table's type, where eventwire follows PLOVER's gold instead
    context: NotRequired[str]  # the PLOVER context that alone sets this sub-code apart from its siblings
    mode: NotRequired[str]  # the PLOVER mode the conversion table gives the code (an event's, if none else)


Cameo = dict[CameoCode, CameoEntry]


class WordCode(TypedDict):
    """The CAMEO code, and the PLOVER mode, one trigger word of a rule gives instead of the rule's."""

    cameo: CameoCode
    mode: NotRequired[str]


class Rule(TypedDict):
    """One trigger rule of an event pattern file (docs/patterns.md)."""

    name: str
    verbs: NotRequired[WordOrWords]
    nouns: NotRequired[WordOrWords]
    adjectives: NotRequired[WordOrWords]
    must: NotRequired[bool]
    objects: NotRequired[WordOrWords]
    not_objects: NotRequired[WordOrWords]
    objects_kind: NotRequired[ObjectKind | list[ObjectKind]]
    complement: NotRequired[WordOrWords]
    not_complement: NotRequired[WordOrWords]
    requires_complement: NotRequired[bool]
    requires_prep: NotRequired[WordOrWords]
    requires_joint: NotRequired[bool]
    light: NotRequired[WordOrWords]
    preps: NotRequired[WordOrWords]
    subject_noun: NotRequired[bool]
    frame: NotRequired[bool]
    visit: NotRequired[bool]
    void: NotRequired[bool]  # a frame that reports no event and voids what it governs ("denied reports")
    clause_needs_act: NotRequired[bool]  # a frame whose that-clause must hold an act ("warned X that ...")
    experiencer: NotRequired[bool]  # the feeler is the actor, the one whose act caused it the recipient
    patient_of: NotRequired[bool]  # a noun whose of-object suffers the act ("the capture of X by Y")
    judgement: NotRequired[
        bool
    ]  # a reported verdict: the one who states it is the actor, the judged the recipient
    object_actors: NotRequired[bool]  # a direct object, if any, names actors or arms ("withdrew troops")
    mode: NotRequired[str]
    cameo: NotRequired[CameoCode]
    # a trigger's own finer code and mode ("torture": 1822 torture under an attack rule's 190)
    word_codes: NotRequired[dict[str, WordCode]]
    context: NotRequired[WordOrWords]


class EventFile(TypedDict):
    """events/<type>.yaml: the trigger rules of one PLOVER type."""

    event: str
    context: NotRequired[WordOrWords]
    rules: list[Rule]


class Clauses(TypedDict):
    """clauses.yaml: the words the event coder's own rules use (each a list of words)."""

    recipient_preps: Words
    directed_place_preps: Words
    capital_metonymy_preps: Words
    host_nouns: Words
    occasion_nouns: Words
    ceremony_nouns: Words
    boycott_events: Words
    pressure_nouns: Words
    pressure_preps: Words
    domestic_sectors: Words
    domestic_modes: Words  # modes of an act within the actor state's jurisdiction
    domestic_measures: Words
    talk_nouns: Words
    unattributed_events: Words
    unattributed_name: str
    owner_participles: Words
    owner_target_preps: Words
    owner_group_sectors: Words
    victim_verbs: Words
    time_nouns: Words
    reaction_verbs: Words
    from_owner_nouns: Words  # act nouns whose from-object is who does the act ("calls from X for ...")
    occasion_preps: Words  # an act noun under these is an occasion of its own ("reached in talks with X")
    state_act_preps: Words  # "be" + these + an act noun reports the act ("were on strike")
    object_kind_preps: Words
    noun_object_preps: Words
    fallback_recipient_preps: Words
    place_preps: Words
    through_preps: Words
    group_place_preps: Words
    located_group_sectors: Words
    story_group_sectors: Words  # civil groups a story's own state addresses
    companion_events: Words  # "with banks on strike": companions, not targets
    addressee_preps: Words  # "met with union leaders": an unnamed group addressed
    stance_prefixes: Words  # "anti-Syria journalist": a stance, not the group's state
    foreign_modifiers: Words  # "international agencies": no story state
    regional_name_words: Words  # "Association of African Jurists": no one state's body
    leading_verbs: Words
    affiliation_words: Words
    topic_preps: Words
    grounds_preps: Words  # "attacked X over Y": with a party as object, Y is the grounds
    holding_nouns: Words  # "released from Chinese custody": the holder did it
    topic_events: Words
    topic_heads: Words
    visit_nouns: Words
    visit_preps: Words
    message_preps: NotRequired[Words]  # "sent a letter to X demanding ...": the letter's addressee
    non_actor_pronouns: Words
    protest_aims: Words
    protest_aim_preps: Words
    protest_nouns: Words
    protest_noun_preps: Words
    future_noun_mods: Words
    joint_words: Words
    example_preps: Words
    ordinal_words: Words
    visiting_groups: Words
    purpose_heads: Words
    question_words: Words
    asked_question_words: Words
    question_verbs: Words  # a reporter's question: "Asked whether ..."
    reference_marks: Words  # "as pledged in Paris": a reference, not an act
    stative_verbs: Words
    state_auxiliaries: Words
    passive_request_verbs: Words
    threat_modals: Words
    inverted_condition_aux: NotRequired[Words]  # auxiliaries that open an inverted condition
    delegation_verbs: Words
    talk_verbs: NotRequired[Words]  # "refused to discuss the report": talk, not a refusal
    talk_topics: NotRequired[Words]
    setting_preps: NotRequired[Words]  # "during the talks": the time of the act, not its object
    condition_marks: NotRequired[Words]  # "if convicted": an elliptic condition, no act
    owned_things: NotRequired[Words]  # "Kuwait's economy pulled out": a state's thing is no actor
    natural_hazards: NotRequired[Words]  # "Hurricane Mitch killed": a force of nature is no actor
    privative_preps: NotRequired[Words]  # "without violating": the act in their clause is not done
    pending_adverbs: NotRequired[Words]  # "has not yet agreed": still to come, no failure


# ------------------------------------------------------------------------------------- extractors


class Contractor(TypedDict):
    name: str
    aliases: NotRequired[Words]
    country: ActorCode
    products: NotRequired[Words]  # designations (model names) the maker builds: "Gripen", "K2"


class Deals(TypedDict):
    items: dict[str, Words]
    buy_verbs: Words
    sell_verbs: Words
    status: dict[Literal["cancelled", "delivered", "contract", "mou", "agreement", "planned"], Words]
    plan_first: Words  # before a signed/agreed cue, these make the deal planned ("set to sign a contract")
    generic_items: Words
    future_delivery: Words
    owner_words: Words
    not_items_before: Words
    deal_nouns: Words
    sell_nouns: Words
    buy_nouns: Words
    batch_words: Words
    item_head_nouns: Words
    party_nouns: Words  # nouns a state's word modifies that stand for a party ("the Colombian government")
    contractors: list[Contractor]  # makers: their home state and the designations they make
    container_nouns: Words  # nouns that hold the item between it and the transfer ("a batch of")
    denial_verbs: Words  # a deal under these is denied ("denied reports that it signed a deal")
    request_verbs: Words  # a deal under these is another's wish ("urged Japan to buy"): no deal
    wish_words: Words  # a transfer hanging under these is only wished for, sought or tendered
    condition_marks: Words  # a transfer in a clause opened by these is a condition, not a deal
    topic_preps: Words  # a deal noun "on" an item is an accord about it, not its sale
    policy_nouns: Words  # "the <item> accord" with no count or value is a trade accord, not a sale
    award_verbs: Words  # the awarder buys, the awardee sells ("X was awarded a contract")
    make_verbs: Words  # selling verbs that only make the item: a deal needs someone it is made for
    unit_price_words: Words  # an amount followed by these is a unit price, not the deal's value
    measure_units: Words  # lemmas of bulk measures ("18,000 tonnes of barley"): the quantity's unit
    min_value: float  # an amount below this is a price ("at 22 dlrs"), never a deal's value


class Figures(TypedDict):
    metrics: dict[str, Words]
    bilateral_cues: Words
    kinds: dict[Literal["target", "forecast", "estimate"], Words]
    goal_verbs: Words  # raising verbs that make a future amount a target ("to increase ... to")
    goal_auxiliaries: Words  # the words before a goal verb that make it a goal ("to", "would", "be")
    goal_intransitive_next: Words  # an active goal verb followed by these has no object: a forecast
    kind_clause_openers: Words  # open another clause: an amount's kind is read after the last one
    expectation_words: Words  # a goal verb under these is a forecast ("expects trade will expand to")
    period_refs: Words  # words that take the previous figure's period ("in the month")
    comparison_words: Words  # a time expression after these is the comparison base ("from December")
    reporting_words: Words  # a time expression right after these dates the saying ("said last March")
    count_units: Words
    percent_words: Words
    min_amount_without_metric: float
    small_amount_metrics: Words
    min_count: float
    base_words: Words  # an amount right after these is the base of a comparison ("from 8.3 pct")
    company_metrics: Words  # measures of a firm's books: no figure when the sentence names a company
    metric_preps: Words  # a verb's phrases after these name its amount's metric ("provide $1 bln as aid")
    party_preps: Words  # a verb's phrases after these name a party of its amount ("provide $1 bln to X")
    measure_units: Words  # counted units that say how much, not of what: figures only with a metric
    firm_nouns: Words  # nouns for a firm: an amount tied to one is company copy ("the utility's revenues")
    measure_heads: Words  # nouns a metric word may modify and still name the measure ("export target")
    row_words: Words  # between amounts in a verbless sentence: a results table row ("4.1 mln vs 3.2 mln")
    counterfactual: Words  # an amount under these never happened ("would have risen by")
    money_metrics: Words  # metrics only money (or its change) can measure: a count is never one
    base_prepositions: Words  # a time inside a phrase headed by these dates a comparison base
    market_copy: Words  # money-market, Treasury-account and trading copy: its amounts are no figures
    market_copy_min: int  # this many different market_copy words make a whole story market copy
    change_words: dict[Literal["increase", "decrease"], Words]  # lemmas an amount's change hangs on
    change_preps: Words  # prepositions an amount reaches its change word through ("by 4 pct")
    money_raising_verbs: Words  # a sum these take as object is money found ("raised 5 bln dlrs")
    refined_by_verb: dict[
        str, str
    ]  # a phrase's metric -> the verb's metric that refines it (debt -> repayment)
    per_units: Words  # the measures a price is per ("5.70 dlrs an ounce")
    lender_metrics: Words  # a body named in the sentence of these is the figure's lender or donor
    owner_preps: Words  # a state named after these is an owner ("the debt of Brazil"), not a place
    count_verbs: dict[str, Words]  # metric -> verb lemmas: what befell a count of people ("26 people died")
    period_units: dict[str, Literal["D", "W", "M", "Q", "Y"]]  # a stretch's nouns ("months") by length
    period_end_words: Words  # join a stretch to the date it ends on ("the week ended March 28")
    period_since_words: Words  # open a stretch from the date to the story's day ("since 1980")
    period_first_words: Words  # open a stretch from the start of the date's year ("the first 8 months of")


class Fusion(TypedDict):
    phases: dict[str, Words]  # phase name -> cues, in the order phases happen
    max_phase_days: int  # widest gap between two phases of one event
    max_cue_distance: int  # widest distance (characters) between a phase cue and its date
    max_elaboration_gap: int  # widest gap (characters) to the event an actorless report tells more of
    max_retold_days: int  # widest gap (days) between two stories' readings of one act dated by their story
    agreement_support_codes: Words  # SUPPORT codes fusing with AGREE/COOPERATE readings of one pact
    host_codes: Words  # a host's reading of a visit: the visitor's reading orients a fused record


class Quotes(TypedDict):
    verbs: Words
    channels: dict[str, Words]
    outlet_words: Words  # last words of an outlet's name ("Sky News"): the outlet is the channel
    title_small_words: Words  # words a title keeps in lower case ("Office in a Pocket")
    min_words: int
    anaphors: Words
    representatives: Words  # people who speak for the body they are "at" or "for" (an official)
    affiliation_preps: Words  # tie a name to its body or place ("X of Acme"): the speaker's own state


class Currencies(TypedDict):
    scales: dict[str, float]
    symbols: dict[str, str]
    words: dict[str, str]
    needs_scale: dict[str, str]
    story_words: Words  # bare names of money many states use ("dlrs"): the story says whose
    story_local_only: dict[str, Words]  # kind -> the only local currencies a story's state gives it
    iso_codes: Words
    approximators: Words
    number_words: dict[str, float]
    same_kind: dict[str, str]  # a currency name's last word -> the kind one English word covers


class Time(TypedDict):
    months: dict[int, Words]
    ambiguous_months: Words
    weekdays: dict[int, Words]
    weekday_abbrev_need_dot: Words
    seasons: dict[Literal["SP", "SU", "FA", "WI"], Words]
    season_months: dict[Literal["SP", "SU", "FA", "WI"], tuple[int, int]]
    parts_of_day: dict[Literal["MO", "AF", "EV", "NI"], Words]
    holidays_fixed: dict[str, Annotated[str, Doc('a month-day in quotes, such as "12-25"')]]
    holidays_nth_weekday: dict[str, tuple[int, int, int]]
    holidays_easter: dict[str, int]
    numbers: dict[str, int]
    vague_numbers: Words
    ordinals: dict[str, int]
    units: dict[str, str]
    refs: dict[Literal["PRESENT_REF", "PAST_REF", "FUTURE_REF"], Words]
    sets: dict[str, str]
    future_cues: Words
    past_cues: Words
    not_past_ed: Words
    event_nouns: Words
    episode_shifts: Words
    past_noun_modifiers: Words
    past_markers: Words
    time_anaphors: Words
    ordering_preps: Words
    conditional_marks: Words
    after_preps: Words
    dating_participles: Words
    occasion_preps: Words
    time_relatives: Words
    sequence_verbs: Words
    ordering_nouns: Words
    present_cues: Words
    deadline_words: Words
    temporal_preps: Words
    year_preps: Words
    stretch_words: Words
    setword_determiners: Words
    daywords: dict[str, int]
    decades: dict[str, int]
    century_ordinals: dict[str, int]
    quarter_ordinals: dict[str, int]
    spelled_year_centuries: Words
    spelled_tens: dict[str, int]
    spelled_ones: dict[str, int]


TimeWordList = Literal[
    "months",
    "weekdays",
    "seasons",
    "parts_of_day",
    "units",
    "refs",
    "sets",
    "holidays",
    "daywords",
    "spelled_year_centuries",
]
TimeHandler = Literal[
    "iso", "slash", "mdy", "dmy", "month_range_year", "month", "year_range", "fiscal", "fiscal_rel",
    "year", "decade", "century", "quarter", "qnum", "quarter_ref", "half", "season", "weekday",
    "weekend", "dayword", "partrel", "inunit", "relunit", "ago", "ref", "duration", "setword",
    "every", "freq", "clock", "noon", "relday", "relyear", "spelled_year", "holiday",
]  # fmt: skip
Pattern = str | list[str]  # a regular expression, or pieces of one joined without spaces


class TimeAnchor(TypedDict):
    words: NotRequired[Words]
    words_of: NotRequired[TimeWordList]
    pattern: NotRequired[CaseRegex]
    ignore_case: NotRequired[bool]


class TimeRule(TypedDict):
    pattern: Pattern
    handler: TimeHandler
    priority: int
    ignore_case: NotRequired[bool]
    anchor: NotRequired[TimeAnchor]


class TimeRules(TypedDict):
    anchor_stopwords: Words
    fragments: dict[str, Pattern]
    rules: dict[str, TimeRule]


class Limits(TypedDict):
    max_html_depth: int
    header_lines: int
    min_text_chars: int
    max_text_chars: int


class Ingest(TypedDict):
    months: dict[str, int]
    weekdays: Words
    date_labels: Words
    age_units: Words
    inline_debris: list[Regex]
    drop_lines: list[Regex]
    teaser_headings: list[Regex]
    html_prune_class_parts: NotRequired[Words]
    section_labels: Words
    header_keys: dict[Literal["date", "author", "title", "url", "publisher", "language"], Words]
    byline_patterns: list[Regex]
    byline_role_words: Words
    byline_outlet_words: Words
    wire_agencies: Words
    name_particles: Words
    widget_word_suffixes: Words
    caption_cues: list[Regex]
    abbreviations: Words
    agency_patterns: list[Regex]
    dateline_patterns: list[CaseRegex]
    stopwords: dict[str, Words]
    json_fields: dict[Literal["title", "text", "published", "author", "url", "publisher", "language"], Words]
    json_containers: Words
    skip_file_names: NotRequired[Words]
    limits: Limits


class MarketCopy(TypedDict):
    political: Words  # any one makes a story worth parsing (lower case: any case; else as written)
    market: Words  # business cues (lower case: any case; else as written)
    min_market: int  # distinct market cues a story needs before it may be skipped


class Prefilter(TypedDict):
    fallback_triggers: Words
    pronouns: Words
    abbreviations: Words
    not_names: Words
    market_copy: NotRequired[MarketCopy]


# ------------------------------------------------------------------------------------- actors


class Country(TypedDict):
    name: str
    alpha2: str | None
    aliases: Words
    adj: Words
    people: Words
    capitals: Words
    historic: bool
    foreign: NotRequired[Words]


Countries = dict[str, Country]


class CountryExtra(TypedDict):
    name: NotRequired[str]
    aliases: NotRequired[Words]
    adj: NotRequired[Words]
    people: NotRequired[Words]
    capitals: NotRequired[Words]
    no_capital: NotRequired[bool]


CountryExtras = dict[str, CountryExtra]


def _igo_code(value: Any) -> str | None:
    if isinstance(value, str) and re.fullmatch(r"[A-Z]{4,16}", value):
        return None
    return f"{value!r} is not an organisation's own code (4 to 16 capital letters, such as IGOUNO)"


IgoCode = Annotated[str, Check(_igo_code), Doc("the organisation's own CAMEO-style code, such as IGOUNO")]


class Igo(TypedDict):
    name: str
    aliases: NotRequired[Words]
    code: NonState
    sector: NotRequired[Sector]
    actor_code: NotRequired[IgoCode]  # its identity (default: the world knowledge's, else code + acronym)
    short: NotRequired[Words]  # the bare word an article uses once it has named the body ("the Commission")


class Offices(TypedDict):
    heads: dict[str, Sector]
    name_like_titles: Words
    modifiers: Words
    past_markers: Words
    then_markers: Words
    start_markers: NotRequired[Words]
    abbreviations: dict[str, str]
    government_nouns: Words
    group_nouns: dict[str, Sector]
    org_sectors: list[tuple[str, Sector]]
    org_words: Words
    place_words: Words
    org_descriptors: dict[str, Sector]


class PartyStateTag(TypedDict):
    """A legislature's bracket tag after a member's name: party letters and region abbreviations."""

    parties: Words
    regions: Words


class Names(TypedDict):
    """names.yaml: the words the actor linker's own rules use about names (each a list)."""

    not_actors: Words
    thing_names: Words
    law_heads: Words
    name_particles: Words
    party_words: Words
    party_state_tags: dict[ActorCode, PartyStateTag]
    portfolio_heads: Words
    pact_heads: Words
    corporate_suffixes: Words
    initials_stop_words: Words
    ambiguous_lower: Words
    person_pronouns: Words
    leader_heads: Words
    vague_heads: Words
    generic_heads: Words
    name_connectors: Words
    office_prepositions: Words
    leader_bodies: Words
    not_name_starts: Words
    not_name_tails: Words
    company_demonyms: dict[str, ActorCode]
    place_preps: Words
    country_place_preps: Words
    facility_place_preps: Words
    generic_org_words: Words
    unknown_place_preps: Words
    facility_town_preps: Words
    short_place_preps: Words
    settlement_nouns: Words
    kin_nouns: Words  # "X's sister Y": Y takes X's state
    envoy_titles: Words
    envoy_preps: Words
    ticker_exchanges: dict[
        str, ActorCode
    ]  # a ticker's exchange suffix ("T" in <ISUM.T>) -> the company's state
    bare_ticker_state: ActorCode  # the state of a ticker with no suffix ("Ford Motor Co <F>") ...
    bare_ticker_suffixes: Words  # ... after a name ending in one of these corporate words only


class Coref(TypedDict):
    """coref.yaml: pronouns and descriptions that refer back to states, organisations and pairs."""

    thing_pronouns: Words
    plural_pronouns: Words
    speaker_pronouns: Words
    speaker_plural_pronouns: Words
    expletive_verbs: Words
    pair_heads: Words
    pair_numbers: dict[str, int]
    bare_pair_heads: Words
    definite_determiners: Words
    pair_person_heads: Words
    state_heads: Words
    acting_state_heads: Words
    org_heads: Words
    company_nouns: Words
    title_abbreviations: dict[str, str]
    counterpart_heads: Words
    person_possessives: Words  # "his chancellor": a description of a person named before
    relation_heads: Words  # "its creditor banks": the possessor is the other side
    max_sentences_back: int
    authored_acts: dict[str, Words]
    discourse_sentences: int
    region_states: dict[str, list[ActorCode]]
    partner_nouns: (
        Words  # a relation named without its partner ("restored ties") is with the dyad's other state
    )
    state_bodies: NotRequired[dict[str, list[ActorCode]]]
    state_titles: NotRequired[dict[str, list[ActorCode]]]
    dyad_events: Words
    dyad_min_mentions: int
    dyad_min_share: float
    story_state_share: float  # "the government" is of a state named this share of the top one's times
    official_sectors: Words


class Honorifics(TypedDict):
    honorifics: Words
    military_ranks: Words
    religious: Words


class KnownOrg(TypedDict):
    name: str
    aliases: NotRequired[Words]
    country: NotRequired[ActorCode]
    sector: NotRequired[Sector]


class KnownOffice(TypedDict):
    title: str
    country: NotRequired[ActorCode]
    start: NotRequired[IsoDate]
    end: NotRequired[IsoDate]


class KnownPerson(TypedDict):
    name: str
    aliases: NotRequired[Words]
    country: NotRequired[ActorCode]
    sector: NotRequired[Sector]
    offices: NotRequired[list[KnownOffice]]


class Knowledge(TypedDict):
    """knowledge.yaml and every EVENTWIRE_KNOWLEDGE file (docs/knowledge.md)."""

    organizations: NotRequired[list[KnownOrg]]
    groups: NotRequired[list[KnownOrg]]
    people: NotRequired[list[KnownPerson]]
    regions: NotRequired[Words]
    country_aliases: NotRequired[dict[ActorCode, Words]]


# ------------------------------------------------------------------------------------- registry


@dataclass(frozen=True)
class DataFile:
    """A data file the package reads: its path under the data folder and its schema; ``after``
    checks what one key's value implies for another (a mode must be one of its type's modes)."""

    path: str
    schema: Any
    after: Callable[[Any, Callable[..., Exception]], None] | None = None


FILES: dict[str, DataFile] = {
    "plover": DataFile("plover.yaml", Plover, checks.plover),
    "cameo": DataFile("cameo.yaml", Cameo, checks.cameo),
    "clauses": DataFile("clauses.yaml", Clauses),
    "countries": DataFile("countries.yaml", Countries),
    "country_extras": DataFile("country_extras.yaml", CountryExtras),
    "igos": DataFile("igos.yaml", list[Igo]),
    "offices": DataFile("offices.yaml", Offices),
    "honorifics": DataFile("honorifics.yaml", Honorifics),
    "names": DataFile("names.yaml", Names),
    "coref": DataFile("coref.yaml", Coref),
    "knowledge": DataFile("knowledge.yaml", Knowledge),
    "deals": DataFile("deals.yaml", Deals),
    "figures": DataFile("figures.yaml", Figures),
    "quotes": DataFile("quotes.yaml", Quotes),
    "fusion": DataFile("fusion.yaml", Fusion),
    "currencies": DataFile("currencies.yaml", Currencies),
    "time": DataFile("time.yaml", Time),
    "time_rules": DataFile("time_rules.yaml", TimeRules, checks.time_rules),
    "ingest": DataFile("ingest.yaml", Ingest),
    "prefilter": DataFile("prefilter.yaml", Prefilter),
}
EVENTS_DIR = "events"  # every *.yaml in it is an EventFile
EVENT_FILE = DataFile(f"{EVENTS_DIR}/*.yaml", EventFile, checks.event_file)
