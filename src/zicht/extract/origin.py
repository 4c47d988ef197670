"""Stated origin: nationality adjectives and nouns (nl, en, es, pt, pl, ro, de, fr, it) and "from <country>".

A nationality word counts unless it names a language ("ik spreek Engels", "Spaans sprekend"), a service
or style ("Frans zonder", "Grieks", "Thaise massage", "Nederlandse klanten"), or someone else's origin
("mijn moeder is Indonesisch"). Uninflected Dutch forms (Nederlands, Roemeens) count only after "ik ben",
"half", "echt", "100%" or in a compound ("Marokkaans-Nederlandse"). Country names count after
from/uit/aus/din/z/de/born in.
Words for a region only (latina, Oost-Europese, Aziatische) give an origin_group without a country.
"""

from __future__ import annotations

import re

from zicht.extract.text import Prepared, Token, fold_word
from zicht.vocab import OriginGroup, origin_group

# ISO code -> nationality words (folded; adjectives and nouns, feminine and masculine forms).
_NATIONALITY = {
    # Dutch regional adjectives state a Dutch origin too ("Veluwse meid", "Zeeuwse Linda")
    "NL": "nederlandse nederlander nederlandstalige hollandse hollands dutch holandesa holandes holenderka "
    "olandeza neerlandaise hollandaise niederlandische friese brabantse limburgse groningse zeeuwse "
    "veluwse twentse drentse gelderse achterhoekse overijsselse",
    "RO": "roemeense roemeen romanian rumana rumano romena romeno rumunka romanca romanesca "
    "roemeensche rumanin roumaine rumunska",
    "BG": "bulgaarse bulgaar bulgarian bulgara bulgarka bulgaroaica bulgare bulgarska",
    "HU": "hongaarse hongaar hungarian hungara hungarka ungureanca unguroaica hongroise wegierka wegierska",
    "PL": "poolse polish polaca polaco polka polska polskiej polonesa poloneza polonaise",
    "UA": "oekraiense oekrainse ukrainian ucraniana ukrainka ucraineanca ukrainische ukrainienne ukrainska",
    "RU": "russische russin russian rusa ruso russa rosjanka rusoaica russe rosyjska",
    "MD": "moldavische moldovan moldava moldawianka moldoveanca moldave moldawska",
    "CZ": "tsjechische czech checa czeska tcheque czeszka",
    "SK": "slowaakse slovak slovakian eslovaca slowaczka slovaque slowacka",
    "LT": "litouwse lithuanian lituana litwinka lituanienne litewska",
    "LV": "letse latvian letona lotyszka lettone lotewska",
    "EE": "estse estonian estonia estonka",
    "BY": "wit-russische belarusian bielorrusa bialorusinka bialoruska",
    "AL": "albanese albanian albanesa albanka albanaise",
    "RS": "servische serbian serbia serbka serbe",
    "HR": "kroatische croatian croata chorwatka croate",
    "SI": "sloveense slovenian slovena",
    "BA": "bosnische bosnian bosnia",
    "MK": "macedonische macedonian",
    "CO": "colombiaanse colombiaan colombian colombiana colombiano kolumbijka columbianca colombienne "
    "kolumbijska",
    "VE": "venezolaanse venezuelaanse venezuelan venezolana venezolano venezuelana wenezuelka venezuelienne "
    "wenezuelska",
    "DO": "dominicaanse dominican dominicana dominicano dominikanka dominicaine dominikanska",
    "BR": "braziliaanse braziliaan brazilian brasilena brasileira brasileiro brazylijka braziliana "
    "brasiliana bresilienne brazylijska",
    "CU": "cubaanse cubaan cuban cubana cubano kubanka cubaine kubanska",
    "PE": "peruaanse peruvian peruana peruano peruvienne",
    "AR": "argentijnse argentinian argentine argentina argentino",
    "CL": "chileense chilean chilena chileno",
    "EC": "ecuadoraanse ecuadorian ecuatoriana ecuatoriano",
    "PY": "paraguayaanse paraguayan paraguaya paraguayo",
    "MX": "mexicaanse mexican mexicana mexicano mexicaine",
    "GT": "guatemalteekse guatemalan guatemalteca",
    "SR": "surinaamse surinamer surinamese surinamesa",
    "CW": "antilliaanse antilliaan curacaose curacaoenaar antillean",
    "ES": "spaanse spanish espanola espanol hiszpanka spaniola hiszpanska",
    "IT": "italiaanse italian italiana italiano wloszka italianca italienne wloska",
    "DE": "duitse german alemana deutsche niemka germana allemande niemiecka",
    "FR": "franse french francesa francaise francuzka franceza francuska",
    "GB": "engelse britse english british inglesa angielka englezoaica",
    "BE": "belgische belgian belga belge",
    "PT": "portugese portuguese portuguesa portugalka portugaise",
    "GR": "griekse greek griega",
    "SE": "zweedse swedish sueca",
    "NO": "noorse norwegian noruega",
    "TH": "thaise thai tailandesa thailandaise tajska tajka",
    "CN": "chinese china chinees chinoise",
    "JP": "japanse japanese japonesa japonaise",
    "VN": "vietnamese vietnamita vietnamienne",
    "PH": "filipijnse filipina filipino",
    "ID": "indonesische indische indonesian indonesia",
    "IN": "indiase indian india hindoestaanse",
    "TW": "taiwanese",
    "MA": "marokkaanse marokkaan moroccan marroqui marocaine",
    "TR": "turkse turkish turca turque turecka turczynka",
    "NG": "nigeriaanse nigerian nigeriane",
    "GH": "ghanese ghanaian ghanesa ghaneenne",
    "KE": "keniaanse kenyan",
    "CM": "kameroense cameroonian camerounaise",
    "CV": "kaapverdiaanse kaapverdische capeverdean caboverdiana caboverdiano caboverdiense",
    "CI": "ivoriaanse ivorian ivoirienne",
    "AT": "oostenrijkse austrian austriaca austriaco osterreicherin austriaczka autrichienne",
    "CH": "zwitserse swiss suiza suico suica szwajcarka elvetianca suisse",
    "US": "amerikaanse american americana americano estadounidense amerykanka americaine",
    "CA": "canadese canadian canadiense kanadyjka canadienne",
    "AU": "australische australian australiana",
    "IE": "ierse irish irlandesa",
    "DK": "deense danish danesa",
    "FI": "finse finnish finlandesa",
    "KR": "koreaanse korean coreana",
    "JM": "jamaicaanse jamaican jamaicana jamaicano",
    # Africa (nl, en, es/pt, fr)
    "SN": "senegalese senegalees senegalesa senegales senegalaise",
    "SO": "somalische somalier somalian somali somaliana somalienne",
    "ET": "ethiopische ethiopian etiope ethiopienne",
    "ER": "eritrese eritrean eritrea",
    "EG": "egyptische egyptian egipcia egipcio egypcia egyptienne",
    "DZ": "algerijnse algerian argelina argelino algerienne",
    "TN": "tunesische tunisian tunecina tunisina tunisienne",
    "CD": "congolese congolaise congolesa",
    "AO": "angolese angolan angolana angolano",
    "ZA": "zuidafrikaanse southafrican sudafricana",
    "SD": "soedanese sudanese sudanesa",
    "UG": "oegandese ugandan ugandesa",
    "TZ": "tanzaniaanse tanzanian tanzana",
    "ZW": "zimbabwaanse zimbabwean",
    "GM": "gambiaanse gambian",
    "LR": "liberiaanse liberian",
    "SL": "sierraleoonse sierraleonean",
    "RW": "rwandese rwandan",
    "GN": "guineese guinean",
    "ML": "malinese malian",
    "TG": "togolese",
    # Asia and the Middle East
    "MY": "maleisische malaysian malasia malaisienne",
    "SG": "singaporese singaporean",
    "KH": "cambodjaanse cambodian camboyana cambodgienne",
    "LA": "laotiaanse laotian",
    "MM": "birmese burmese birmana",
    "NP": "nepalese nepali",
    "LK": "srilankaanse srilankan",
    "PK": "pakistaanse pakistani paquistani pakistanaise",
    "BD": "bengaalse bangladeshi",
    "KZ": "kazachse kazakh kazaja",
    "UZ": "oezbeekse uzbek",
    "MN": "mongoolse mongolian mongola",
    "IR": "iraanse iranian irani iranienne perzische persian",
    "IQ": "iraakse iraqi iraqui irakienne",
    "SY": "syrische syrian syrienne",
    "LB": "libanese lebanese libanesa libanaise",
    "JO": "jordaanse jordanian",
    "IL": "israelische israeli israelienne",
    "SA": "saoedische saudi saudita",
    "AE": "emirati",
    "AF": "afghaanse afghan afgana afghane",
    "GE": "georgische georgian",
    "AM": "armeense armenian armenia armenienne",
    "AZ": "azerbeidzjaanse azerbaijani azeri",
    "YE": "jemenitische yemeni",
}
# Uninflected Dutch adjectives (languages too): origin only in a stated-origin context. Several per code.
_PLAIN = {
    "NL": "nederlands zeeuws brabants limburgs fries twents drents gronings",
    "PH": "filipijns",
    "LV": "lets",
    "RO": "roemeens",
    "PL": "pools",
    "BR": "braziliaans",
    "CO": "colombiaans",
    "MA": "marokkaans",
    "SR": "surinaams",
    "ID": "indonesisch",
    "IT": "italiaans",
    "ES": "spaans",
    "DE": "duits",
    "RU": "russisch",
    "BG": "bulgaars",
    "HU": "hongaars",
    "DO": "dominicaans",
    "VE": "venezolaans",
    "CU": "cubaans",
    "TR": "turks",
    "UA": "oekraiens",
    "FR": "frans",
    "GB": "engels",
    "GR": "grieks",
    "PT": "portugees",
    "TH": "thais",
    "CN": "chinees",
    "CZ": "tsjechisch",
    "IN": "indiaas",
    "CV": "kaapverdiaans",
    "BE": "belgisch",
    "AT": "oostenrijks",
    "CH": "zwitsers",
    "JP": "japans",
    "KR": "koreaans",
    "VN": "vietnamees",
    "SO": "somalisch",
    "ET": "ethiopisch",
    "EG": "egyptisch",
    "DZ": "algerijns",
    "TN": "tunesisch",
    "SY": "syrisch",
    "IR": "iraans perzisch",
    "IQ": "iraaks",
    "AF": "afghaans",
}
_COUNTRY = {
    "NL": "nederland holland netherlands",
    "RO": "roemenie romania rumania romenia rumunii",
    "BG": "bulgarije bulgaria",
    "HU": "hongarije hungary hungria",
    "PL": "polen poland polski polonia",
    "UA": "oekraine ukraine ucrania ukrainy",
    "RU": "rusland russia rusia",
    "MD": "moldavie moldova",
    "CZ": "tsjechie czechia",
    "LT": "litouwen lithuania",
    "LV": "letland latvia",
    "CO": "colombia colombie",
    "VE": "venezuela",
    "DO": "dominicaanse",
    "BR": "brazilie brazil brasil",
    "CU": "cuba",
    "PE": "peru",
    "AR": "argentinie argentina",
    "EC": "ecuador",
    "MX": "mexico",
    "ES": "spanje spain espana",
    "IT": "italie italy italia",
    "DE": "duitsland germany deutschland alemania",
    "FR": "frankrijk france",
    "BE": "belgie belgium",
    "PT": "portugal",
    "TH": "thailand",
    "CN": "china",
    "VN": "vietnam",
    "PH": "filipijnen philippines",
    "ID": "indonesie indonesia",
    "MA": "marokko morocco",
    "TR": "turkije turkey",
    "NG": "nigeria",
    "GH": "ghana",
    "KE": "kenia kenya",
    "CM": "kameroen cameroon",
    "SR": "suriname",
    "CW": "curacao",
    "TW": "taiwan",
    "JP": "japan",
    "GB": "engeland england uk verenigd_koninkrijk united_kingdom groot_brittannie great_britain",
    "AL": "albanie albania",
    "RS": "servie serbia",
    "SK": "slowakije slovakia",
    "EE": "estland estonia",
    "PY": "paraguay",
    "CL": "chili chile",
    "GT": "guatemala",
    "HR": "kroatie croatia",
    "GR": "griekenland greece",
    "SE": "zweden sweden",
    "IN": "india",
    "CV": "kaapverdie",
    "AT": "oostenrijk austria osterreich",
    "CH": "zwitserland switzerland suiza suica schweiz",
    "US": "amerika america usa vs verenigde_staten united_states estados_unidos",
    "CA": "canada",
    "AU": "australie australia",
    "IE": "ierland ireland",
    "DK": "denemarken denmark",
    "FI": "finland",
    "NO": "noorwegen norway",
    "KR": "korea",
    "JM": "jamaica",
    "SN": "senegal",
    "SO": "somalie somalia",
    "ET": "ethiopie ethiopia etiopia",
    "ER": "eritrea",
    "EG": "egypte egypt egipto egito",
    "DZ": "algerije algeria argelia algerie",
    "TN": "tunesie tunisia tunez tunisie",
    "CD": "congo",
    "AO": "angola",
    "ZA": "zuid_afrika south_africa sudafrica",
    "SD": "soedan sudan",
    "UG": "oeganda uganda",
    "TZ": "tanzania",
    "ZW": "zimbabwe",
    "GM": "gambia",
    "LR": "liberia",
    "SL": "sierra_leone",
    "RW": "rwanda",
    "ML": "mali",
    "TG": "togo",
    "MY": "maleisie malaysia malasia",
    "SG": "singapore singapur",
    "KH": "cambodja cambodia camboya",
    "LA": "laos",
    "MM": "myanmar birma burma",
    "NP": "nepal",
    "LK": "sri_lanka",
    "PK": "pakistan",
    "BD": "bangladesh",
    "KZ": "kazachstan kazakhstan",
    "UZ": "oezbekistan uzbekistan",
    "MN": "mongolie mongolia",
    "IR": "iran",
    "IQ": "irak iraq",
    "SY": "syrie syria siria",
    "LB": "libanon lebanon libano liban",
    "JO": "jordanie",
    "IL": "israel",
    "SA": "saoedi_arabie saudi_arabia",
    "AF": "afghanistan",
    "AM": "armenie",
    "AZ": "azerbeidzjan azerbaijan",
    "YE": "jemen yemen",
}
# Large foreign cities that ads name as an origin ("uit Istanbul", "from Bucharest", "z Krakowa"); read
# only after from/uit/aus/din/z like country names. Cities that are first names (Sofia, Lima) are left out.
_CITY = {
    "TR": "istanbul ankara izmir antalya",
    "RO": "boekarest bucharest bucuresti bukareszt constanta timisoara iasi brasov",
    "BG": "varna plovdiv",
    "HU": "boedapest budapest debrecen",
    "PL": "warschau warsaw warszawa warszawy krakow krakowa gdansk gdanska wroclaw wroclawia lodz lodzi "
    "poznan poznania",
    "UA": "kiev kyiv kiew kijow odessa odesa lviv lwow kharkiv charkov",
    "RU": "moskou moscow moskwa moscu sint-petersburg",
    "MD": "chisinau kishinev",
    "CZ": "praag prague praha",
    "CO": "bogota medellin barranquilla cartagena",
    "VE": "caracas maracaibo",
    "DO": "santo_domingo punta_cana",
    "BR": "rio sao_paulo salvador recife fortaleza",
    "CU": "havana habana",
    "TH": "bangkok pattaya phuket",
    "PH": "manila cebu",
    "MA": "casablanca marrakech marrakesh tanger rabat",
    "NG": "abuja",
    "GH": "accra kumasi",
    "SR": "paramaribo",
    "CW": "willemstad",
    "ES": "madrid barcelona sevilla",
    "PT": "lissabon lisbon lisboa",
    "DE": "berlijn berlin hamburg munchen keulen koln dusseldorf",
    "GB": "londen london manchester",
    "IT": "milaan milan milano napels",
    "LT": "vilnius",
    "LV": "riga",
    "EE": "tallinn",
    "RS": "belgrado belgrade beograd",
    "CN": "shanghai beijing peking",
    "VN": "hanoi saigon",
}
_GROUP_WORDS: dict[str, OriginGroup] = {
    "latina": "south_america",
    "latino": "south_america",
    "latinas": "south_america",
    "latijns": "south_america",
    "zuid-amerikaanse": "south_america",
    "south-american": "south_america",
    "oost-europese": "europe_east",
    "aziatische": "other",
    "asian": "other",
    "afrikaanse": "other",
    "african": "other",
    "ebony": "other",
}

