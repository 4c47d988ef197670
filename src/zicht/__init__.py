"""Zicht: open, repeatable measurement of the online sex-work advertisement market.

Pipeline: sites -> crawl -> extract -> store -> link -> measure -> report, plus register and simulate.
"""

__version__ = "0.1.0"
