"""Default message templates per language and the drafting of a message from an organisation's templates.

A template may use {worker} (the outreach worker's first name, or user name) and {organisation}. A personal,
named first message is what gets answered (the 2025 inventory: automated texts feel impersonal). An
organisation edits its own templates; these are the starting point.
"""

from __future__ import annotations

FALLBACK = "en"

DEFAULT_TEMPLATES: dict[str, str] = {
    "nl": (
        "Hoi, ik ben {worker} van {organisation}. Ik zag je advertentie. Wij bieden sekswerkers gratis en "
        "vertrouwelijk hulp en advies, over gezondheid, geld, wonen of wat je maar wilt. Wil je kennismaken? "
        "Stuur gerust een berichtje terug. Geen interesse? Laat het weten, dan sturen we niets meer."
    ),
    "en": (
        "Hi, I'm {worker} from {organisation}. I saw your ad. We offer sex workers free, confidential help "
        "and advice, about health, money, housing or anything else. Would you like to meet? Just reply to "
        "this message. Not interested? Let us know and we won't write again."
    ),
    "es": (
        "Hola, soy {worker} de {organisation}. Vi tu anuncio. Ofrecemos a trabajadoras y trabajadores "
        "sexuales ayuda y consejo gratis y confidencial, sobre salud, dinero, vivienda o lo que necesites. "
        "¿Quieres conocernos? Contesta a este mensaje. ¿No te interesa? Dínoslo y no volveremos a escribir."
    ),
    "pl": (
        "Cześć, jestem {worker} z {organisation}. Widziałam/em Twoje ogłoszenie. Oferujemy osobom "
        "pracującym seksualnie bezpłatną i poufną pomoc i poradę: zdrowie, pieniądze, mieszkanie i nie "
        "tylko. Chcesz się spotkać? Odpisz na tę wiadomość. Nie jesteś zainteresowana/y? Daj znać, a nie "
        "napiszemy więcej."
    ),
    "ro": (
        "Bună, sunt {worker} de la {organisation}. Am văzut anunțul tău. Oferim lucrătorilor sexuali ajutor "
        "și sfaturi gratuite și confidențiale, despre sănătate, bani, locuință sau orice altceva. Vrei să ne "
        "cunoaștem? Răspunde la acest mesaj. Nu te interesează? Spune-ne și nu mai scriem."
    ),
    "pt": (
        "Olá, sou {worker} da {organisation}. Vi o teu anúncio. Oferecemos a trabalhadoras e trabalhadores "
        "do sexo ajuda e aconselhamento gratuitos e confidenciais, sobre saúde, dinheiro, habitação ou o que "
        "precisares. Queres conhecer-nos? Responde a esta mensagem. Não tens interesse? Diz-nos e não "
        "voltamos a escrever."
    ),
    "de": (
        "Hallo, ich bin {worker} von {organisation}. Ich habe deine Anzeige gesehen. Wir bieten "
        "Sexarbeiter*innen kostenlose, vertrauliche Hilfe und Beratung, zu Gesundheit, Geld, Wohnen oder "
        "allem anderen. Möchtest du uns kennenlernen? Antworte einfach auf diese Nachricht. Kein Interesse? "
        "Sag Bescheid, dann schreiben wir nicht mehr."
    ),
}

LANGUAGES = tuple(DEFAULT_TEMPLATES)


class _Keep(dict[str, str]):
    def __missing__(self, key: str) -> str:  # an unknown {placeholder} stays as written
        return "{" + key + "}"


def draft(templates: dict[str, str], language: str | None, worker: str, organisation: str) -> tuple[str, str]:
    """(language used, message): the template in the ad's language, else English, else any."""
    chosen = language if language and (language in templates or language in DEFAULT_TEMPLATES) else FALLBACK
    text = templates.get(chosen) or DEFAULT_TEMPLATES.get(chosen) or DEFAULT_TEMPLATES[FALLBACK]
    try:
        return chosen, text.format_map(_Keep(worker=worker, organisation=organisation))
    except (ValueError, IndexError):  # a lone brace or {0}: the template is used as written
        return chosen, text