WORDS: dict[str, str] = {w: code for code, words in _NATIONALITY.items() for w in words.split()}
PLAIN: dict[str, str] = {w: code for code, words in _PLAIN.items() for w in words.split()}
COUNTRIES: dict[str, str] = {w: code for code, words in _COUNTRY.items() for w in words.split()}
CITIES: dict[str, str] = {w: code for code, words in _CITY.items() for w in words.split()}

# First halves of nationality words written as two ("cabo" of "Cabo-verdiana"): a cheap test per token.
_JOIN_FIRST = (
    frozenset(w[:k] for w in WORDS for k in range(3, len(w) - 2)) - frozenset(WORDS) - frozenset(PLAIN)
)
_LANGUAGE_CONTEXT = frozenset(
    "spreek spreekt spreken speak speaks speaking talen taal languages language hablo habla idiomas "
    "falo mowie "
    "vorbesc parle sprechen spreche spricht".split()
)
_NOT_PERSON_AFTER = frozenset(
    "sprekend sprekende speaking spoken talig klanten clients customers heren mannen men gentlemen "
    "gasten guests "
    "massage massages slag ritmes ritme kus kiss kissing kussen zoenen wax keuken food cuisine "
    "style stijl les "
    "taal language porno porn film films muziek music nummer number accent zonder without met with "
    "salon tv".split()
)
_OTHERS_BEFORE = frozenset("moeder vader mother father mama papa husband opa oma".split())
# "man", "vriend(in)" name someone else only after a possessive ("mijn man uit Turkije"), not in "een man uit
# Brazilie" or "a man from Colombia".
_OTHERS_AFTER_POSSESSIVE = frozenset("man vriend vriendin friend partner".split())
_POSSESSIVE = frozenset("mijn my haar her zijn his onze our".split())
_STATED = frozenset(
    "ben am im i'm soy sou sunt jestem bin suis sono half echt echte 100 afkomst is "
    "nationaliteit nationality origin origen".split()
)
# "van <country>" states an origin only after these ("ik kom van Curacao"), not in a place name
# ("Hoek van Holland").
_REGION_PREFIX = frozenset("latijns zuid midden latin south central noord north".split())
_FROM_BEFORE_VAN = frozenset("kom komt ben is afkomstig origineel oorspronkelijk geboren".split())
_AND = frozenset("en and & y e i si und of or".split())
# Neuter Dutch person nouns (diminutives): "een Hongaars blondje", "Pools meisje", "Roemeens schatje".
_NEUTER_PERSON = frozenset(
    "meisje meidje blondje brunetje schatje poppetje dametje vrouwtje studentje grietje wijf wijfje".split()
)
_FROM = frozenset("uit from aus din z ze de van born geboren origine afkomstig originally komt kom".split())


