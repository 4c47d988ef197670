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
from collections.abc import Iterator

from zicht.extract.indicators import several_workers
from zicht.extract.lexicon import mapping
from zicht.extract.text import Prepared, Token, fold, fold_word
from zicht.vocab import OriginGroup, origin_group

# ISO code -> nationality words (folded; adjectives and nouns, feminine and masculine forms).
_NATIONALITY = {
    # Dutch regional adjectives state a Dutch origin too ("Veluwse meid", "Zeeuwse Linda")
    "NL": "nederlandse nederlander nederlandstalige hollandse hollands dutch holandesa holandes holenderka "
    "olandeza neerlandaise hollandaise niederlandische friese brabantse limburgse groningse zeeuwse "
    "veluwse twentse drentse gelderse achterhoekse overijsselse fryske hollanderin niederlanderin "
    "hollandische",
    "RO": "roemeense roemeen romanian rumana rumano romena romeno rumunka romanca romanesca "
    "roemeensche rumanin roumaine rumunska rumanische",
    "BG": "bulgaarse bulgaar bulgarian bulgara bulgarka bulgaroaica bulgare bulgarska bulgarische bulgarin "
    "bolgar",
    "HU": "hongaarse hongaar hungarian hungara hungarka ungureanca unguroaica hongroise wegierka wegierska "
    "magyar ungarische ungarin",
    "PL": "poolse polish polaca polaco polka polska polski polak polskiej polonesa poloneza polonaise "
    "polnische polin lengyel",
    "UA": "oekraiense oekrainse ukrainian ucraniana ukrainka ucraineanca ukrainische ukrainienne ukrainska "
    "ukrainerin ukran",
    "RU": "russische russin russian rusa ruso russa rosjanka rusoaica russe rosyjska orosz",
    "MD": "moldavische moldovan moldava moldawianka moldoveanca moldave moldawska",
    "CZ": "tsjechische czech checa czeska tcheque czeszka tschechische tschechin",
    "SK": "slowaakse slovaakse slovak slovakian eslovaca slowaczka slovaque slowacka slowakische szlovak",
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
    "kolumbijska kolumbianische kolumbianerin",
    "VE": "venezolaanse venezuelaanse venezuelan venezolana venezolano venezuelana wenezuelka venezuelienne "
    "wenezuelska",
    "DO": "dominicaanse dominican dominicana dominicano dominikanka dominicaine dominikanska dominikanische",
    "BR": "braziliaanse braziliaan brazilian brasilena brasileira brasileiro brazylijka braziliana "
    "brasiliana bresilienne brazylijska brasilianische brasilianerin "
    # Brazilian regional words: Rio, Minas Gerais, Sao Paulo, Bahia
    "carioca mineira mineiro paulista paulistana baiana baiano gaucha nordestina",
    "CU": "cubaanse cubaan cuban cubana cubano kubanka cubaine kubanska kubanische",
    "PE": "peruaanse peruvian peruana peruano peruvienne",
    "AR": "argentijnse argentinian argentine argentina argentino",
    "CL": "chileense chilean chilena chileno",
    "EC": "ecuadoraanse ecuadorian ecuatoriana ecuatoriano",
    "PY": "paraguayaanse paraguayan paraguaya paraguayo",
    "MX": "mexicaanse mexican mexicana mexicano mexicaine",
    "GT": "guatemalteekse guatemalan guatemalteca",
    "SR": "surinaamse surinamer surinamese surinamesa",
    # "Antilliaanse" covers several islands: a group word, no country (LABELLING.md)
    "CW": "curacaose curacaoenaar",
    "ES": "spaanse spanish espanola espanol hiszpanka spaniola hiszpanska spanische spanierin espagnole "
    # Spanish regional and city words
    "andaluza andaluz madrilena madrileno catalana valenciana gallega canaria sevillana barcelonesa",
    "IT": "italiaanse italian italiana italiano wloszka italianca italienne wloska italienische italienerin "
    # Italian city and regional words (a demonym of a foreign city gives its country)
    "napoletana napoletano siciliana siciliano milanese romano toscana toscano veneziana veneziano "
    "calabrese pugliese torinese fiorentina veneta",
    "DE": "duitse german alemana deutsche niemka germana allemande allemand niemiecka ostfriesin",
    "FR": "franse french francesa francaise francais francuzka franceza francuska franzosin franzosische "
    "parisienne parisien marseillaise",
    "GB": "engelse britse english british inglesa angielka englezoaica anglaise",
    "BE": "belgische belgian belga belge vlaamse vlaming bruxelloise",
    "PT": "portugese portuguese portuguesa portugalka portugaise portugiesische",
    "GR": "griekse greek griega griechische",
    "SE": "zweedse swedish sueca",
    "NO": "noorse norwegian noruega",
    "TH": "thaise thai tailandesa thailandaise tajska tajka thailandische thailanderin",
    "CN": "chinese china chinees chinoise chinesische chinesin",
    "JP": "japanse japanese japonesa japonaise japanische",
    "VN": "vietnamese vietnamita vietnamienne",
    "PH": "filipijnse filipina filipino",
    "ID": "indonesische indische indonesian indonesia",
    # "hindoestaanse" (Surinamese-Hindustani) is a group word: no country (LABELLING.md)
    "IN": "indiase indian india",
    "TW": "taiwanese",
    "MA": "marokkaanse marokkaan moroccan marroqui marocaine",
    "TR": "turkse turkish turca turque turecka turczynka turkische turkin",
    "NG": "nigeriaanse nigerian nigeriane",
    "GH": "ghanese ghanaian ghanesa ghaneenne",
    "KE": "keniaanse kenyan",
    "CM": "kameroense cameroonian camerounaise",
    "CV": "kaapverdiaanse kaapverdische capeverdean caboverdiana caboverdiano caboverdiense",
    "CI": "ivoriaanse ivorian ivoirienne",
    "AT": "oostenrijkse austrian austriaca austriaco osterreicherin austriaczka autrichienne osterreichische",
    "CH": "zwitserse swiss suiza suico suica szwajcarka elvetianca suisse genevoise schweizerin",
    "US": "amerikaanse american americana americano estadounidense amerykanka americaine",
    "CA": "canadese canadian canadiense kanadyjka canadienne quebecoise",
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
    # regional and city words too ("echt Amsterdams", "ik ben Rotterdams"): stated-origin context only
    "NL": "nederlands zeeuws brabants limburgs fries twents drents gronings amsterdams rotterdams haags "
    "utrechts eindhovens tilburgs bredaas zwols leids haarlems delfts dordts nijmeegs arnhems maastrichts "
    "almeers zaans enschedes apeldoorns amersfoorts alkmaars heerlens venloos helmonds schiedams",
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
    "DE": "duits deutsch",
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
    "BE": "belgisch vlaams",
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
    "HU": "hongarije hungary hungria magyarorszag",
    "PL": "polen poland polonia lengyelorszag",
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
    "FR": "frankrijk france frankreich",
    "BE": "belgie belgium belgique",
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
    "IT": "milaan milan milano napels napoli rome",
    "FR": "parijs paris marseille lyon",
    "BE": "antwerpen antwerp anvers brussel brussels bruxelles gent gand luik liege brugge charleroi",
    "CH": "geneve genf zurich",
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

# Forms told apart only by their accents: Romanian "român", "românce" (not "Roman", English "romance").
_ACCENTED = {"român": "RO", "românce": "RO", "românca": "RO", "româncă": "RO", "româna": "RO"}
# Dutch city adjectives state a Dutch origin before a person noun ("Zaanse meid", "Utrechtse dame"); regional
# ones (Friese, Brabantse) are nationality words above.
_DUTCH_CITY_ADJECTIVES = frozenset(
    "amsterdamse rotterdamse haagse utrechtse bossche eindhovense tilburgse bredase zwolse leidse haarlemse "
    "delftse goudse dordtse nijmeegse arnhemse maastrichtse almeerse zaanse enschedese apeldoornse "
    "amersfoortse alkmaarse heerlense venlose helmondse hilversumse schiedamse westlandse gooise betuwse "
    "westfriese".split()
)
_PERSON_NOUNS = frozenset(
    "vrouw vrouwtje meid meisje dame dametje man jongen girl lady boy guy chica chico ragazza ragazzo "
    "schoonheid blondine brunette milf huisvrouw studente student faam frau mann shemale trans ts "
    "masseuse masseur".split()
)
# Plural nouns for a business's workers, and business nouns: a nationality next to one describes them all.
_PLURAL_WORKERS = frozenset(
    "dames damen meiden meisjes girls ladies masseuses escorts hostesses chicas models modellen vrouwen "
    "women fete dziewczyny ragazze meninas garotas".split()
)
_WORKERS_OR_BUSINESS = _PLURAL_WORKERS | frozenset(
    "service escortservice agency bureau escortbureau salon club studio privehuis team".split()
)
# Region words that stand in a list of nationalities ("Nederlandse en Oost-Europese dames").
# Group words that name no country alone but end a two-part origin ("Surinaams-Hindoestaanse" -> SR).
_GROUP_SECOND = frozenset("hindoestaanse hindoestaans antilliaanse javaanse creoolse".split())
_LIST_PREFIX = frozenset("latijns zuid midden latin south central noord north oost west east".split())
_LIST_REGIONS = frozenset("europese europees european aziatische aziatisch asian afrikaanse african".split())
_BRACKET_AGE = re.compile(r"\(\s*[1-9]\d\s*(?:jaar|j|years|yo|anos|años|lat|ani)?\s*\)")
_FIRST_PERSON = re.compile(
    r"\b(?:ik\s+ben|i\s+am|i'm|my\s+name|mijn\s+naam|soy|sono|jestem|sunt|je\s+suis|eu\s+sou|ich\s+bin)\b"
)
# Venue words, also inside compounds (saunaclub, escortbureau, massagesalon).
_VENUE = re.compile(r"club|prive\s?huis|private\s+house|bureau|agency|escort\s?service|salon|sauna|studio")

WORDS: dict[str, str] = {w: code for code, words in _NATIONALITY.items() for w in words.split()}
# Nationality forms of the lexicons (zicht.extract.lexicon; the languages whose forms are not in the table
# above yet, such as Czech).
for _word, _code in mapping("nationality").items():
    WORDS.setdefault(_word, str(_code))
# Any word naming a country or its people (nationality forms, uninflected forms, country names): the region of
# a national phone number written beside it ("Belgisch nummer", "Duits mobiel").
COUNTRY_WORDS: dict[str, str] = {
    w: code
    for table in (_COUNTRY, _PLAIN, _NATIONALITY)
    for code, words in table.items()
    for w in words.split()
} | WORDS
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
    "salon tv "
    # place names: "De Fryske Marren", "Hollandse Kust", "Friese Wouden"
    "marren meren kust wouden".split()
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
    if check_next and nxt in _NOT_PERSON_AFTER and not (nxt in _MASSAGE and _person_follows(tokens, i + 1)):
        return False  # "Thaise massage", but "Poolse massage dame" is a Polish lady
    if check_next and _style_list(tokens, i):
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


_MASSAGE = frozenset("massage massages".split())


def _style_list(tokens: list[Token], i: int) -> bool:
    """ "Swedish, deep tissue and sports massage": the first item of a list of massage styles."""
    clause = tokens[i].clause
    following = tokens[i + 1 : i + 6]
    for k, token in enumerate(following):
        if token.clause != clause or token.word in _PERSON_NOUNS or token.word.isdigit():
            return False
        if token.word.endswith(("massage", "massages")):
            return k > 0 and any(t.word in _AND for t in following[:k])
    return False


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
        second = tokens[i + 1].word  # Marokkaans-Nederlandse, Surinaams-Hindoestaanse
        return second in WORDS or second in PLAIN or second in _GROUP_SECOND
    after = " ".join(t.word for t in tokens[i + 1 : i + 3])
    if after.startswith(
        (
            "van afkomst",
            "bloed",
            "roots",
            "van geboorte",
            "stel",
            "koppel",
            "meisje",
            "stelletje",
            "temperament",
        )
    ):
        return True
    if i + 1 < len(tokens) and tokens[i + 1].word in _NEUTER_PERSON and tokens[i + 1].clause == token.clause:
        return True  # a neuter person noun takes the uninflected adjective: "Hongaars blondje"
    if i + 1 < len(tokens) and tokens[i + 1].word in _PERSON_NOUNS and tokens[i + 1].clause == token.clause:
        return True  # written uninflected before any person noun: "thais vrouw"
    if _profile_item(text, i) or _predicate_item(text, i) or _profile_list_item(text, i):
        return True
    return any(t.word in _STATED and t.clause == token.clause for t in tokens[max(0, i - 3) : i])


# Uninflected words that are services or languages more often than an origin ("Frans en Grieks mogelijk").
_SERVICE_PLAIN = frozenset("frans grieks engels spaans".split())


def _predicate_item(text: Prepared, i: int) -> bool:
    """ "Ik ben een nuchtere vrouw van 44, Brabants en gezellig": an uninflected adjective in a list of
    predicates after "ik ben" in the same sentence, joined by "en" to a word that is no nationality."""
    tokens = text.tokens
    token = tokens[i]
    if token.word in _SERVICE_PLAIN or i + 2 >= len(tokens) or not i:
        return False
    nxt, after = tokens[i + 1], tokens[i + 2]
    if text.raw[tokens[i - 1].end : token.start].strip() != "," or nxt.word not in ("en", "and"):
        return False
    if after.clause != token.clause or after.word in WORDS or after.word in PLAIN or after.text[:1].isupper():
        return False
    before = tokens[max(0, i - 12) : i]
    return any(
        t.word in ("ben", "am", "im") and t.clause == token.clause and k and before[k - 1].word in ("ik", "i")
        for k, t in enumerate(before)
    )


def _profile_item(text: Prepared, i: int) -> bool:
    """ "Esmee, 26, Nederlands, lange benen": the item after the name and age of a profile list."""
    tokens = text.tokens
    if i < 1:
        return False
    age = tokens[i - 1]
    if not (
        age.word.isdigit()
        and 18 <= int(age.word) <= 79
        and text.raw[age.end : tokens[i].start].strip() == ","
    ):
        return False
    if i == 1:  # the display name was blanked before: "   , 37, NL"
        return text.raw[: age.start].strip() == ","
    name = tokens[i - 2]
    return name.text[:1].isupper() and text.raw[name.end : age.start].strip() == ","


# Units written after an age in a profile list ("Michelle, 27 jaar, Nederlands").
_AGE_UNITS = frozenset("jaar jr j years yrs yo y anos ans lat ani".split())


def _profile_list_item(text: Prepared, i: int) -> bool:
    """ "Kevin, 25, gespierd, Marokkaans.", "Ricardo (38), Braziliaans,": an uninflected adjective set off by
    commas as an item of a profile list that states the age as an item of its own earlier in the sentence.
    A pair of such words ("Nederlands, Engels") reads as languages; a service word ("Frans") as a service."""
    tokens = text.tokens
    token = tokens[i]
    if (
        token.word in _SERVICE_PLAIN
        or not i
        or text.raw[tokens[i - 1].end : token.start].strip() not in (",", "),")
    ):
        return False
    after = text.raw[token.end : token.end + 2].lstrip(" ")
    if after[:1] not in ("", ",", ".", ";", "!", "|", "\n"):
        return False
    if _plain_neighbour(tokens, i - 1, token.clause) or _plain_neighbour(tokens, i + 1, token.clause):
        return False
    return any(
        _age_item(text, j) for j in range(i - 1, max(-1, i - 10), -1) if tokens[j].clause == token.clause
    )


def _plain_neighbour(tokens: list[Token], j: int, clause: int) -> bool:
    return 0 <= j < len(tokens) and tokens[j].clause == clause and tokens[j].word in PLAIN


def _age_item(text: Prepared, j: int) -> bool:
    """Token j is an age written as a list item of its own: ", 25,", ", 27 jaar,", "(38),"."""
    tokens, raw = text.tokens, text.raw
    age = tokens[j]
    if not (age.word.isdigit() and 18 <= int(age.word) <= 79):
        return False
    end = age.end
    if (
        j + 1 < len(tokens)
        and tokens[j + 1].word in _AGE_UNITS
        and not raw[end : tokens[j + 1].start].strip()
    ):
        end = tokens[j + 1].end
    before = raw[tokens[j - 1].end if j else 0 : age.start].strip()
    if before.endswith("   ,"):  # the display name was blanked: "Arnhem 💕     , 25 jaar, Roemeens."
        before = ","
    after = raw[end : end + 3].lstrip(" ")
    return (before == "," and after[:1] == ",") or (before.endswith("(") and after.startswith(("),", ")")))


# Country codes written as a profile item ("Eva, 37, NL."): capitals only.
_PROFILE_CODES = {
    code: code for code in "NL BE DE RO BG HU PL UA RU CZ SK ES IT FR PT BR CO VE DO TH GB MD LT LV".split()
} | {"UK": "GB"}

# Every word an origin mention can start with: a cheap test before the rules run.
_STARTERS = (
    frozenset(WORDS)
    | frozenset(PLAIN)
    | _JOIN_FIRST
    | frozenset(key.split("_")[0] for key in (*COUNTRIES, *CITIES))
    | frozenset(fold(word) for word in _ACCENTED)
    | _DUTCH_CITY_ADJECTIVES
    | frozenset(_GROUP_WORDS)
    | frozenset({"oost", "zuid", "latijns", "south", "latin"})
    | frozenset(code.lower() for code in _PROFILE_CODES)
)


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
    """(country, group, matched words); country None with a group for region-only words like 'latina'.

    In a business ad with several workers (a club listing its ladies) a nationality counts only when it is
    said of the workers as a whole ("onze Thaise dames", "Bulgarian escort service"): one worker's origin is
    not the ad's."""
    tokens = text.tokens
    venue: int | None = None  # where a business ad with several workers opens (computed at the first mention)
    cyrillic = _cyrillic_origin(text.raw) if _CYRILLIC.search(text.raw) else None
    group_only: tuple[OriginGroup, str] | None = None
    for code, group, i, matched in _mentions(text):
        if cyrillic and cyrillic[1] < tokens[i].start:
            break
        if code is None:
            if group_only is None and group is not None:
                group_only = (group, matched)
            continue
        if venue is None:
            venue = _venue_with_several(text)
        if 0 <= venue < tokens[i].start and not (
            _said_of_workers(tokens, i) or _self_stated(text, i) or _featured(text, i)
        ):
            continue
        return code, group, matched
    if cyrillic and _venue_with_several(text) < 0:
        return cyrillic[0], origin_group(cyrillic[0]), cyrillic[2]
    flag = flag_origin(text.raw)
    if flag:
        return flag, origin_group(flag), flag
    if group_only:
        return None, group_only[0], group_only[1]
    return None, None, ""


def _mentions(text: Prepared) -> Iterator[tuple[str | None, OriginGroup | None, int, str]]:
    """Every stated origin in text order: (country, group, token index, matched words); a region-only word
    ("latina") comes as (None, group, ...)."""
    tokens = text.tokens
    for i, token in enumerate(tokens):
        word = token.word
        if word not in _STARTERS and not (len(word) > 6 and word.endswith(("bol", "rol"))):
            continue  # most words: no origin can start here
        joined = _joined(text, i) if word in _JOIN_FIRST else ""
        if joined and _usable(tokens, i + 1):
            yield WORDS[joined], origin_group(WORDS[joined]), i, f"{token.text} {tokens[i + 1].text}"
            continue
        code = WORDS.get(word) or _ACCENTED.get(token.text.lower()) or _city_adjective(tokens, i)
        if code and _region_prefixed(text, i) and code != "NL":
            pass  # "Latijns-Amerikaanse", "South American": a region, handled below; "Noord-Hollandse" is NL
        elif code and _usable(tokens, i) and not _several_listed(text, i) and not _language_pair(text, i):
            if code == "DO" and i + 1 < len(tokens) and tokens[i + 1].word in {"republiek", "republic"}:
                yield code, origin_group(code), i, f"{token.text} {tokens[i + 1].text}"
            else:
                yield code, origin_group(code), i, token.text
            continue
        if (
            word in PLAIN
            and _usable(tokens, i)
            and _plain_usable(text, i)
            and not _several_listed(text, i)
            and not _language_pair(text, i)
        ):
            yield PLAIN[word], origin_group(PLAIN[word]), i, token.text
            continue
        if token.text in _PROFILE_CODES and _profile_item(text, i):
            code = _PROFILE_CODES[token.text]
            yield code, origin_group(code), i, token.text
            continue
        place = _from_place(tokens, i) or _country_before_person(tokens, i)
        if place:
            yield place, origin_group(place), i, token.text
            continue
        key = word
        if word in {"oost", "zuid", "latijns", "south", "latin"} and i + 1 < len(tokens):
            key = f"{word}-{tokens[i + 1].word}" if word not in ("latijns", "latin") else "latijns"
        if key in _GROUP_WORDS and _usable(tokens, i):
            yield None, _GROUP_WORDS[key], i, token.text


# "Geboren in Milaan", "born in Brazil", "nacida en Cuba", "urodzona w Krakowie" (the preposition before the
# place, a birth word up to three words before it).
_BORN = frozenset(
    "geboren born nacida nacido nascida nascido urodzona urodzony nascuta nata nato nee".split()
)
_BIRTH_PREPOSITIONS = frozenset("in en em w we a im au na no la".split())


def _born_in(tokens: list[Token], i: int) -> bool:
    if i < 2 or tokens[i - 1].word not in _BIRTH_PREPOSITIONS:
        return False
    clause = tokens[i].clause
    return any(t.word in _BORN and t.clause == clause for t in tokens[max(0, i - 5) : i - 1])


def _from_place(tokens: list[Token], i: int) -> str | None:
    """A foreign country or city after from/uit/aus/z ("uit Istanbul", "from Brazil"), or with the
    Hungarian suffix for "from" ("Budapestről", "Romániából"), or a birthplace ("geboren in Milaan")."""
    word = tokens[i].word
    pair = f"{word}_{tokens[i + 1].word}" if i + 1 < len(tokens) else ""
    if pair in CITIES:
        word = pair  # sao paulo, santo domingo
    if pair in COUNTRIES:
        word = pair  # verenigde staten, united kingdom
    if (word in CITIES or word in COUNTRIES) and _born_in(tokens, i) and _usable(tokens, i, False):
        return CITIES.get(word) or COUNTRIES[word]
    if word in CITIES and i and tokens[i - 1].word in _FROM - {"van", "de"} and _usable(tokens, i, False):
        return CITIES[word]
    if word in COUNTRIES and i and tokens[i - 1].word in _FROM | {"la", "the", "de"}:
        before = {t.word for t in tokens[max(0, i - 3) : i]}
        from_van = tokens[i - 1].word == "van" and not before & _FROM_BEFORE_VAN  # "Hoek van Holland"
        if (
            before & _FROM
            and not from_van
            and _usable(tokens, i, check_next=False)
            and not _countries_listed(tokens, i)
        ):
            return COUNTRIES[word]
    if len(word) > 6 and word.endswith(("bol", "rol")):
        stem = word[:-3]
        return CITIES.get(stem) or COUNTRIES.get(stem)
    return None


# Where a country name before a person noun names a place, not her origin ("in Nederland man ...").
_PLACE_BEFORE = frozenset("in naar to door heel all across throughout van en and of".split())


def _country_before_person(tokens: list[Token], i: int) -> str | None:
    """A country name used as an adjective before a person noun ("UKRAINE GIRL 24", "Romania girl",
    "Poland lady"), not after a preposition ("werkzaam in heel Nederland")."""
    word = tokens[i].word
    if word not in COUNTRIES or i + 1 >= len(tokens) or tokens[i + 1].word not in _PERSON_NOUNS:
        return None
    if tokens[i + 1].clause != tokens[i].clause or (i and tokens[i - 1].word in _PLACE_BEFORE):
        return None
    return COUNTRIES[word] if _usable(tokens, i, check_next=False) else None


def _region_prefixed(text: Prepared, i: int) -> bool:
    """ "Zuid-Amerikaanse", "South American": a compass or region word joined to the nationality word."""
    if not i:
        return False
    before, token = text.tokens[i - 1], text.tokens[i]
    return (
        before.word in _REGION_PREFIX
        and before.clause == token.clause
        and text.raw[before.end : token.start] in ("-", " ")
    )


def _city_adjective(tokens: list[Token], i: int) -> str | None:
    """A Dutch city adjective before a person noun ("Zaanse meid", "Utrechtse dame") states a Dutch origin."""
    if tokens[i].word not in _DUTCH_CITY_ADJECTIVES:
        return None
    return "NL" if _person_follows(tokens, i) else None


def _person_follows(tokens: list[Token], i: int) -> bool:
    nxt = tokens[i + 1 : i + 3]
    return any(t.word in _PERSON_NOUNS and t.clause == tokens[i].clause for t in nxt)


def _said_of_workers(tokens: list[Token], i: int) -> bool:
    """The nationality describes a business's workers or the business itself ("Thaise dames", "ladies from
    Thailand", "Bulgarian escort service"), not one worker."""
    clause = tokens[i].clause
    if i and tokens[i - 1].word in _SOME_OF_THEM:
        return False  # "4-6 lieve dames, ook Nederlandse": some of them, not all share it
    near = tokens[max(0, i - 3) : i] + tokens[i + 1 : i + 3]
    return any(t.word in _WORKERS_OR_BUSINESS and t.clause == clause for t in near)


# Words that make a nationality describe only some of a business's workers.
_SOME_OF_THEM = frozenset("ook also too incl inclusief including waaronder tambien tambem oa zoals".split())


def _venue_with_several(text: Prepared) -> int:
    """Offset of the venue word of a business ad with several workers, else -1. A worker's own ad that names
    her venue later ("Hongaarse Reka (25) - privéhuis Candy") states her origin first."""
    venue = _VENUE.search(text.folded)
    return venue.start() if venue and several_workers(text) is not None else -1


def _featured(text: Prepared, i: int) -> bool:
    """The one worker a business ad features with her age ("Nieuw bij ons: Roxana (23) uit Roemenië! Ook
    aanwezig: Sofia en Lara"): her origin is the ad's. Two workers with ages ("Mei (25) en Lara (31)") are a
    roster."""
    ages = _BRACKET_AGE.findall(text.raw)
    if len(ages) != 1:
        return False
    at = text.raw.find(ages[0])
    return abs(at - text.tokens[i].start) <= 40


def _self_stated(text: Prepared, i: int) -> bool:
    """The advertiser speaks for herself before the nationality ("I am from Bulgaria. I work in a private
    house with 3 other girls")."""
    return bool(_FIRST_PERSON.search(text.folded, 0, text.tokens[i].start))


def _several_listed(text: Prepared, i: int) -> bool:
    """A list of nationality words around token i ("Russian, Czech, Brazilian, Dutch", "Nederlandse en
    Oost-Europese", "English, Deutsch, Nederlands"): three or more name languages or a venue's workers,
    never one advertiser's origin (two, "Roemeense en Hongaarse meiden", keep the first). A hyphenated pair
    ("Italian-Dutch") is one item."""
    tokens = text.tokens
    clause = tokens[i].clause
    items, j = 1, i + 1
    while j < len(tokens) and j - i < 12 and tokens[j].clause == clause:
        word, gap = tokens[j].word, text.raw[tokens[j - 1].end : tokens[j].start]
        if word in _AND or word in _LIST_PREFIX:
            j += 1
            continue
        if not (word in WORDS or word in PLAIN or word in _LIST_REGIONS):
            break
        items += gap.strip() != "-" or tokens[j - 1].word in _LIST_PREFIX  # "Italian-Dutch" is one item
        j += 1
    k = i - 1
    while k >= 0 and i - k < 12 and tokens[k].clause == clause:
        word = tokens[k].word
        if word in _AND or word in _LIST_PREFIX:
            k -= 1
            continue
        if not (word in WORDS or word in PLAIN or word in _LIST_REGIONS):
            break
        items += text.raw[tokens[k].end : tokens[k + 1].start].strip() != "-"
        k -= 1
    return items >= 3


# Nationality words that are also language names (folded), in the languages the ads use.
_LANGUAGE_NAMES = frozenset(
    "dutch english german french spanish italian polish russian romanian portuguese hungarian bulgarian "
    "czech greek turkish ukrainian thai chinese japanese arabic nederlands engels duits frans spaans "
    "italiaans pools russisch roemeens portugees hongaars bulgaars turks arabisch espanol ingles holandes "
    "aleman frances italiano portugues ruso rumano polaco espanhol polski angielski".split()
)
_PAIR_JOINERS = ("&", "/", "+", ",", "and", "en", "y", "e", "i", "si", "und")


def _language_pair(text: Prepared, i: int) -> bool:
    """ "Dutch & English.", "Nederlands en Engels": two language names joined with no person noun after them
    and no "ik ben"/"half" before are the languages spoken ("I am half Dutch and English" keeps NL)."""
    tokens = text.tokens
    clause = tokens[i].clause
    if tokens[i].word not in _LANGUAGE_NAMES:
        return False
    before, after = _pair_partner(text, i, -1), _pair_partner(text, i, 1)
    if before is None and after is None:
        return False
    start, end = (before, i) if before is not None else (i, after or i)
    if end + 1 < len(tokens) and tokens[end + 1].clause == clause and tokens[end + 1].word in _PERSON_NOUNS:
        return False  # "Dutch and English girl"
    return not any(t.word in _STATED and t.clause == clause for t in tokens[max(0, start - 3) : start])


def _pair_partner(text: Prepared, i: int, step: int) -> int | None:
    """The language name joined to token i on one side (step -1: before, 1: after), or None."""
    tokens, raw = text.tokens, text.raw
    j = i + step
    if not 0 <= j < len(tokens) or tokens[j].clause != tokens[i].clause:
        return None
    if tokens[j].word in _AND:
        j += step
        if not 0 <= j < len(tokens) or tokens[j].clause != tokens[i].clause:
            return None
        gap_ok = True
    else:
        left, right = (j, i) if step < 0 else (i, j)
        gap_ok = raw[tokens[left].end : tokens[right].start].strip() in _PAIR_JOINERS
    return j if gap_ok and tokens[j].word in _LANGUAGE_NAMES else None


_CYRILLIC = re.compile("[\u0400-\u04ff]")
# Bulgarian and Russian nationality words (folded: й -> и) and countries after от/из ("от България").
_CYRILLIC_WORDS = {
    fold(w): code
    for code, words in {
        "BG": "българка българин българска",
        "RU": "рускиня руска русская россиянка",
        "UA": "украинка украинская",
        "RO": "румънка румынка",
        "HU": "унгарка",
        "PL": "полякиня полька",
        "MD": "молдованка молдаванка",
        "BY": "белоруска",
        "RS": "сръбкиня",
    }.items()
    for w in words.split()
}
_CYRILLIC_COUNTRIES = {
    fold(w): code
    for code, words in {
        "BG": "българия болгарии",
        "RU": "русия россии",
        "UA": "украйна украины",
        "RO": "румъния румынии",
        "MD": "молдова молдовы",
    }.items()
    for w in words.split()
}
_CYRILLIC_WORD = re.compile("[\u0400-\u04ff]+")


def _cyrillic_origin(raw: str) -> tuple[str, int, str] | None:
    """(country, offset, word) of the first Cyrillic nationality word or "от/из <country>"."""
    previous = ""
    for match in _CYRILLIC_WORD.finditer(raw):
        word = fold(match.group())
        code = _CYRILLIC_WORDS.get(word)
        if code is None and previous in ("от", "из"):
            code = _CYRILLIC_COUNTRIES.get(word)
        if code:
            return code, match.start(), word
        previous = word
    return None


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
