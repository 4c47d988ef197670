"""Municipality (CBS 2021 code) from a place or district name: woonplaatsen, municipality names, aliases.

Ambiguous woonplaats names (Beek, Nes, Bergen) resolve to the municipality of the same name, else
to a candidate
named right after the place ("Nes op Ameland", "Beek (Limburg)"), else to the largest population.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from zicht.extract.text import Prepared, Token, fold_word, prepare
from zicht.refdata import ReferenceData, fold, load_reference

# Common names, English names and districts that are not woonplaatsen, mapped to their municipality.
ALIASES: dict[str, str] = {
    **dict.fromkeys(
        [
            "den haag",
            "the hague",
            "hague",
            "s gravenhage",
            "scheveningen",
            "laak",
            "transvaal",
            "schilderswijk",
            "loosduinen",
            "escamp",
            "ypenburg",
            "haga",  # es/pl/ro/it/hu (Hága), bg (Хага)
            "la haya",
            "haia",
            "la haye",  # fr
        ],
        "GM0518",
    ),
    **dict.fromkeys(["den bosch", "s hertogenbosch", "hertogenbosch"], "GM0796"),
    **dict.fromkeys(
        [
            "bijlmer",
            "bijlmermeer",
            "amsterdam zuidoost",
            "zuidoost",
            "nieuw west",
            "osdorp",
            "slotervaart",
            "sloterdijk",
            "de pijp",
            "jordaan",
            "amsterdam noord",
            "amsterdam west",
            "amsterdam oost",
            "amsterdam zuid",
            "amsterdam centrum",
            "gaasperdam",
            "geuzenveld",
            "buitenveldert",
        ],
        "GM0363",
    ),
    **dict.fromkeys(
        [
            "kralingen",
            "delfshaven",
            "hillegersberg",
            "blaak",
            "feijenoord",
            "charlois",
            "ijsselmonde",
            "rotterdam zuid",
            "rotterdam west",
            "rotterdam noord",
            "hoogvliet",
            "pernis",
            "overschie",
            "prins alexander",
        ],
        "GM0599",
    ),
    **dict.fromkeys(["overvecht", "leidsche rijn", "kanaleneiland", "lombok", "vleuten"], "GM0344"),
    **dict.fromkeys(["strijp", "woensel", "stratum", "gestel"], "GM0772"),
    "vathorst": "GM0307",
    # Exonyms in the languages ads are written in (pt/es/it/pl/ro); "Haga", "La Haya" are above.
    **dict.fromkeys(["roterdao", "roterdam", "rotterdamu"], "GM0599"),
    **dict.fromkeys(["amesterdao", "amsterda", "amsterdamu", "amszterdam"], "GM0363"),
    **dict.fromkeys(["groninga"], "GM0014"),
    **dict.fromkeys(["nimega", "nimwegen"], "GM0268"),
    **dict.fromkeys(["utrecht", "utreque", "utrechtu"], "GM0344"),
    **dict.fromkeys(["bolduque"], "GM0796"),
    # Bulgarian/Russian names as transliterated from Cyrillic (Зволе, Айндховен, Утрехт); Хага, Ротердам,
    # Амстердам transliterate to names above
    "zvole": "GM0193",
    **dict.fromkeys(["ajndhoven", "ejndhoven"], "GM0772"),
    "utreht": "GM0344",
    "lajden": "GM0546",
    "maastriht": "GM0935",
    "arnem": "GM0202",
    "nejmegen": "GM0268",
    "enshede": "GM0153",
    "zandam": "GM0479",
    # Frisian names of Frisian towns (Snits = Sneek, Ljouwert = Leeuwarden)
    **dict.fromkeys(["snits", "boalsert", "starum", "warkum", "drylts"], "GM1900"),
    "ljouwert": "GM0080",
    "harns": "GM0072",
    "frjentsjer": "GM1949",
    "hearrenfean": "GM0074",
    "de jouwer": "GM1940",
}
# "a/d", "a.d." for "aan de(n)" in place names ("Capelle a/d IJssel", "Alphen a/d Rijn").
_AAN_DE = re.compile(r" aan (?:den|de|het) ")

# Woonplaats names that are also everyday words (or first names): in free text they count only when
# capitalised and right after a place preposition ("in Best", "uit Echt").
COMMON_WORDS = frozenset(
    """een best echt well made born ee ens lies mill hall halle hoek heide broek linde linden winkel
    veen waal zegge wier spier haren hoeven erica joppe elim oranje tuk rha loon horn vries heel
    goor lent leur boer bant hank kaag marken beek nes lith reek ried sluis spui putten putte hem
    graft stein epe arum goes buren laren dorst enter handel zetten velden rekken schijf waarde
    grave opende deil est erp elp ell bern eext mook nuis rien zalk zuna wons tinte horst norg peins
    vasse puth tuil baak haps gaast ede gees esch emst lemmer opmeer oosterend winde hulst nieuwe
    oude baars marle rumpt smakt oene wilp boekel stroe elsloo kessel heeg thorn leek groet
    """.split()
)
_PREFIXES = frozenset(
    "nieuwe nieuw oude oud groot grote klein kleine sint st de den het ter ten op aan".split()
)
PLACE_PREPOSITIONS = frozenset("in uit vanuit te regio omgeving near from bij nabij rond around en".split())
# "(uit) de omgeving van Goes", "in de buurt van Best", "the area of Ede", "cerca de Goes", "zona de Heel":
# the area words then van/of/de work like a place preposition before an everyday-word place.
_AREA_WORDS = frozenset(
    "omgeving buurt regio omstreken nabijheid area vicinity region zona cerca perto proximidades".split()
)
_AREA_LINKS = frozenset("van of de".split())
_QUALIFIER = re.compile(r"\s+(?:l|gn|nb|nh|gld|zh|u|fr|o|ov|z|d|dr|lb|li|ut|gr|fl|zl|ze|n h)$")
MAX_WORDS = 5
# Woonplaatsen named like a country (hamlets "Nederland", "America"): never from free text ("in heel
# Nederland", "uit Amerika"), only from a city field.
COUNTRY_NAMES = frozenset({"nederland", "america", "amerika", "holland"})
# Provinces are not municipalities. "Zeeland" (a village in Brabant) names the province in free text;
# Groningen and Utrecht are the province next to another province ("in Drenthe en Groningen") or after
# "provincie".
PROVINCE_ONLY = frozenset({"zeeland"})
_PROVINCE_WORDS = frozenset(
    "drenthe friesland fryslan zeeland limburg brabant gelderland overijssel flevoland holland".split()
)
_PROVINCE_BEFORE = frozenset("provincie prov province provincia provinz".split())
_LIST_WORDS = frozenset("en of and".split())
# Street names that contain a place name ("Lange Voorhout" in Den Haag, "Korte Poten"), and a place name
# followed by a street word ("Utrecht straat" as two words).
_STREET_BEFORE = frozenset("Lange Korte Hoge Lage".split())
_STREET_AFTER = frozenset("straat weg laan plein gracht kade singel dijk steeg".split())
# Polish locative after "w"/"we" ("w Amsterdamie", "w Utrechcie", "w Hadze", "w Bredzie"):
# ending -> nominative.
_LOCATIVE = (("dzie", "da"), ("dze", "ga"), ("cie", "t"), ("ie", ""), ("u", ""))
# Hungarian case endings on a capitalised city name ("Rotterdamban", "Utrechtben", "Almerében"): in / to.
_HUNGARIAN_SUFFIXES = ("ban", "ben", "ba", "be")
_CYRILLIC_WORD = re.compile("[\u0400-\u04ff]+")
_CYRILLIC_LATIN = str.maketrans(
    dict(zip("абвгдеёзийклмнопрстуфхыэ", "abvgdeezijklmnoprstufhye", strict=True))
    | {"ж": "zh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "sht", "ъ": "a", "ь": "", "ю": "yu", "я": "ya"}
)
# City adjectives ("Haagse Escort Service", "Bossche meid") that do not follow name + "se"; the regular ones
# (Amsterdamse, Utrechtse, Bredase) are derived from the municipality names.
_IRREGULAR_ADJECTIVES = {
    "haagse": "den haag",
    "bossche": "den bosch",
    "nijmeegse": "nijmegen",
    "zwolse": "zwolle",
    "leidse": "leiden",
    "groningse": "groningen",
    "almeerse": "almere",
    "goudse": "gouda",
    "dordtse": "dordrecht",
    "zaanse": "zaanstad",
    "leeuwarder": "leeuwarden",
    "maastrichtse": "maastricht",
    "tilburgse": "tilburg",
}


@dataclass(frozen=True)
class PlaceIndex:
    """Folded place name -> candidate municipality codes (best first), plus the data to break ties."""

    names: dict[str, tuple[str, ...]]
    first_words: frozenset[str]
    municipality_names: dict[str, str]  # code -> folded name (and common name), for "Nes op Ameland"
    province_of: dict[str, str]  # code -> folded province
    adjectives: dict[str, str]  # city adjective (haagse, amsterdamse) -> municipality code
    own_names: frozenset[str]  # folded municipality names and aliases: not ambiguous words
    # municipality names of 6+ letters with a doubled letter written single -> codes ("zwole")
    undoubled: dict[str, frozenset[str]] = field(default_factory=dict)

    @classmethod
    def from_reference(cls, ref: ReferenceData) -> PlaceIndex:
        population = {m.code: m.population for m in ref.municipalities}
        own_name: dict[str, set[str]] = {}
        candidates: dict[str, set[str]] = {}

        def add(name: str, code: str) -> None:
            key = fold(name)
            if key and code in population:
                candidates.setdefault(key, set()).add(code)

        for m in ref.municipalities:
            for name in {m.name, m.common_name}:
                for key in {fold(name), fold(re.sub(r"\s*\(.*\)$", "", name))}:
                    own_name.setdefault(key, set()).add(m.code)
                    add(key, m.code)
        for place in ref.places:
            add(place.name, place.municipality_code)
            key = fold(place.name)
            bare = _QUALIFIER.sub("", key)
            muni = (
                fold(ref.by_code[place.municipality_code].name)
                if place.municipality_code in population
                else ""
            )
            if muni and bare.endswith(" " + muni) and bare[: -len(muni) - 1] not in _PREFIXES:
                bare = bare[: -len(muni) - 1]
            if bare != key:
                add(bare, place.municipality_code)

        for key, codes in list(candidates.items()):
            if _AAN_DE.search(key):
                for short in (" a d ", " ad "):
                    candidates.setdefault(_AAN_DE.sub(short, key), codes)
        names: dict[str, tuple[str, ...]] = {}
        for key, codes in candidates.items():
            same = own_name.get(key, set()) & codes
            ordered = sorted(codes, key=lambda c: (c not in same, -population[c], c))
            names[key] = tuple(ordered)
        for key, code in ALIASES.items():
            names[key] = (code,)
        muni_names = {m.code: fold(re.sub(r"\s*\(.*\)$", "", m.common_name)) for m in ref.municipalities}
        provinces = {m.code: fold(m.province) for m in ref.municipalities}
        firsts = frozenset(key.split()[0] for key in names)
        adjectives = {f"{name}se": code for code, name in muni_names.items() if " " not in name}
        adjectives.update(
            {adj: names[name][0] for adj, name in _IRREGULAR_ADJECTIVES.items() if name in names}
        )
        own = frozenset(own_name) | frozenset(ALIASES)
        return cls(names, firsts, muni_names, provinces, adjectives, own, _undoubled(own_name))

    @classmethod
    def from_data_dir(cls, directory: Path) -> PlaceIndex:
        return cls.from_reference(load_reference(Path(directory)))

    def lookup(self, name: str) -> str | None:
        """The municipality of an exact place name (a site's city field), else the first place in it."""
        codes = self.names.get(fold(name))
        if codes:
            return codes[0]
        found = self.find(prepare(name), strict=False)
        return found[0] if found else None

    def find(self, text: Prepared, strict: bool = True) -> tuple[str, str] | None:
        """First place named in a text: (municipality code, matched words); the longest name wins."""
        if _CYRILLIC_WORD.search(text.raw):
            cyrillic = self._cyrillic(text.raw)
            if cyrillic:  # a Cyrillic text: a Latin place name before it (rare) is not looked for
                return cyrillic
        tokens = text.tokens
        words = text.words
        for i, token in enumerate(tokens):
            if token.word not in self.first_words:
                nominative = None
                if strict:
                    nominative = self._locative(words, i)
                    if nominative is None and token.word.endswith(_HUNGARIAN_SUFFIXES):
                        nominative = self._hungarian(token)
                    if nominative is None and i and words[i - 1] in _TYPO_PREPOSITIONS:
                        nominative = self._misspelt(token.word)
                if nominative:
                    return nominative
                continue
            for n in range(min(MAX_WORDS, len(tokens) - i), 0, -1):
                key = " ".join(words[i : i + n])
                codes = self.names.get(key)
                if not codes:
                    continue
                if strict and (key in COUNTRY_NAMES or key in PROVINCE_ONLY or _street(tokens, words, i, n)):
                    break
                if strict and key in ("groningen", "utrecht") and _province(words, i, n):
                    break
                ambiguous = (
                    key in COMMON_WORDS or len(key) <= 2 or (len(key) <= 4 and key not in self.own_names)
                )
                if (
                    n == 1
                    and strict
                    and ambiguous
                    and not _after_age(tokens, i)
                    and not _heads_run_on(text, i)
                ):
                    if not token.text[:1].isupper() or not _after_place_preposition(words, i):
                        break
                return self._resolve(codes, words[i + n : i + n + 4]), key
        if strict:  # no place named: a city adjective ("de Haagse escort service")
            for token in tokens:
                code = self.adjectives.get(token.word)
                if code and token.text[:1].isupper():
                    return code, token.word
        return None

    def _misspelt(self, word: str) -> tuple[str, str] | None:
        """A municipality name of 6+ letters with a doubled letter written single or a single one doubled
        ("zwole", "harlem", "eindhooven"), read only right after in/uit/vanuit. Any one-letter edit would be
        too loose: "terecht", "meiden", "jongen", "zwoele" are one letter from Utrecht, Leiden, Dongen,
        Zwolle."""
        if len(word) < 5 or not word.isalpha() or word in COMMON_WORDS or word in _NOT_MISSPELT:
            return None
        codes = set(self.undoubled.get(word, ()))
        for k in range(len(word) - 1):
            if word[k] == word[k + 1]:
                single = word[:k] + word[k + 1 :]
                if len(single) >= 6 and single in self.own_names and single in self.names:
                    codes.add(self.names[single][0])
        return (codes.pop(), word) if len(codes) == 1 else None

    def _hungarian(self, token: Token) -> tuple[str, str] | None:
        """A Dutch city name with a Hungarian case ending ("Groningenben", "Amszterdamban")."""
        word = token.word
        if not token.text[:1].isupper() or not word.endswith(_HUNGARIAN_SUFFIXES):
            return None
        for suffix in _HUNGARIAN_SUFFIXES:
            stem = word[: -len(suffix)]
            if word.endswith(suffix) and len(stem) >= 4 and stem in self.own_names and stem in self.names:
                return self.names[stem][0], word
        return None

    def _cyrillic(self, raw: str) -> tuple[str, str] | None:
        """The first Dutch place written in Cyrillic (Хага, Ротердам, Зволе), transliterated."""
        for match in _CYRILLIC_WORD.finditer(raw):
            latin = match.group().lower().translate(_CYRILLIC_LATIN)
            codes = self.names.get(latin)
            if codes and latin in self.own_names and len(latin) >= 4:
                return codes[0], latin
        return None

    def _locative(self, words: list[str], i: int) -> tuple[str, str] | None:
        """A Polish locative after w/we ("w Hadze" -> Haga) as (code, words)."""
        if not i or words[i - 1] not in ("w", "we"):
            return None
        word = words[i]
        for ending, replacement in _LOCATIVE:
            if word.endswith(ending) and len(word) - len(ending) >= 2:
                codes = self.names.get(word[: -len(ending)] + replacement)
                if codes and word[: -len(ending)] + replacement not in COMMON_WORDS:
                    return codes[0], word
        return None

    def _resolve(self, codes: tuple[str, ...], following: list[str]) -> str:
        if len(codes) > 1:
            for word in following:
                for code in codes:
                    if word and (
                        self.municipality_names.get(code, "").split()[:1] == [word]
                        or self.province_of.get(code) == word
                    ):
                        return code
        return codes[0]


# Prepositions after which a misspelt municipality name is read ("ontvang in zwole").
_TYPO_PREPOSITIONS = frozenset("in uit vanuit".split())
# Words that are a municipality name with a doubled letter written single: "vorst" (Voorst), "loser" (Losser).
_NOT_MISSPELT = frozenset("vorst loser herde alten".split())


def _undoubled(own_name: dict[str, set[str]]) -> dict[str, frozenset[str]]:
    """Each one-word municipality name of 6+ letters with one doubled letter written single -> its codes."""
    out: dict[str, set[str]] = {}
    for name, codes in own_name.items():
        if len(name) < 6 or not name.isalpha() or name in COMMON_WORDS:
            continue
        for k in range(len(name) - 1):
            if name[k] == name[k + 1]:
                out.setdefault(name[:k] + name[k + 1 :], set()).update(codes)
    return {key: frozenset(codes) for key, codes in out.items()}


def _after_place_preposition(words: list[str], i: int) -> bool:
    """ "in Goes", "uit Best", "regio Ede", and an area phrase: "uit de omgeving van Goes"."""
    before = words[i - 1] if i else ""
    if before in PLACE_PREPOSITIONS:
        return True
    return before in _AREA_LINKS and i >= 2 and words[i - 2] in _AREA_WORDS


def _heads_run_on(text: Prepared, i: int) -> bool:
    """ "Goes - ontvangst - Linda 36 - ...": a capitalised place as the first word of a dash-separated ad."""
    token = text.tokens[i]
    return (
        i == 0
        and token.text[:1].isupper()
        and not text.raw[: token.start].strip()
        and re.match(r"[^\S\n]+[-–—|][^\S\n]", text.raw[token.end : token.end + 4]) is not None
    )


def _after_age(tokens: list[Token], i: int) -> bool:
    """ "Vrouw 29 Ede.": a capitalised ambiguous name right after a two-digit age, ending the sentence, is
    the place the advertiser states, like "in Ede"."""
    token = tokens[i]
    ends_clause = i + 1 == len(tokens) or tokens[i + 1].clause != token.clause
    before = tokens[i - 1] if i else None
    return bool(
        ends_clause
        and token.text[:1].isupper()
        and before is not None
        and before.clause == token.clause
        and len(before.word) == 2
        and before.word.isdigit()
    )


def _street(tokens: list[Token], words: list[str], i: int, n: int) -> bool:
    return (i > 0 and tokens[i - 1].text in _STREET_BEFORE) or (
        i + n < len(words) and words[i + n] in _STREET_AFTER
    )


def _province(words: list[str], i: int, n: int) -> bool:
    """Groningen/Utrecht as a province: after "provincie", or next to another province ("Drenthe, Groningen",
    "Drenthe en Groningen", "Groningen of Friesland")."""
    before = words[max(0, i - 2) : i]
    after = words[i + n : i + n + 2]
    if before and (before[-1] in _PROVINCE_BEFORE or before[-1] in _PROVINCE_WORDS):
        return True
    if after and after[0] in _PROVINCE_WORDS:
        return True
    listed_before = len(before) == 2 and before[1] in _LIST_WORDS and before[0] in _PROVINCE_WORDS
    listed_after = len(after) == 2 and after[0] in _LIST_WORDS and after[1] in _PROVINCE_WORDS
    return listed_before or listed_after


def place_word(word: str) -> str:
    return fold_word(word)