def _usable(tokens: list[Token], i: int, check_next: bool = True) -> bool:
    token = tokens[i]
    # The next word vetoes only in the same sentence ("half Indonesian. Kissing ..." still states an origin).
    nxt = tokens[i + 1].word if i + 1 < len(tokens) and tokens[i + 1].clause == token.clause else ""
    if check_next and nxt in _NOT_PERSON_AFTER:
        return False
    # a list ("English and Dutch speaking", "Dutch, English, German spoken") vetoed by the word that ends it
    if (
        check_next
        and (nxt in _AND or nxt in WORDS or nxt in PLAIN)
        and _listed_before(tokens, i + 1, token.clause)
    ):
        return False
    for j in range(i - 1, max(-1, i - 12), -1):
        if tokens[j].clause != token.clause:
            break
        if tokens[j].word in _LANGUAGE_CONTEXT or (i - j <= 4 and tokens[j].word in _OTHERS_BEFORE):
            return False
        if (
            i - j <= 4
            and tokens[j].word in _OTHERS_AFTER_POSSESSIVE
            and j
            and tokens[j - 1].word in _POSSESSIVE
        ):
            return False
    return True


def _listed_before(tokens: list[Token], j: int, clause: int) -> bool:
    """A list of nationality words from token j on ("and Dutch speaking", "en Belgische klanten") ends in a
    word that vetoes them all: a language spoken, a clientele, a style."""
    for k in range(j, min(len(tokens), j + 7)):
        if tokens[k].clause != clause:
            return False
        word = tokens[k].word
        if word in _NOT_PERSON_AFTER:
            return True
        if word not in _AND and word not in WORDS and word not in PLAIN:
            return False
    return False


