-- The analysis store (DuckDB). No clear phone numbers or names: only HMAC pseudonyms (see pseudonyms.py).
-- The same SQL runs on Spark SQL for larger installations (standard types, no DuckDB-only features in views).

CREATE TABLE IF NOT EXISTS meta (
    key VARCHAR PRIMARY KEY,
    value VARCHAR NOT NULL
);

-- A measurement moment ("meetmoment"): one weekly crawl of every site.
CREATE TABLE IF NOT EXISTS moments (
    moment_id VARCHAR PRIMARY KEY,   -- the crawl run id, e.g. 'w000'
    week INTEGER NOT NULL,           -- 0-based index of the moment in the series
    measured_on DATE NOT NULL
);

-- An ad seen on a site at a moment, with its extracted record and a pointer into the WARC archive.
CREATE TABLE IF NOT EXISTS observations (
    moment_id VARCHAR NOT NULL,
    site VARCHAR NOT NULL,
    site_ad_id VARCHAR NOT NULL,     -- the site's own ad code
    warc_file VARCHAR,               -- relative to the archive root; NULL once purged
    warc_offset BIGINT,
    gender VARCHAR,
    types VARCHAR[],
    origin_country VARCHAR,
    origin_group VARCHAR,
    age INTEGER,
    price_per_hour DOUBLE,
    municipality_code VARCHAR,
    language VARCHAR,
    licence_terms VARCHAR[],
    indicators VARCHAR[],
    phone_pseudonym VARCHAR,         -- HMAC-SHA256 of the E.164 number under the installation secret
    name_pseudonym VARCHAR,          -- HMAC-SHA256 of the folded advertiser name
    text_signature UBIGINT[],        -- MinHash of the ad text's shingles (the text itself is not stored)
    PRIMARY KEY (moment_id, site, site_ad_id)
);

-- Links of ads to advertisers, one row per ad and method ('baseline' = the 2021 rules, 'zicht' = ours).
CREATE TABLE IF NOT EXISTS ad_links (
    method VARCHAR NOT NULL,
    site VARCHAR NOT NULL,
    site_ad_id VARCHAR NOT NULL,
    advertiser_key VARCHAR NOT NULL,
    PRIMARY KEY (method, site, site_ad_id)
);

-- Baseline rule 1: per moment, a site-b ad with the phone + municipality of a site-a ad is a duplicate.
CREATE TABLE IF NOT EXISTS weekly_duplicates (
    moment_id VARCHAR NOT NULL,
    site VARCHAR NOT NULL,
    site_ad_id VARCHAR NOT NULL,
    kept_site VARCHAR NOT NULL,
    kept_site_ad_id VARCHAR NOT NULL,
    PRIMARY KEY (moment_id, site, site_ad_id)
);
