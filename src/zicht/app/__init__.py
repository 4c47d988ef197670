"""The outreach web app (`zicht app`): a help organisation's week of online outreach, without a list of
sex workers. Django project `zicht.app` with one Django app, `zicht.app.outreach`; see docs/outreach.md.

- market.py: the week's ads from the analysis store (read-only) and clear contacts from the raw archive
- drafts.py: message templates per language; gateway.py: the SMS provider interface
- settings.py: Django settings built from the command line; outreach/: models, views, templates, migrations
"""