def _joined(text: Prepared, i: int) -> str:
    """Two tokens written as one nationality word with a hyphen or space ("Cabo-verdiana", "Cape Verdean")."""
    tokens = text.tokens
    if i + 1 >= len(tokens) or text.raw[tokens[i].end : tokens[i + 1].start] not in ("-", " "):
        return ""
    joined = tokens[i].word + tokens[i + 1].word
    return joined if joined in WORDS else ""


def _plain_usable(text: Prepared, i: int) -> bool:
    tokens = text.tokens
    token = tokens[i]
    if i + 1 < len(tokens) and text.raw[token.end : tokens[i + 1].start] == "-":
        return tokens[i + 1].word in WORDS or tokens[i + 1].word in PLAIN  # Marokkaans-Nederlandse
    after = " ".join(t.word for t in tokens[i + 1 : i + 3])
    if after.startswith(
        ("van afkomst", "bloed", "roots", "van geboorte", "stel", "koppel", "meisje", "stelletje")
    ):
        return True
    if i + 1 < len(tokens) and tokens[i + 1].word in _NEUTER_PERSON and tokens[i + 1].clause == token.clause:
        return True  # a neuter person noun takes the uninflected adjective: "Hongaars blondje"
    return any(t.word in _STATED and t.clause == token.clause for t in tokens[max(0, i - 3) : i])


