"""Types of sex work offered: home (privé-/thuisontvangst, incall), escort (outcall, hotel visits), massage.

The site field and the text are both read and their types united; a negated phrase ("geen escort", "no
outcall") does not count.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from itertools import chain

from zicht.extract.lexicon import alternation, words
from zicht.extract.text import Gated, fold, negated
from zicht.vocab import WorkType

# A small grammar of where the meeting takes place. Reception (home): the speaker hosts, or the place is on
# the speaker's side; outcall (escort): the speaker moves towards the client, or the place is the client's.
# Each family is a list of alternatives over folded text (lower case, no accents), kept apart so that tests
# can exercise them one by one (tests/test_extract_grammar.py). Negation is read around every match.
_ME = r"(?:mij|me|ons|mnie|siebie)"  # first person (nl/pl)
_YOU = r"(?:jou|je|u|jullie)"  # second person (nl)
_MY = r"(?:mijn|my|onze|our|mi|mio|mia|meu|minha|moj\w*|mein(?:e[mnrs]?)?|unserer?|mon|ma)"
_YOUR = r"(?:jouw|uw|your|tu|seu|sua|twoj\w*|dein(?:e[mnrs]?)?)"
# places a person lives or works in (nl/en/es/pt/pl/it/ro)
_PLACE = (
    r"(?:huis|woning|appartement|flat|kamer|werkkamer|studio|kerker|dungeon|boerderij|praktijk|salon|"
    r"massagetafel|place|apartment|room|home|house|casa|piso|apartamento|departamento|lugar|sitio|espacio|"
    r"espaco|ape|apartament\w*|mieszkani\w*|pokoj\w*|appartamento|chambre|maison|hotel\w*|"
    # compounds and the other languages' words: praktijkruimte, massageruimte, practice, Praxis, Wohnung
    r"praktijk\w*|\w*ruimte|behandelkamer|practice|praxis|wohnung|gabinet\w*)"
)
# Hosting verbs and nouns (first person, or the client coming / walking in).
HOME_HOSTING = (
    r"prive[\s-]*ontvan\w*|priveontvan\w*|thuis[\s-]*ontvan\w*|\bontvan(?:gst|gts|gs|st|g|gt|gen)\b|\bonvangst\b|\bontv\b|"
    r"incall|private\s+(?:reception|apartment)|\breceiv(?:e|es|ing)\b|\brecibo\b|\bprzyjmuje\w*|\bprim(?:esc|im)\b|"
    r"\bricevo\b|\brecois\b|\bempfang\w*|\bprivate\s+house\b|\b(?:i|we)\s+(?:\w+\s+)?host\b|\bhosting\b|\bwalk[\s-]*ins?\b|"
    r"\baan\s*bellen\b|\bbinnen\s*(?:lopen|loopt|wandelen|wandel|stappen|stap|vallen)\b|"
    r"\bwoon\s+en\s+werk\b|\blive\s+and\s+work\b|\btengo\s+(?:un\s+)?(?:sitio|lugar|piso|apartamento|espacio)\b|"
    r"\bvieni\s+a\s+trovarmi\b|\bzaprasza\w*\s+(?:\w+\s+)?do\s+(?:siebie|mnie|moj\w*)\b|"
    r"\bkamers?\s*(?:\d|[:=]|prijs|huur|vanaf|v\.a\.)|kamer\s*\+\s*dame"
)
# The client comes to the speaker ("kom langs", "je komt naar mij", "come visit me", "die me komt bezoeken").
HOME_CLIENT_COMES = (
    r"kom\s+(?:\w+\s+)?langs|langs\s*(?:te\s+)?kom\w*|\b(?:even|snel|gezellig|gewoon|eens|gerust)\s+langs\b|"
    # "jij komt bij mij", "you come to me", "kom je bij mij?", "je kunt bij mij komen", "als je naar ons komt"
    # (not the idiom "jij komt bij mij op de eerste plaats": you come first with me)
    r"\b(?:you|je|jij|u|jullie)\s+(?:\w+\s+){0,2}?(?:come|komt|komen|kom)\s+(?:\w+\s+)?(?:to|bij|naar)\s+"
    r"(?:me|mij|ons|us)\b(?!\s+(?:op\s+(?:de\s+)?(?:eerste|1e)|voorop|centraal)\b)|"
    r"\bkom\w*\s+(?:je|jij|u|jullie)\s+(?:\w+\s+)?(?:bij|naar)\s+(?:mij|ons)\b(?!\s+op\s+(?:de\s+)?eerste\b)|"
    r"\b(?:je|jij|u|jullie)\s+(?:\w+\s+)?(?:bij|naar)\s+(?:mij|ons)\s+(?:\w+\s+)?(?:komt|komen|langskomt)\b|"
    # es/pt "vienes a mi (casa)", "ven a verme", "vem até mim", "vem me ver"; pl "przyjdź do mnie"; en "come
    # (and) see me"
    r"\b(?:vienes|ven|venga|vengan|vem|venha|vens)\s+(?:\w+\s+)?(?:a|ao|para|hasta|ate)\s+"
    r"(?:mi|mim|meu|minha|verme|visitarme)\b|\bvem\s+me\s+(?:ver|visitar)\b|"
    r"\bprzy(?:jdz|jedz)\w*\s+do\s+(?:mnie|nas)\b|\bcome\s+(?:and\s+)?(?:see|meet)\s+(?:me|us)\b|"
    r"come\s+and\s+visit\s+me|\bvisit\s+me\b|"
    # walking in: "kom (gewoon) binnen", "loop binnen", "stap gerust binnen", "zonder afspraak welkom"; not
    # "ik kom binnen een uur" (within)
    r"\b(?:kom|komt|loop|stap|wandel)\s+(?:(?:gewoon|gerust|maar|even|eens|vrij|lekker|spontaan|zo)\s+){0,2}"
    r"binnen\b(?=\s*(?:[.,!;)\n]|$|zonder\b|voor\b|en\b|bij\b|of\b|als\b|wanneer\b|tijdens\b|om\b))|"
    r"\bzonder\s+(?:een\s+)?afspraak\s+(?:\w+\s+)?(?:binnen\w*|langs\w*|welkom)\b|\bcome\s+in\s+without\b|"
    r"\b(?:kom|komt|komen|come)\s+(?:\w+\s+)?(?:naar|to)\s+(?:mij|me|mijn|ons|onze|my|our)\b|"
    r"\b(?:me|mij|ons)\s+(?:\w+\s+){0,4}?bezoeken\b|\bbezoek\s+(?:me|mij|ons)\b|"
    r"\bwaar\s+(?:je|u|jullie)\s+(?:\w+\s+)?(?:welkom|terecht)\b|\bwelkom\s+bij\s+(?:mij|ons)\b|"
    # The speaker awaits the client somewhere ("te aștept în Zaandam", "ik wacht op je in", "waiting for
    # you at", "te espero en", "czekam na ciebie w", "ti aspetto a"); not at the client's ("te espero en tu
    # hotel") nor a message ("ik wacht op je bericht", "waiting for your call")
    r"\bastept\s+(?:\w+\s+){0,2}?(?:in|la)\s+(?!tine\b|voi\b|telefon\w*|mesaj\w*|whatsapp\b|apel\w*)|"
    r"\bwacht\w*\s+(?:\w+\s+){0,2}?op\s+(?:je|jou|u|jullie)\s+(?:(?:al|graag|thuis|vanavond)\s+)?(?:in|bij\s+mij)\b"
    r"(?!\s+(?:je|jouw|uw|de\s+(?:buurt|regio|omgeving))\b)|"
    r"\bwait(?:ing)?\s+for\s+you\s+(?:\w+\s+)?(?:in|at)\s+(?!your\b)|"
    r"\bespero(?:(?<=te\sespero)|-te|\s+por\s+(?:voce|vc|ti))\s+(?:\w+\s+)?(?:en|em|no|na|aqui|aca)\b"
    r"(?!\s+(?:tu|su|seu|sua|teu|tua)\b)|"
    r"\bczekam\s+na\s+(?:ciebie|was)\s+(?:\w+\s+)?(?:w|we)\b|"
    r"\baspetto(?<=ti\saspetto)\s+(?:\w+\s+)?(?:a|in|nel|nella)\b(?!\s+presto\b)|"
    r"\b(?:erwarte|warte)\s+(?:\w+\s+)?(?:dich|euch|auf\s+dich)\s+(?:\w+\s+)?in\b|"
    r"\battends(?:(?<=t'attends)|(?<=vous\sattends))\s+(?:\w+\s+)?(?:a|au|dans|en)\s+(?!ton\b|ta\b|votre\b)|"
    # "kom bij Lisa in Zwolle"; not "kom graag bij jou in Den Bosch" (outcall)
    r"\bkom\w*\s+(?:\w+\s+)?bij\s+(?!jou\b|je\b|u\b|uw\b|jullie\b)[a-z]+\s+in\b"
)
# A place on the speaker's side ("bij mij terecht", "in mijn woning", "at my place", "en mi piso", "u mnie").
HOME_SPEAKER_PLACE = (
    r"\bbij\s+(?:mij|ons)\s+(?:\w+\s+){0,4}?terecht\b(?!\s+voor\b)|\bterecht\s+(?:bij|in)\s+(?:mij|ons|mijn|onze)\b|"
    # "bij mij op de kamer"; not "(plezier) komt bij mij op de eerste plaats" (comes first with me)
    r"\bbij\s+(?:mij|ons)\s+(?:thuis|op\s+(?!(?:de\s+)?(?:eerste|1e)\b)(?:de\s+)?\w+|aan\s+huis)\b|"
    r"\b(?:afspr\w*|ontmoet\w*|alleen|of|ook|sessies?|dates?)\s+bij\s+(?:mij|ons)\b|"
    r"\bbij\s+(?:mij|ons)\s+(?:of|en)\s+(?:bij\s+)?(?:jou|je|u|in)\b|"
    # "Bij mij." as an answer, "bij mij in Lelystad" (not "bij mij in de buurt": near me)
    r"\bbij\s+(?:mij|ons)\s*(?=[.!;)\n]|$)|"
    r"\bbij\s+(?:mij|ons)\s+in\s+(?!de\s+(?:buurt|regio|omgeving|auto)\b|je\b|jouw\b|uw\b)|"
    r"\b(?:our|my)\s+(?:apartment|flat)\b|"
    # the speaker's own address ("mijn adres", "my exact address", "mi dirección", "meu endereço",
    # "adresa mea")
    r"\b(?:mijn|my|onze|our|mi|meu|moj|moim)\s+(?:(?:exacte|exact|precieze|volledige|full|prive|huis|home)\s+)?"
    r"(?:adres|address|direccion|endereco|adresu|adresem)\b|\badres(?:a|ul)\s+mea\b|"
    r"\b(?:in|op|naar|at|en|no|na|em|nel|nella|w|la|dans|chez)\s+"
    + _MY
    + r"\s+(?:[\w-]+\s+)?"
    + _PLACE
    + r"\b|"
    # not when brought along to the client: "ik kom naar je toe met mijn massagetafel"
    r"\b(?:mijn|my)(?<!met\smijn)(?<!neem\smijn)(?<!breng\smijn)(?<!with\smy)\s+(?:\w+\s+)?(?:massagetafel|massage\s+table|werkkamer|kerker|dungeon)\b|"
    r"\bat\s+my\s+(?:place|apartment|flat|home|studio)\b|\bmy\s+place\b|\bbij\s+(?:mij|ons)\s+thuis|\bbei\s+mir\b|"
    # "thuis in Utrecht" is the speaker's home unless it is the client's ("bij jou thuis in")
    r"\bu\s+mnie\b|\bla\s+mine\b|\bthuis(?<!jou\sthuis)(?<!je\sthuis)(?<!\bu\sthuis)(?<!uw\sthuis)(?<!jullie\sthuis)\s+in\b|\bchez\s+moi\b|"
    r"\bvanuit\s+(?:huis|(?:een|mijn|ons|onze|het)\s+(?:\w+\s+)?(?:kamer|huis|pand|appartement|woning|studio|salon))\b|"
    r"\bhotel\w*\s+(?:\w+\s+)?die\s+ik\s+(?:regel|boek|huur)\b|\bmy\s+hotel\s*room\b|"
    r"\bwerk\w*\s+(?:\w+\s+){0,3}?in\s+(?:een|ons|het|mijn)\s+(?:\w+\s+)?(?:huis|pand|salon|appartement|studio)\b|"
    r"\b(?:piso|apartamento|lugar|espacio|sitio|local)\s+(?:propio|proprio|privado|discreto)\b|"
    # "mi propio apartamento", "meu proprio apartamento"; not "tu propia casa" (the client's). The possessive
    # is checked behind the word: a branch starting with "mi"/"un" would stop the fast scan everywhere.
    r"\b(?:propi[ao](?<!tu\spropi[ao])(?<!su\spropi[ao])|propri[ao](?<!tua\spropri[ao])(?<!sua\spropri[ao])"
    r"(?<!seu\spropri[ao])(?<!teu\spropri[ao]))\s+(?:piso|apartamento|lugar|espacio|espaco|sitio|casa|"
    r"departamento|estudio|local)\b|"
    # someone else's place in an agency's or a third-person ad: "in haar praktijk", "in zijn studio"
    r"\bin\s+(?:haar|zijn|her|his)\s+(?:[\w-]+\s+)?(?:praktijk|massagepraktijk|salon|massagesalon|studio|"
    r"appartement|apartment|woning|huis|kamer|werkkamer|kerker)\b|"
    r"\beigen\s+(?:[\w-]+\s+){0,3}?[\w-]*(?:kamer|ruimte|appartement|woning|ingang|studio|werkruimte|praktijk|salon|"
    r"kerker|plek|plekje|huis|pand)\b|"
    r"\bown\s+(?:[\w-]+\s+){0,2}?(?:room|place|apartment|flat|studio)\b|\bprivate\s+rooms?\b|"
    r"\b(?:mijn|my|onze|our)\s+(?:[\w-]+\s+)?(?:studio|praktijk|massagepraktijk|massagesalon|salon)\b|"
    r"\bin\s+(?:ons|onze)\s+(?:huis|appartement|woning|flat|studio|pand|salon)\b|\bprywatnie\b|"
    r"\bprive\s*(?:huis|\.|$|in\b)|\bprivehuis|\braamwerk|\bprive\b(?!-)"
)
# The speaker moves towards the client ("ik kom naar je toe", "I travel to you", "voy a tu hotel").
ESCORT_MOVES = (
    r"\bes{1,2}[ck]o{1,2}u?r[dt]\w*|outcall|hotel\s*bezoek|hotelvisit|hotel\s+visits?|thuis\s*bezoek|"
    # a massage brought to the client's hotel or home: "hotelmassage", "huisbezoek" (LABELLING.md)
    r"\bhotel[\s-]?massage\w*|\bhuis[\s-]?bezoek\w*|"
    r"bezoek\s+aan\s+huis|\bkom\w*\s+(?:\w+\s+){0,2}(?:bij|naar)\s+" + _YOU + r"\b|"
    r"\bnaar\s+" + _YOU + r"\s+toe\b|\bnaar\s+(?:jou|u|jullie)\s+(?:\w+\s+)?(?:komen|kom|rijden)\b|"
    r"\b(?:kom\w*|ga|gaan|rijd\w*|reis\w*|come|go|travel\w*|visit|drive)\s+(?:\w+\s+){0,2}(?:naar|to)\s+"
    r"(?:you|your)\b|"
    # "I travel to 5* hotels", "ik kom naar luxe hotels", "travel to 4 or 5 star hotels"; not "kom naar het
    # hotel" or "come to my hotel" (a hotel the advertiser may host in)
    r"\b(?:kom\w*|ga|gaan|rijd\w*|reis\w*|come|go|travel\w*|visit|drive)\s+(?:\w+\s+){0,2}(?:naar|to)\s+"
    r"(?:(?!(?:het|de|the|mijn|my|onze|our|dit|this|dat|that|een|a|an)\b)[\w*./-]+\s+){0,4}?hotels?\b|"
    # visiting hotels: "I also visit hotels", "ik bezoek ook hotels", "visito hoteles", "odwiedzam hotele";
    # not "visit my hotel" (hosting in a hotel room)
    r"\b(?:visit|visits|visiting|bezoek|bezoeken|visito|visitamos|odwiedzam)\s+(?:(?:ook|also|too|graag|"
    r"tambien|tambem|tez|only|alleen|de|los|os|the)\s+)?(?:hotels|hoteles|hoteis|hotele|hotelach)\b|"
    # Polish "przyjadę do ciebie / hotelu", "mogę przyjechać do hotelu" (przyjdź do mnie is the client coming)
    r"\bprzyje(?:chac|zdzam)\s+do\s+(?:ciebie|was|hotel\w*|klient\w*)\b|"
    r"\bprzyjad\w*\s+(?:\w+\s+)?do\s+(?:ciebie|was|hotel\w*|klient\w*)\b|"
    r"\b(?:i|we)\s+(?:\w+\s+)?(?:come|travel|visit)\s+(?:to\s+)?you\b|\bmeet\s+(?:\w+\s+){0,2}?at\s+(?:hotels?|your)\b|"
    r"\bbezoek(?:en)?\s+(?:ook\s+)?(?:klanten|heren|je|jou|u)\b|"
    r"\bsalidas?\b|\bsaidas\b|\bfaco\s+saida\b|\bsalgo\b|\bvou\s+ate\s+(?:voce|vc|ti|o\s+seu|a\s+sua)\b|"
    r"domicili?[oe]|"
    # "voy a tu hotel", "viajo a tu hotel", "viajo a hoteles", "vou ao seu hotel"
    r"\b(?:voy|vou|vengo|viajo|viajamos)\s+(?:a|al|ao|aos|en|a\s+los)\s+(?:tu|seu|su|teu|sua|tua)?\s*"
    r"(?:hotel\w*|casa)\b|"
    r"\bdepla(?:s(?:ari|are|arile|ez|am|ri)|c(?:e|ements?))\b|\bchez\s+(?:toi|vous)\b|"
    r"dojazd|dojezdzam|\bjade\s+do\s+ciebie\b|\bvin\s+la\b|\bvin\s+(?:eu\s+)?la\s+tine\b|acompanha(?:nte|mento)s?|"
    r"hausbesuch\w*|\baan\s+huis\b|"
    # "only hotels", "só hotéis"; "or visit you", "or come to Deventer" (not "come to my place")
    r"\b(?:so|only|alleen|solo|apenas|tylko)\s+(?:in\s+|em\s+|en\s+)?hote(?:l|is|ls|les)\b|\bvisit\s+you\b|"
    r"\b(?:or|also)\s+(?:i\s+)?(?:come|travel|drive)\s+to\b(?!\s+(?:my|our|me|us)\b)|"
    r"\b(?:kom|rijd|ga)\s+ook\s+naar\b(?!\s+(?:mij|ons|mijn|onze)\b)"
)
# A place on the client's side ("bij jou thuis", "your hotel", "en tu casa", "u ciebie", "or theirs").
ESCORT_CLIENT_PLACE = (
    r"\bbij\s+"
    + _YOU
    + r"\s+(?:thuis|in\s+(?:het|je|jouw|uw)?\s*hotel)|\b(?:in|naar|op)\s+(?:je|jouw|uw)\s+hotel\w*|"
    r"\b(?:afspr\w*|ontmoet\w*|alleen|of|ook|zowel)\s+bij\s+(?:jou|u|jullie)\b|\bbij\s+(?:jou|u)\s+(?:of|en)\b|"
    r"\b(?:jouw|uw)\s+(?:eigen\s+)?(?:woning|huis|hotel\w*|appartement|adres|thuis)\b|"
    r"\bje\s+(?:woning|hotel\w*|appartement|adres)\b|"
    r"\b(?:at|to|in)\s+your\s+(?:place|hotel|home|house|apartment|room)|\byour\s+(?:place|hotel\w*)\b|"
    r"\bor\s+theirs\b|\btheir\s+(?:place|hotel)\b|"
    r"\b(?:en|a)\s+tu\s+(?:casa|hotel|domicilio|apartamento)|\b(?:no\s+seu|na\s+sua|ao\s+seu)\s+(?:hotel|casa)|"
    r"\bu\s+ciebie\b|\bla\s+(?:tine|hotel)\b|naar\s+(?:je|jouw|uw)\s+(?:hotel|huis)|"
    r"\bhotel\s*(?:en|and|of|or|/)\s*(?:thuis|huis|home)bezoek"
)
# Branches that start with a distinctive word, read by a skip-scan (`_scan`) that runs the full pattern only
# where the word occurs: most ads contain none of them, so they cost little. A branch that starts with a
# common word ("bij", "in", "my") belongs to the families above.
# Hosting in other languages and venues where clients come.
HOME_VENUE_AND_OTHER_LANGUAGES = (
    # pt recebo, fr nous recevons, hu fogadok/fogadlak/fogadunk, bg приемам, ru принимаю, Frisian ûntfang
    r"\breceb(?:o|emos)\b|\brecevons\b|\bfogad(?:ok|lak|unk|om|juk)\b|\bприема\w*|\bпринима\w*|\buntfang\w*|"
    # hu nálam (at mine), lakásomban (in my flat); bg/ru у дома / у себя (at home); pt "com local" (with a
    # place), "atendo no hotel / no meu apê", es "atiendo en mi piso" (not "en tu casa": the client's)
    r"\bnalam\b|\blakasom\w*|\bу\s+(?:дома|себя)(?![а-я])|\bcom\s+local\b|"
    r"\bat(?:e|ie)nd[oe]\w*\s+(?:no|na|num|numa|em|en)\s+(?!seu\b|sua\b|teu\b|tua\b|tu\b|su\b)(?:\w+\s+)?"
    r"(?:hotel|ape|apartamento|local|flat|casa|piso|studio|espaco)\b|"
    r"\bthuis\s+bij\s+(?:mij|ons)\b|\bvieni\s+(?:\w+\s+)?da\s+me\b|\bcome\s+by\b|"
    # "Welcome to my house"; not "Welcome to my page"
    r"\b(?:welcome|welkom)\s+(?:to|in|at)\s+(?:my|our|mijn|onze|ons)\s+(?:[\w-]+\s+)?" + _PLACE + r"\b|"
    # a venue where clients come: a club (sexclub, saunaclub, nachtclub; not a football club), an entrance
    # fee or own entrance, a room price "met dame", a window
    # a dungeon or an SM/domina studio is a place clients come to ("Fully equipped dungeon in Nijmegen")
    r"\b(?:kerker|dungeon)s?\b|\b(?:sm|bdsm|domina|fetish|bizar)[\s-]*(?:studio|kamer|ruimte|room)s?\b|"
    r"\bclubs?\b|\b(?:sex|seks|sauna|nacht|night|relax|erotiek|paren|swing|prive)clubs?\b|"
    r"\bentree\b|\braam\s*(?:nr\.?\s*)?\d|\bwindow\s+(?:girl|worker|lady)|\baankloppen\b|"
    r"\bkamer\w*\s*(?:\+|met)\s*(?:een\s+)?dame|"
    # the client is told where to park or asks for the address: he comes over
    r"\b(?:gratis|free|eigen|voldoende|ruim|volop|genoeg|ample|makkelijk|easy|facil|latwy)\s+(?:\w+\s+)?"
    r"(?:parkeren|parking|parkeergelegenheid|aparcamiento|estacionamento|estacionamiento|parcare)\b|"
    # "parkeren op het plein / in de garage / achter het pand", "parkeer je auto"; not the client's place
    # ("parkeren bij jou") nor "ik parkeer om de hoek" (an escort arriving discreetly)
    r"\bparkeren\s+(?:\w+\s+)?(?:kan\b|mogelijk|is\s+gratis|(?:op|in|voor|achter|naast|bij|om|aan|tegenover|"
    r"vlakbij|nabij|onder)\s+(?!je\b|jou\b|jouw\b|uw\b|u\b))|\bparkeer\s+(?:je|jouw|uw)\s+auto\b|"
    r"\bparkeer(?:plaats|plek|garage|terrein)\w*\s+(?:\w+\s+)?(?:voor\s+de\s+deur|om\s+de\s+hoek|aanwezig|"
    r"op\s+(?:eigen|loopafstand)|naast|achter|tegenover|vlakbij)|\bparkeergelegenheid\b|\bparkplatz\w*\s+vor\b|"
    r"\bparking\s+(?:available|nearby|on\s+site|in\s+front|outside|behind|next\s+to|around\s+the\s+corner|"
    r"at\s+the\s+(?:door|back|building|house)|gratuit\w*|privado|pod\s+domem)|\bpark\s+your\s+car\b|"
    r"\b(?:aparcamiento|estacionamento|estacionamiento|parcare)\s+(?:\w+\s+)?(?:gratis|gratuit\w*|facil|libre|"
    r"privado|proprio|propio|en\s+la\s+puerta|na\s+porta|in\s+fata)\b|"
    # The advertiser gives out her address ("mijn adres krijg je na het bellen", "adres na afspraak", "address
    # on request", "dirección por WhatsApp", "endereço após marcação", "app voor het adres"); not the client's
    # ("je adres", "your address") nor the idiom "aan het juiste adres"
    r"\b(?:discreet|discrete|rustig|rustige|centraal|central)\s+(?:gelegen\s+)?(?:adres|address)\b|"
    r"\b(?:bel|app|sms|call|text)\s+(?:\w+\s+)?(?:voor|for|para)\s+(?:het\s+|the\s+|mijn\s+|my\s+|la\s+|o\s+)?"
    r"(?:adres|address|direccion|endereco)\b|"
    r"\b(?:adres|address|direccion|endereco|adresa|adresul)(?<!je\sadres)(?<!jouw\sadres)(?<!uw\sadres)"
    r"(?<!your\saddress)(?<!tu\sdireccion)(?<!su\sdireccion)(?<!seu\sendereco)(?<!mail\sadres)"
    r"(?<!mail\saddress)\s+(?:\w+\s+){0,3}?(?:via|per|por|pelo|pela|na|after|on|upon|bij|op|po|dupa|despues\s+de|"
    r"apos|tras|following)\s+(?:\w+\s+)?(?:aanvraag|afspraak|bellen|belletje|telefo\w*|contact|bevestiging|"
    r"reservering|boeking|booking|request|call\w*|confirmation|whatsapp|app|sms|text|cita|llamada|ligacao|"
    r"marcacao|reserva|rezerwacji|apel|programare)\b"
)
# Outcall in other languages: de Hotelbesuche, "Besuche auch im Hotel", "komme zu dir"; hu hozzád (to you),
# hotelbe(n); bg/ru ескорт, идвам при теб, выезд; it mi sposto, vengo da te; pt/es deslocações, me desplazo
ESCORT_OTHER_LANGUAGES = (
    r"hotelbesuch\w*|\bbesuche?\s+(?:\w+\s+)?(?:im|ins|in\s+(?:deinem|ihrem))\s+hotel|"
    r"\bkomme?\s+(?:\w+\s+)?zu\s+(?:dir|ihnen|euch)\b|\bhozzad\b|\bhotelben?\b|\b[еэ]скорт\w*|"
    r"\bидвам\s+(?:при\s+)?(?:теб|вас)(?![а-я])|\bвыезд\w*|\bsposto\b|\bvengo\s+(?:\w+\s+){0,2}?da\s+te\b|"
    r"\bdesloc\w*|\bdesplaz\w*|\bstay\s+with\s+you\b"
)
MASSAGE = (
    r"massa(?:ge|gem|je|z|gg)\w*|masaz\w*|\bmasszazs\w*|\bмасаж\w*|\bмассаж\w*|\bmasaj\w*|body[\s-]*(?:to|2|tot)[\s-]*body|tantr\w*|"
    r"\bnuru\b|\blingam\b|masseuse|masseur|masajista"
)
# Reception and outcall phrases of the lexicons (zicht.extract.lexicon; the languages whose phrases are not in
# the families above yet, such as Czech "přijímám", "u mě", "přijedu k tobě").
HOME_LEXICON = r"\b" + alternation(words("reception")) + r"(?!\w)"
ESCORT_LEXICON = r"\b" + alternation(words("outcall")) + r"(?!\w)"
FAMILIES: dict[str, tuple[WorkType, str]] = {
    "home_hosting": ("home", HOME_HOSTING),
    "home_client_comes": ("home", HOME_CLIENT_COMES),
    "home_speaker_place": ("home", HOME_SPEAKER_PLACE),
    "escort_moves": ("escort", ESCORT_MOVES),
    "escort_client_place": ("escort", ESCORT_CLIENT_PLACE),
    "massage": ("massage", MASSAGE),
    "home_venue_and_other_languages": ("home", HOME_VENUE_AND_OTHER_LANGUAGES),
    "escort_other_languages": ("escort", ESCORT_OTHER_LANGUAGES),
    "home_lexicon": ("home", HOME_LEXICON),
    "escort_lexicon": ("escort", ESCORT_LEXICON),
}
_SKIP_SCANNED = ("home_venue_and_other_languages", "escort_other_languages")


def _joined(work_type: WorkType, skip_scanned: bool) -> Gated | None:
    parts = [
        p for name, (t, p) in FAMILIES.items() if t == work_type and (name in _SKIP_SCANNED) == skip_scanned
    ]
    return Gated("|".join(parts)) if parts else None


_PATTERNS: tuple[tuple[WorkType, Gated], ...] = tuple(
    (work_type, _joined(work_type, False))  # type: ignore[misc]
    for work_type in ("home", "escort", "massage")
)
_SKIP_SCAN_PATTERNS: dict[WorkType, Gated | None] = {t: _joined(t, True) for t, _ in _PATTERNS}
# "Ook escort", "ik kom ook naar je toe": "also" implies reception too. An inference, not wording: it counts
# only when the site has no reception field (the advertiser's own choice of types wins over it). "Also"
# before any outcall wording: "ook aan huis", "ook (voor) hotel(bezoek)", "ook bij jou", "also outcall",
# "también salidas", "também faço saídas".
_IMPLIED_HOME = re.compile(
    r"\book\s+(?:(?!niet\b|geen\b)\w+\s+){0,2}?(?:t?huisbezoek|es{1,2}[ck]o{1,2}u?r[dt]|outcall|hotel\w*|"
    r"aan\s+huis|bij\s+(?:jou|u|jullie)\b|naar\s+(?:je|jou|u|jullie)\s+toe\b)|\bkom\s+ook\s+naar|"
    r"\balso\s+(?:(?!not\b|no\b)\w+\s+){0,2}?(?:outcall|es{1,2}[ck]o{1,2}u?r[dt]|hotel\s*visits?|"
    r"(?:to|at)\s+your\s+(?:place|hotel|home)|(?:come|travel)\s+to\s+you\b|visit(?:s|ing)?\s+hotels)|"
    r"\btambi?e[nm]\s+(?:\w+\s+)?(?:salidas|saidas|domicilio|a\s+domicilio|hoteis|hoteles|ate\s+(?:voce|vc|ti))\b|"
    r"\b(?:tez|rowniez)\s+(?:\w+\s+)?(?:przyje(?:chac|zdzam)|przyjad\w*|dojezdzam)\b"
)
# A domina's or mistress's ad naming a studio ("DOMINA MISTRESS CARMEN. Studio in Zwijndrecht"): her studio,
# where clients come (a "massage studio" or a photo studio alone is not read this way).
_DOMINA = re.compile(r"\b(?:domina|dominatrix|mistress|meesteres|femdom|bdsm)\b")
_STUDIO = re.compile(r"\bstudio\b")
# A hosting or awaiting verb before the hotel ("Primesc la hotel", "ik ontvang in een hotel", "I receive at a
# hotel"): a hotel room the advertiser receives in, not a visit to the client's hotel.
_HOSTED_HOTEL_BEFORE = re.compile(
    r"\b(?:primesc|astept|ontvang\w*|receiv(?:e|ing)|recibo|recebo|atiendo|atendo|przyjmuje\w*|ricevo|empfange|"
    r"recois|host|hosting|incall)\s+(?:(?:ik|i|je|jou|u|you|te|va|ook|also|doar|alleen|only|solo|clienti|klanten|"
    r"heren|in|at|la|en|em|no|na|w|a|an|een|het|the|un|o|el|um|uma|num|numa|mijn|my)\s+){0,3}$"
)
_CLIENT_POSSESSIVE = re.compile(r"\b(?:je|jouw|uw|your|tu|seu|sua|tine)\b")  # "in je hotel" stays outcall
# "Aan huis" is outcall ("massage aan huis", "ook aan huis") unless a place precedes it: "plekje aan huis",
# "praktijk aan huis" is a workplace in the advertiser's own home (reception).
_HOME_AAN_HUIS = re.compile(r"(?:plek\w*|praktijk|salon|studio|ruimte|kamer\w*|werkplek|kapsalon)\s+$")
# "Ik ontvang niet", "ontvangst niet mogelijk"; not "ik ontvang niet alleen heren".
_NEGATED_AFTER = re.compile(
    r"^\s*(?:(?:zelf|ook|helaas|momenteel|nu)\s+)?(?:niet\s+mogelijk|not\s+possible|nee\b|pas\b|"
    # English "outcall: no", not Portuguese "no" (in the): "vou até você no hotel"
    r"no\b(?!\s+(?:hotel\w*|motel\w*|seu|meu|teu|nosso|local|apartamento|ape|quarto|centro|bairro|carro|flat)\b)|"
    r"niet\b(?!\s+(?:alleen|enkel|slechts|meer\s+dan|ver)\b))"
)
# Bulgarian/Russian "не приемам": the shared negation list is Latin-script.
_NEGATED_CYRILLIC = re.compile(r"(?:^|[^а-я])(?:не|нет)\s+$")
# Exclusive outcall ("Alleen escort", "escort only", "ik ontvang zelf niet", "no incall"): no reception, even
# when a place is named ("hotel of thuis in Breda" is the client's home).
_OUTCALL_ONLY = re.compile(
    r"\b(?:alleen|enkel|uitsluitend|only|solo|tylko|doar|nur|csak)\s+(?:es{1,2}[ck]o{1,2}u?r[dt]|outcall)\b|"
    r"\b(?:es{1,2}[ck]o{1,2}u?r[dt]|outcall)\s+only\b|\bno\s+incall\b|"
    # "ik ontvang (zelf) niet.", "ik ontvang niet, maar kom"; not "ik ontvang niet thuis, maar in een hotel"
    r"\bontvang\w*\s+(?:zelf\s+)?niet\s*(?:[.,!;)\n]|$|maar\s+(?:ik\s+)?kom)"
)
# Renting a room, studio or window out to workers ("Werkkamers te huur", "Studio for rent", "Kamer verhuur
# voor dames"): the ad offers no sex work, so no type, even with "private entrance, free parking".
_RENTAL = re.compile(
    r"\b(?:kamer|kamers|werkkamer\w*|raam\w*|ramen|studio\w*|rooms?|windows?|ruimte|werkplek\w*|apartment|"
    r"appartement)\s+(?:\w+\s+){0,3}?(?:te\s+huur|for\s+rent|to\s+rent|to\s+let|zu\s+vermieten)\b|"
    r"\b(?:kamer|raam|ramen|studio|werkplek)\w*\s*verhuur|\bverhuurder\b|\bvrije\s+ramen\b"
)
_RENTAL_HINTS = ("huur", "rent", "vermiet", "to let", "ramen")  # every _RENTAL match contains one


def _is_rental(folded: str) -> bool:
    return any(hint in folded for hint in _RENTAL_HINTS) and bool(_RENTAL.search(folded))


def _outcall_only(folded: str) -> bool:
    return any(not negated(folded, m.start()) for m in _OUTCALL_ONLY.finditer(folded))


def _hosted_hotel(folded: str, match: re.Match[str]) -> bool:
    phrase = match.group()
    return (
        "hotel" in phrase
        and not _CLIENT_POSSESSIVE.search(phrase)
        and bool(_HOSTED_HOTEL_BEFORE.search(folded, max(0, match.start() - 40), match.start()))
    )


def _domina_studio(folded: str) -> re.Match[str] | None:
    if "studio" not in folded or not _DOMINA.search(folded):
        return None
    return next((m for m in _STUDIO.finditer(folded) if not _is_negated(folded, m)), None)


def _scan(pattern: Gated | None, folded: str) -> Iterator[re.Match[str]]:
    """Matches of a pattern whose branches start with distinctive words: Gated jumps from one such word to
    the next and tries the full pattern only there (same matches as `finditer` of the plain regex)."""
    return pattern.finditer(folded) if pattern is not None else iter(())


def _is_negated(folded: str, match: re.Match[str]) -> bool:
    start = match.start()
    if negated(folded, start) or _NEGATED_AFTER.match(folded[match.end() : match.end() + 20]):
        return True
    return "\u0400" <= folded[start] <= "\u04ff" and bool(
        _NEGATED_CYRILLIC.search(folded, max(0, start - 8), start)
    )


def types_from(
    value: str | None, folded: str | None = None, implied: bool = True
) -> tuple[set[WorkType], list[str]]:
    """Types named in a field or text (`folded`: the text already folded), with the phrases naming them;
    `implied`: also read "ook escort" as home."""
    if not value:
        return set(), []
    if folded is None:  # a site field: few distinct values ("Privé-ontvangst, Escort"), read once each
        types, evidence = _field_types(value, implied)
        return set(types), list(evidence)
    return _text_types(folded, implied)


@lru_cache(maxsize=1024)
def _field_types(value: str, implied: bool) -> tuple[frozenset[WorkType], tuple[str, ...]]:
    types, evidence = _text_types(fold(value), implied)
    return frozenset(types), tuple(evidence)


def _text_types(folded: str, implied: bool) -> tuple[set[WorkType], list[str]]:
    if _is_rental(folded):
        return set(), []
    found: set[WorkType] = set()
    evidence: list[str] = []
    for work_type, pattern in _PATTERNS:
        for match in chain(pattern.finditer(folded), _scan(_SKIP_SCAN_PATTERNS[work_type], folded)):
            if _is_negated(folded, match) or (work_type == "escort" and _hosted_hotel(folded, match)):
                continue
            if match.group().startswith("aan") and _HOME_AAN_HUIS.search(
                folded[max(0, match.start() - 16) : match.start()]
            ):
                found.add("home")
                evidence.append(folded[max(0, match.start() - 16) : match.end()].strip())
                continue
            found.add(work_type)
            evidence.append(match.group())
            break
    if "home" not in found and (studio := _domina_studio(folded)):
        found.add("home")
        evidence.append(studio.group())
    if "home" in found and _outcall_only(folded):
        found.discard("home")
        return found, evidence
    if implied and "home" not in found and not _outcall_only(folded):
        implied_match = _IMPLIED_HOME.search(folded)
        if implied_match and not negated(folded, implied_match.start()):
            found.add("home")
            evidence.append(implied_match.group())
    return found, evidence
