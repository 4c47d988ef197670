"""Figures published in the 2021 baseline report (Regioplan for WODC), as quoted in
../shared/reference/baseline-2021.md section 2. They fill the "2021 report" columns of the tables, as text,
exactly as published; where the report is inconsistent the digest's choice is noted beside the figure.
"""

from __future__ import annotations

# Weekly dynamics (ch. 2.3), ranges over the year. Active: the body says 6,000-7,500, the summary 6,500-7,000
# (INCONSISTENT); we quote the body.
WEEKLY = {
    "active": "about 6,000-7,500",
    "new_since_previous": "1,000-2,000",
    "new_since_previous_5": "250-1,000",
    "never_seen_before": "moves with 'not in the previous 5'",
    "one_off": "9-151 (N=3,713)",
    "closed": "about 400 (peaks about 2x)",
}
PRICE_TREND = "escort about 165 -> 200 over the year; home about 140, flat; all about 140 -> 150 (Fig 2.9)"

# Unique advertisers: 27,866 (INCONSISTENT: 27,387 at L1079; 27,243 for the per-100k table). We quote 27,866.
UNIQUE_ADVERTISERS = "27,866"
RAW_ADS = "365,140"

GENDER = {"female": "95%", "trans": "26 ads"}

# Fig 2.7, shares of all unique advertisers. Escort+massage is not given in the digest.
TYPE_MIX = {
    "H": "22%",
    "HE": "22%",
    "HM": "17%",
    "E": "16%",
    "HEM": "10%",
    "M": "2%",
    "any_home": "71%",
    "any_escort": "55%",
    "any_massage": "36%",
}

# Table 2.2: share per bin, then total, mean, sd; columns all/home/escort.
PRICE = {
    "all": ["1.4%", "5.7%", "46.7%", "36.7%", "6.2%", "2.0%", "1.2%", "25,033", "167", "51"],
    "home": ["1.7%", "7.7%", "63.1%", "23.4%", "2.7%", "0.8%", "0.5%", "13,961", "153", "42"],
    "escort": ["1.1%", "3.3%", "26.0%", "53.4%", "10.7%", "3.5%", "2.0%", "11,072", "184", "55"],
}

# Table 2.3: share per age bin, then total, mean, sd; columns all/Dutch/non-Dutch.
AGE = {
    "all": ["64.5%", "24.1%", "8.5%", "2.5%", "0.4%", "<0.1%", "26,218", "30", "6"],
    "dutch": ["53.3%", "25.5%", "14.7%", "5.7%", "0.8%", "0", "3,414", "33", "10"],
    "non_dutch": ["74.5%", "21.6%", "3.4%", "0.4%", "<0.1%", "<0.1%", "12,556", "30", "8"],
}

# Table 2.5 (first): age of non-Dutch advertisers by region; only <30, 31-40, totals, mean and sd are given.
AGE_REGION = {
    "europe": {"<30": "78.2%", "31-40": "18.5%", "total": "7,356", "mean": "28", "sd": "5"},
    "south_america": {"<30": "68.9%", "31-40": "26.1%", "total": "3,916", "mean": "29", "sd": "6"},
    "other": {"<30": "70%", "31-40": "25.8%", "total": "1,284", "mean": "29", "sd": "6"},
}

# Fig 2.10 (N=15,985) and, for South America and other, the totals of table 2.5.
ORIGIN = {
    "NL": "21%",
    "non_NL": "79%",
    "europe": "59% of non-Dutch",
    "europe_east": "41% of Europe",
    "south_america": "31% of non-Dutch (table 2.5: 3,916 of 12,556)",
    "other": "10% of non-Dutch (table 2.5: 1,284 of 12,556)",
}

# Table 2.4, top-10 municipalities by ads (N=14,780 = 54.3% of all), by CBS code.
TOP10 = {
    "GM0363": "5,559 (20.4%)",
    "GM0599": "2,979 (10.9%)",
    "GM0518": "1,845 (6.8%)",
    "GM0344": "1,060 (3.9%)",
    "GM0772": "830 (3.0%)",
    "GM0855": "555 (2.0%)",
    "GM0202": "551 (2.0%)",
    "GM0758": "538 (2.0%)",
    "GM0034": "456 (1.7%)",
    "GM0268": "407 (1.5%)",
}

# Table 2.5 (second), top-10 ads per 100,000 inhabitants (N=27,243).
PER_100K = {
    "GM0363": "644",
    "GM0599": "462",
    "GM0756": "389",
    "GM0957": "369",
    "GM0772": "358",
    "GM0202": "346",
    "GM0518": "343",
    "GM0917": "341",
    "GM0384": "305",
    "GM0344": "300",
}

# Table 2.6: ads with the term (share of 27,866) and how many were actually licensed after a manual check.
LICENCE = {
    "club": ("178 (0.6%)", "74 (41.6%)"),
    "privéhuis": ("150 (0.5%)", "148 (98.7%)"),
    "bureau": ("36 (0.1%)", "26 (72.2%)"),
    "KvK": ("10 (<0.1%)", "10 (100%)"),
    "total": ("374 (1.3%)", "258 (69.0%)"),
}

# Fill rates, share of the 365,140 raw ads.
FILL = {
    "moment": "100%",
    "gender": "100%",
    "types": "98%",
    "origin": "72%",
    "age": "96%",
    "price": "71%",
    "municipality": "98%",
}