def origin_from_field(value: str | None) -> tuple[str | None, OriginGroup | None]:
    if not value:
        return None, None
    words = [fold_word(w) for w in value.replace("-", " ").replace("/", " ").split()]
    for i, word in enumerate(words):
        pair = f"{word}_{words[i + 1]}" if i + 1 < len(words) else ""
        code = WORDS.get(word) or PLAIN.get(word) or COUNTRIES.get(word) or COUNTRIES.get(pair)
        if code:
            return code, origin_group(code)
        if word in _GROUP_WORDS:
            return None, _GROUP_WORDS[word]
    return None, None


def origin_from_text(text: Prepared) -> tuple[str | None, OriginGroup | None, str]:
    """(country, group, matched words); country None with a group for region-only words like 'latina'."""
    tokens = text.tokens
    group_only: tuple[OriginGroup, str] | None = None
    for i, token in enumerate(tokens):
        word = token.word
        joined = _joined(text, i) if word in _JOIN_FIRST else ""
        if joined and _usable(tokens, i + 1):
            return WORDS[joined], origin_group(WORDS[joined]), f"{token.text} {tokens[i + 1].text}"
        if word in WORDS and i and tokens[i - 1].word in _REGION_PREFIX:
            pass  # "Latijns-Amerikaanse", "South American": a region, handled below
        elif word in WORDS and _usable(tokens, i):
            code = WORDS[word]
            if code == "DO" and i + 1 < len(tokens) and tokens[i + 1].word in {"republiek", "republic"}:
                return code, origin_group(code), f"{token.text} {tokens[i + 1].text}"
            return code, origin_group(code), token.text
        if word in PLAIN and _usable(tokens, i) and _plain_usable(text, i):
            return PLAIN[word], origin_group(PLAIN[word]), token.text
        pair = f"{word}_{tokens[i + 1].word}" if i + 1 < len(tokens) else ""
        if pair in CITIES:
            word = pair  # sao paulo, santo domingo
        if pair in COUNTRIES:
            word = f"{word}_{tokens[i + 1].word}"  # verenigde staten, united kingdom
        if (
            word in CITIES
            and i
            and tokens[i - 1].word in _FROM - {"van", "de"}
            and _usable(tokens, i, check_next=False)
        ):
            return CITIES[word], origin_group(CITIES[word]), token.text
        if word in COUNTRIES and i and tokens[i - 1].word in _FROM | {"la", "the", "de"}:
            before = {t.word for t in tokens[max(0, i - 3) : i]}
            from_van = tokens[i - 1].word == "van" and not before & _FROM_BEFORE_VAN  # "Hoek van Holland"
            if (
                before & _FROM
                and not from_van
                and _usable(tokens, i, check_next=False)
                and not _countries_listed(tokens, i)
            ):
                return COUNTRIES[word], origin_group(COUNTRIES[word]), token.text
        if group_only is None:
            key = word
            if word in {"oost", "zuid", "latijns", "south", "latin"} and i + 1 < len(tokens):
                key = f"{word}-{tokens[i + 1].word}" if word not in ("latijns", "latin") else "latijns"
            if key in _GROUP_WORDS and _usable(tokens, i):
                group_only = (_GROUP_WORDS[key], token.text)
    flag = flag_origin(text.raw)
    if flag:
        return flag, origin_group(flag), flag
    if group_only:
        return None, group_only[0], group_only[1]
    return None, None, ""


def _countries_listed(tokens: list[Token], i: int) -> bool:
    """ "uit Hongarije, Polen en Nederland": several countries (a venue's workers), not one origin."""
    nxt = tokens[i + 1 : i + 3]
    if not nxt or nxt[0].clause != tokens[i].clause:
        return False
    return nxt[0].word in COUNTRIES or (
        nxt[0].word in _AND
        and len(nxt) > 1
        and nxt[1].word in COUNTRIES
        and nxt[1].clause == tokens[i].clause
    )


_REGIONAL_A = 0x1F1E6
_FLAG = re.compile("[\U0001f1e6-\U0001f1ff]{2}")


def flag_origin(raw: str) -> str | None:
    """A single country flag emoji (two regional-indicator letters) as the only origin cue: "Paola 🇨🇴" -> CO.
    Several different flags are read as languages spoken or tour stops, not an origin; EU and UN give none."""
    codes: list[str] = []
    for pair in _FLAG.findall(raw):
        code = "".join(chr(ord(c) - _REGIONAL_A + 65) for c in pair)
        if code not in codes:
            codes.append(code)
    if len(codes) != 1 or codes[0] in {"EU", "UN"}:
        return None
    return codes[0]
