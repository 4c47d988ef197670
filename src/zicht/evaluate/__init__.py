"""Evaluation against ground truth: one layer above the stages, the only production code that reads the
simulator's truth or its calibration (crawl completeness, linking against the true workers, the store's tables
against the 2021 figures). No stage imports this package; the `zicht eval` commands do."""
