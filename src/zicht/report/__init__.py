"""report stage: report.html (charts, map) and report.xlsx from the store, with small cells suppressed.

Public API: write_report(store, out_dir, config, data_dir, extra_sections=()) -> ReportPaths;
ReportSection for other stages' sections; publish() the small-cell rule.
"""

from zicht.report.build import write_report
from zicht.report.models import ReportPaths, ReportSection
from zicht.report.suppress import Grid, publish, suppression_text

__all__ = ["Grid", "ReportPaths", "ReportSection", "publish", "suppression_text", "write_report"]
