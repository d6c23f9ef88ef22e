-- Golden rubric (every operator) (all-operators.rubric.yaml), compiled by align for duckdb
-- scoring date (--as-of): 2026-11-27; locale: en; columns are read as text, as align rubric score reads a CSV
WITH align_leads AS (
  SELECT "lead id" AS lead_id,
    CAST("employees" AS VARCHAR) AS f0_raw,
    CAST("Job Title" AS VARCHAR) AS f1_raw,
    CAST("country" AS VARCHAR) AS f2_raw,
    CAST("demo_requested" AS VARCHAR) AS f3_raw,
    CAST("pricing_page_views" AS VARCHAR) AS f4_raw,
    CAST("webinar attended?" AS VARCHAR) AS f5_raw,
    CAST("last_activity" AS VARCHAR) AS f6_raw,
    CAST("email" AS VARCHAR) AS f7_raw,
    CAST("it's ""quoted""" AS VARCHAR) AS f8_raw,
    CAST("notes" AS VARCHAR) AS f9_raw,
    CAST("created" AS VARCHAR) AS f10_raw
  FROM "leads"
), align_cells AS (
  SELECT lead_id,
    f0_raw,
    replace(regexp_replace(f0_raw, '^[\x{20}\x{9}\x{A}\x{D}\x{A0}\x{C}\x{B}]+|[\x{20}\x{9}\x{A}\x{D}\x{A0}\x{C}\x{B}]+$', '', 'g'), ',', '') AS f0_strip,
    (regexp_replace(f0_raw, '[^0-9+.\-]', '', 'g') || CASE WHEN regexp_matches(f0_raw, '[0-9][kK]') THEN 'e3' WHEN regexp_matches(f0_raw, '[0-9][mM]') THEN 'e6' WHEN regexp_matches(f0_raw, '[0-9][bB]') THEN 'e9' ELSE '' END) AS f0_canon,
    f1_raw,
    regexp_replace(f1_raw, '^[\x{9}\x{A}\x{B}\x{C}\x{D}\x{20}\x{A0}\x{1680}\x{2000}\x{2001}\x{2002}\x{2003}\x{2004}\x{2005}\x{2006}\x{2007}\x{2008}\x{2009}\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]+|[\x{9}\x{A}\x{B}\x{C}\x{D}\x{20}\x{A0}\x{1680}\x{2000}\x{2001}\x{2002}\x{2003}\x{2004}\x{2005}\x{2006}\x{2007}\x{2008}\x{2009}\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]+$', '', 'g') AS f1_trim,
    f2_raw,
    regexp_replace(f2_raw, '^[\x{9}\x{A}\x{B}\x{C}\x{D}\x{20}\x{A0}\x{1680}\x{2000}\x{2001}\x{2002}\x{2003}\x{2004}\x{2005}\x{2006}\x{2007}\x{2008}\x{2009}\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]+|[\x{9}\x{A}\x{B}\x{C}\x{D}\x{20}\x{A0}\x{1680}\x{2000}\x{2001}\x{2002}\x{2003}\x{2004}\x{2005}\x{2006}\x{2007}\x{2008}\x{2009}\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]+$', '', 'g') AS f2_trim,
    replace(regexp_replace(f2_raw, '^[\x{20}\x{9}\x{A}\x{D}\x{A0}\x{C}\x{B}]+|[\x{20}\x{9}\x{A}\x{D}\x{A0}\x{C}\x{B}]+$', '', 'g'), ',', '') AS f2_strip,
    (regexp_replace(f2_raw, '[^0-9+.\-]', '', 'g') || CASE WHEN regexp_matches(f2_raw, '[0-9][kK]') THEN 'e3' WHEN regexp_matches(f2_raw, '[0-9][mM]') THEN 'e6' WHEN regexp_matches(f2_raw, '[0-9][bB]') THEN 'e9' ELSE '' END) AS f2_canon,
    regexp_replace(f2_raw, '^[\x{20}\x{9}\x{A}\x{D}\x{A0}\x{C}\x{B}]+', '') AS f2_lstrip,
    f3_raw,
    regexp_replace(f3_raw, '^[\x{9}\x{A}\x{B}\x{C}\x{D}\x{20}\x{A0}\x{1680}\x{2000}\x{2001}\x{2002}\x{2003}\x{2004}\x{2005}\x{2006}\x{2007}\x{2008}\x{2009}\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]+|[\x{9}\x{A}\x{B}\x{C}\x{D}\x{20}\x{A0}\x{1680}\x{2000}\x{2001}\x{2002}\x{2003}\x{2004}\x{2005}\x{2006}\x{2007}\x{2008}\x{2009}\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]+$', '', 'g') AS f3_trim,
    f4_raw,
    replace(regexp_replace(f4_raw, '^[\x{20}\x{9}\x{A}\x{D}\x{A0}\x{C}\x{B}]+|[\x{20}\x{9}\x{A}\x{D}\x{A0}\x{C}\x{B}]+$', '', 'g'), ',', '') AS f4_strip,
    (regexp_replace(f4_raw, '[^0-9+.\-]', '', 'g') || CASE WHEN regexp_matches(f4_raw, '[0-9][kK]') THEN 'e3' WHEN regexp_matches(f4_raw, '[0-9][mM]') THEN 'e6' WHEN regexp_matches(f4_raw, '[0-9][bB]') THEN 'e9' ELSE '' END) AS f4_canon,
    f5_raw,
    regexp_replace(f5_raw, '^[\x{9}\x{A}\x{B}\x{C}\x{D}\x{20}\x{A0}\x{1680}\x{2000}\x{2001}\x{2002}\x{2003}\x{2004}\x{2005}\x{2006}\x{2007}\x{2008}\x{2009}\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]+|[\x{9}\x{A}\x{B}\x{C}\x{D}\x{20}\x{A0}\x{1680}\x{2000}\x{2001}\x{2002}\x{2003}\x{2004}\x{2005}\x{2006}\x{2007}\x{2008}\x{2009}\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]+$', '', 'g') AS f5_trim,
    f6_raw,
    regexp_replace(f6_raw, '^[\x{20}\x{9}\x{A}\x{D}\x{A0}\x{C}\x{B}]+', '') AS f6_lstrip,
    f7_raw,
    regexp_replace(f7_raw, '^[\x{9}\x{A}\x{B}\x{C}\x{D}\x{20}\x{A0}\x{1680}\x{2000}\x{2001}\x{2002}\x{2003}\x{2004}\x{2005}\x{2006}\x{2007}\x{2008}\x{2009}\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]+|[\x{9}\x{A}\x{B}\x{C}\x{D}\x{20}\x{A0}\x{1680}\x{2000}\x{2001}\x{2002}\x{2003}\x{2004}\x{2005}\x{2006}\x{2007}\x{2008}\x{2009}\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]+$', '', 'g') AS f7_trim,
    f8_raw,
    regexp_replace(f8_raw, '^[\x{9}\x{A}\x{B}\x{C}\x{D}\x{20}\x{A0}\x{1680}\x{2000}\x{2001}\x{2002}\x{2003}\x{2004}\x{2005}\x{2006}\x{2007}\x{2008}\x{2009}\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]+|[\x{9}\x{A}\x{B}\x{C}\x{D}\x{20}\x{A0}\x{1680}\x{2000}\x{2001}\x{2002}\x{2003}\x{2004}\x{2005}\x{2006}\x{2007}\x{2008}\x{2009}\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]+$', '', 'g') AS f8_trim,
    f9_raw,
    regexp_replace(f9_raw, '^[\x{9}\x{A}\x{B}\x{C}\x{D}\x{20}\x{A0}\x{1680}\x{2000}\x{2001}\x{2002}\x{2003}\x{2004}\x{2005}\x{2006}\x{2007}\x{2008}\x{2009}\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]+|[\x{9}\x{A}\x{B}\x{C}\x{D}\x{20}\x{A0}\x{1680}\x{2000}\x{2001}\x{2002}\x{2003}\x{2004}\x{2005}\x{2006}\x{2007}\x{2008}\x{2009}\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}]+$', '', 'g') AS f9_trim,
    regexp_replace(f9_raw, '^[\x{20}\x{9}\x{A}\x{D}\x{A0}\x{C}\x{B}]+', '') AS f9_lstrip,
    f10_raw,
    regexp_replace(f10_raw, '^[\x{20}\x{9}\x{A}\x{D}\x{A0}\x{C}\x{B}]+', '') AS f10_lstrip
  FROM align_leads
), align_readings AS (
  SELECT lead_id,
    CASE WHEN regexp_matches(f0_raw, '^[ \x{9}\x{A}\x{D}\x{A0}\x{C}\x{B}]*[+\-]?([0-9]+(,[0-9]{3})*(\.[0-9]*)?|\.[0-9]+)([eE][+\-]?[0-9]+)?[ \x{9}\x{A}\x{D}\x{A0}\x{C}\x{B}]*$') THEN (CASE WHEN isinf(TRY_CAST(f0_strip AS DOUBLE)) THEN NULL ELSE TRY_CAST(f0_strip AS DOUBLE) END) WHEN regexp_matches(f0_raw, '^[ \x{9}\x{A}\x{D}\x{A0}\x{C}\x{B}]*(([+\-]?([$\x{20AC}\x{A3}\x{A5}]|USD|EUR|GBP|CHF|CAD|AUD|JPY)[ \x{9}\x{A}\x{D}\x{A0}\x{C}\x{B}]?|([$\x{20AC}\x{A3}\x{A5}]|USD|EUR|GBP|CHF|CAD|AUD|JPY)[ \x{9}\x{A}\x{D}\x{A0}\x{C}\x{B}]?[+\-])([0-9]+([,][0-9]{3})*(\.[0-9]+)?|\.[0-9]+)[kKmMbB]?|[+\-]?([0-9]+([,][0-9]{3})*(\.[0-9]+)?|\.[0-9]+)[kKmMbB]?([ \x{9}\x{A}\x{D}\x{A0}\x{C}\x{B}]?([$\x{20AC}\x{A3}\x{A5}]|USD|EUR|GBP|CHF|CAD|AUD|JPY))?|[+\-]?([0-9]+([,][0-9]{3})*(\.[0-9]+)?|\.[0-9]+)[ \x{9}\x{A}\x{D}\x{A0}\x{C}\x{B}]?%)[ \x{9}\x{A}\x{D}\x{A0}\x{C}\x{B}]*$') THEN (CASE WHEN isinf(TRY_CAST(f0_canon AS DOUBLE)) THEN NULL ELSE TRY_CAST(f0_canon AS DOUBLE) END) END AS f0_num,
    NULLIF(lower(f1_trim), '') AS f1_text,
    CASE WHEN regexp_matches(f2_lstrip, '^[0-9]{4}-[0-9]{2}-[0-9]{2}([T ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]+)?)?(Z|[+\-][0-9]{2}:?[0-9]{2})?)?[ \x{9}\x{A}\x{D}\x{A0}\x{C}\x{B}]*$') THEN (year(TRY_CAST(substr(f2_lstrip, 1, 10) AS DATE)) * 10000 + month(TRY_CAST(substr(f2_lstrip, 1, 10) AS DATE)) * 100 + day(TRY_CAST(substr(f2_lstrip, 1, 10) AS DATE))) WHEN regexp_matches(f2_lstrip, '^[0-9]{1,2}/[0-9]{1,2}/[0-9]{4}( [0-9]{1,2}:[0-9]{2}(:[0-9]{2})?( ?[AaPp][Mm])?)?[ \x{9}\x{A}\x{D}\x{A0}\x{C}\x{B}]*$') THEN (CASE WHEN TRY_CAST(split_part(f2_lstrip, '/', 1) AS INTEGER) BETWEEN 1 AND 12 AND TRY_CAST(split_part(f2_lstrip, '/', 2) AS INTEGER) BETWEEN 1 AND CASE WHEN TRY_CAST(split_part(f2_lstrip, '/', 1) AS INTEGER) = 2 THEN (CASE WHEN (((TRY_CAST(substr(split_part(f2_lstrip, '/', 3), 1, 4) AS INTEGER) % 4) = 0 AND (TRY_CAST(substr(split_part(f2_lstrip, '/', 3), 1, 4) AS INTEGER) % 100) <> 0) OR (TRY_CAST(substr(split_part(f2_lstrip, '/', 3), 1, 4) AS INTEGER) % 400) = 0) THEN 29 ELSE 28 END) WHEN TRY_CAST(split_part(f2_lstrip, '/', 1) AS INTEGER) IN (4, 6, 9, 11) THEN 30 ELSE 31 END THEN TRY_CAST(substr(split_part(f2_lstrip, '/', 3), 1, 4) AS INTEGER) * 10000 + TRY_CAST(split_part(f2_lstrip, '/', 1) AS INTEGER) * 100 + TRY_CAST(split_part(f2_lstrip, '/', 2) AS INTEGER) END) END AS f2_day,
    CASE WHEN regexp_matches(f2_raw, '^[ \x{9}\x{A}\x{D}\x{A0}\x{C}\x{B}]*[+\-]?([0-9]+(,[0-9]{3})*(\.[0-9]*)?|\.[0-9]+)([eE][+\-]?[0-9]+)?[ \x{9}\x{A}\x{D}\x{A0}\x{C}\x{B}]*$') THEN (CASE WHEN isinf(TRY_CAST(f2_strip AS DOUBLE)) THEN NULL ELSE TRY_CAST(f2_strip AS DOUBLE) END) WHEN regexp_matches(f2_raw, '^[ \x{9}\x{A}\x{D}\x{A0}\x{C}\x{B}]*(([+\-]?([$\x{20AC}\x{A3}\x{A5}]|USD|EUR|GBP|CHF|CAD|AUD|JPY)[ \x{9}\x{A}\x{D}\x{A0}\x{C}\x{B}]?|([$\x{20AC}\x{A3}\x{A5}]|USD|EUR|GBP|CHF|CAD|AUD|JPY)[ \x{9}\x{A}\x{D}\x{A0}\x{C}\x{B}]?[+\-])([0-9]+([,][0-9]{3})*(\.[0-9]+)?|\.[0-9]+)[kKmMbB]?|[+\-]?([0-9]+([,][0-9]{3})*(\.[0-9]+)?|\.[0-9]+)[kKmMbB]?([ \x{9}\x{A}\x{D}\x{A0}\x{C}\x{B}]?([$\x{20AC}\x{A3}\x{A5}]|USD|EUR|GBP|CHF|CAD|AUD|JPY))?|[+\-]?([0-9]+([,][0-9]{3})*(\.[0-9]+)?|\.[0-9]+)[ \x{9}\x{A}\x{D}\x{A0}\x{C}\x{B}]?%)[ \x{9}\x{A}\x{D}\x{A0}\x{C}\x{B}]*$') THEN (CASE WHEN isinf(TRY_CAST(f2_canon AS DOUBLE)) THEN NULL ELSE TRY_CAST(f2_canon AS DOUBLE) END) END AS f2_num,
    NULLIF(lower(f2_trim), '') AS f2_text,
    CASE WHEN lower(f3_trim) IN ('true', 'yes', '1') THEN TRUE WHEN lower(f3_trim) IN ('false', 'no', '0') THEN FALSE END AS f3_bool,
    CASE WHEN regexp_matches(f4_raw, '^[ \x{9}\x{A}\x{D}\x{A0}\x{C}\x{B}]*[+\-]?([0-9]+(,[0-9]{3})*(\.[0-9]*)?|\.[0-9]+)([eE][+\-]?[0-9]+)?[ \x{9}\x{A}\x{D}\x{A0}\x{C}\x{B}]*$') THEN (CASE WHEN isinf(TRY_CAST(f4_strip AS DOUBLE)) THEN NULL ELSE TRY_CAST(f4_strip AS DOUBLE) END) WHEN regexp_matches(f4_raw, '^[ \x{9}\x{A}\x{D}\x{A0}\x{C}\x{B}]*(([+\-]?([$\x{20AC}\x{A3}\x{A5}]|USD|EUR|GBP|CHF|CAD|AUD|JPY)[ \x{9}\x{A}\x{D}\x{A0}\x{C}\x{B}]?|([$\x{20AC}\x{A3}\x{A5}]|USD|EUR|GBP|CHF|CAD|AUD|JPY)[ \x{9}\x{A}\x{D}\x{A0}\x{C}\x{B}]?[+\-])([0-9]+([,][0-9]{3})*(\.[0-9]+)?|\.[0-9]+)[kKmMbB]?|[+\-]?([0-9]+([,][0-9]{3})*(\.[0-9]+)?|\.[0-9]+)[kKmMbB]?([ \x{9}\x{A}\x{D}\x{A0}\x{C}\x{B}]?([$\x{20AC}\x{A3}\x{A5}]|USD|EUR|GBP|CHF|CAD|AUD|JPY))?|[+\-]?([0-9]+([,][0-9]{3})*(\.[0-9]+)?|\.[0-9]+)[ \x{9}\x{A}\x{D}\x{A0}\x{C}\x{B}]?%)[ \x{9}\x{A}\x{D}\x{A0}\x{C}\x{B}]*$') THEN (CASE WHEN isinf(TRY_CAST(f4_canon AS DOUBLE)) THEN NULL ELSE TRY_CAST(f4_canon AS DOUBLE) END) END AS f4_num,
    CASE WHEN lower(f5_trim) IN ('true', 'yes', '1') THEN TRUE WHEN lower(f5_trim) IN ('false', 'no', '0') THEN FALSE END AS f5_bool,
    CASE WHEN regexp_matches(f6_lstrip, '^[0-9]{4}-[0-9]{2}-[0-9]{2}([T ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]+)?)?(Z|[+\-][0-9]{2}:?[0-9]{2})?)?[ \x{9}\x{A}\x{D}\x{A0}\x{C}\x{B}]*$') THEN (year(TRY_CAST(substr(f6_lstrip, 1, 10) AS DATE)) * 10000 + month(TRY_CAST(substr(f6_lstrip, 1, 10) AS DATE)) * 100 + day(TRY_CAST(substr(f6_lstrip, 1, 10) AS DATE))) WHEN regexp_matches(f6_lstrip, '^[0-9]{1,2}/[0-9]{1,2}/[0-9]{4}( [0-9]{1,2}:[0-9]{2}(:[0-9]{2})?( ?[AaPp][Mm])?)?[ \x{9}\x{A}\x{D}\x{A0}\x{C}\x{B}]*$') THEN (CASE WHEN TRY_CAST(split_part(f6_lstrip, '/', 1) AS INTEGER) BETWEEN 1 AND 12 AND TRY_CAST(split_part(f6_lstrip, '/', 2) AS INTEGER) BETWEEN 1 AND CASE WHEN TRY_CAST(split_part(f6_lstrip, '/', 1) AS INTEGER) = 2 THEN (CASE WHEN (((TRY_CAST(substr(split_part(f6_lstrip, '/', 3), 1, 4) AS INTEGER) % 4) = 0 AND (TRY_CAST(substr(split_part(f6_lstrip, '/', 3), 1, 4) AS INTEGER) % 100) <> 0) OR (TRY_CAST(substr(split_part(f6_lstrip, '/', 3), 1, 4) AS INTEGER) % 400) = 0) THEN 29 ELSE 28 END) WHEN TRY_CAST(split_part(f6_lstrip, '/', 1) AS INTEGER) IN (4, 6, 9, 11) THEN 30 ELSE 31 END THEN TRY_CAST(substr(split_part(f6_lstrip, '/', 3), 1, 4) AS INTEGER) * 10000 + TRY_CAST(split_part(f6_lstrip, '/', 1) AS INTEGER) * 100 + TRY_CAST(split_part(f6_lstrip, '/', 2) AS INTEGER) END) END AS f6_day,
    NULLIF(lower(f7_trim), '') AS f7_text,
    NULLIF(lower(f8_trim), '') AS f8_text,
    (f9_raw IS NULL OR f9_raw = '' OR (f9_trim = '' AND f9_lstrip <> f9_raw)) AS f9_blank,
    CASE WHEN regexp_matches(f10_lstrip, '^[0-9]{4}-[0-9]{2}-[0-9]{2}([T ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]+)?)?(Z|[+\-][0-9]{2}:?[0-9]{2})?)?[ \x{9}\x{A}\x{D}\x{A0}\x{C}\x{B}]*$') THEN (year(TRY_CAST(substr(f10_lstrip, 1, 10) AS DATE)) * 10000 + month(TRY_CAST(substr(f10_lstrip, 1, 10) AS DATE)) * 100 + day(TRY_CAST(substr(f10_lstrip, 1, 10) AS DATE))) WHEN regexp_matches(f10_lstrip, '^[0-9]{1,2}/[0-9]{1,2}/[0-9]{4}( [0-9]{1,2}:[0-9]{2}(:[0-9]{2})?( ?[AaPp][Mm])?)?[ \x{9}\x{A}\x{D}\x{A0}\x{C}\x{B}]*$') THEN (CASE WHEN TRY_CAST(split_part(f10_lstrip, '/', 1) AS INTEGER) BETWEEN 1 AND 12 AND TRY_CAST(split_part(f10_lstrip, '/', 2) AS INTEGER) BETWEEN 1 AND CASE WHEN TRY_CAST(split_part(f10_lstrip, '/', 1) AS INTEGER) = 2 THEN (CASE WHEN (((TRY_CAST(substr(split_part(f10_lstrip, '/', 3), 1, 4) AS INTEGER) % 4) = 0 AND (TRY_CAST(substr(split_part(f10_lstrip, '/', 3), 1, 4) AS INTEGER) % 100) <> 0) OR (TRY_CAST(substr(split_part(f10_lstrip, '/', 3), 1, 4) AS INTEGER) % 400) = 0) THEN 29 ELSE 28 END) WHEN TRY_CAST(split_part(f10_lstrip, '/', 1) AS INTEGER) IN (4, 6, 9, 11) THEN 30 ELSE 31 END THEN TRY_CAST(substr(split_part(f10_lstrip, '/', 3), 1, 4) AS INTEGER) * 10000 + TRY_CAST(split_part(f10_lstrip, '/', 1) AS INTEGER) * 100 + TRY_CAST(split_part(f10_lstrip, '/', 2) AS INTEGER) END) END AS f10_day
  FROM align_cells
), align_hits AS (
  SELECT lead_id,
    COALESCE(f0_num >= CAST(200 AS DOUBLE), FALSE) AS c0,
    (COALESCE(regexp_matches(f1_text, '\b(vp|director|head)\b', 'i'), FALSE) AND COALESCE(f2_text IN ('us', 'ca', 'gb'), FALSE)) AS c1,
    COALESCE(f3_bool = TRUE, FALSE) AS c2,
    ((CASE WHEN COALESCE(f4_num BETWEEN CAST(2 AS DOUBLE) AND CAST(50 AS DOUBLE), FALSE) THEN 1 ELSE 0 END + CASE WHEN COALESCE(f5_bool <> FALSE, FALSE) THEN 1 ELSE 0 END + CASE WHEN COALESCE(f6_day BETWEEN 20260827 AND 20261127, FALSE) THEN 1 ELSE 0 END) >= 2) AS c3,
    (NOT (COALESCE(contains(f1_text, 'student'), FALSE) OR COALESCE(ends_with(f7_text, '.edu'), FALSE))) AS c4,
    (COALESCE(starts_with(f8_text, 'o''brien; --'), FALSE) OR COALESCE(NOT contains(f8_text, 'back\slash'), FALSE) OR (((f2_num IS NOT NULL) OR (f2_day IS NOT NULL) OR (f2_text IS NOT NULL)) AND NOT (COALESCE(f2_num IN (CAST(5 AS DOUBLE)), FALSE) OR COALESCE(f2_day IN (20260101), FALSE) OR COALESCE(f2_text IN ('kp'), FALSE))) OR f9_blank OR (NOT f9_blank)) AS c5,
    (COALESCE(f10_day < 20260101, FALSE) OR COALESCE(f10_day > 20260630, FALSE) OR COALESCE(f10_day = 20261127, FALSE) OR FALSE OR COALESCE(f0_num <= CAST(10 AS DOUBLE), FALSE) OR COALESCE(f0_num > CAST(1000000 AS DOUBLE), FALSE)) AS c6,
    COALESCE(regexp_matches(f7_text, '@(rival|competitor)\.com$', 'i'), FALSE) AS c7
  FROM align_readings
), align_sums AS (
  SELECT lead_id, c0, c1, c2, c3, c4, c5, c6, c7,
    CAST(0 AS DOUBLE) + CASE WHEN c0 THEN CAST(15 AS DOUBLE) ELSE 0 END + CASE WHEN c1 THEN CAST('20.5' AS DOUBLE) ELSE 0 END + CASE WHEN c4 THEN CAST(-5 AS DOUBLE) ELSE 0 END + CASE WHEN c6 THEN CAST(2 AS DOUBLE) ELSE 0 END AS fit_sum,
    CAST(0 AS DOUBLE) + CASE WHEN c2 THEN CAST(40 AS DOUBLE) ELSE 0 END + CASE WHEN c3 THEN CAST('10.25' AS DOUBLE) ELSE 0 END + CASE WHEN c5 THEN CAST(1 AS DOUBLE) ELSE 0 END AS engagement_sum
  FROM align_hits
), align_rounded AS (
  SELECT lead_id, c0, c1, c2, c3, c4, c5, c6, c7, ((CASE WHEN ceil(((fit_sum) * CAST(1000000 AS DOUBLE))) - CAST('0.5' AS DOUBLE) > ((fit_sum) * CAST(1000000 AS DOUBLE)) THEN ceil(((fit_sum) * CAST(1000000 AS DOUBLE))) - CAST(1 AS DOUBLE) ELSE ceil(((fit_sum) * CAST(1000000 AS DOUBLE))) END) / CAST(1000000 AS DOUBLE)) AS fit_points, ((CASE WHEN ceil(((engagement_sum) * CAST(1000000 AS DOUBLE))) - CAST('0.5' AS DOUBLE) > ((engagement_sum) * CAST(1000000 AS DOUBLE)) THEN ceil(((engagement_sum) * CAST(1000000 AS DOUBLE))) - CAST(1 AS DOUBLE) ELSE ceil(((engagement_sum) * CAST(1000000 AS DOUBLE))) END) / CAST(1000000 AS DOUBLE)) AS engagement_points
  FROM align_sums
), align_capped AS (
  SELECT lead_id, c0, c1, c2, c3, c4, c5, c6, c7,
    CASE WHEN fit_points > CAST(60 AS DOUBLE) THEN CAST(60 AS DOUBLE) ELSE fit_points END AS fit,
    CASE WHEN engagement_points > CAST('80.5' AS DOUBLE) THEN CAST('80.5' AS DOUBLE) ELSE engagement_points END AS engagement
  FROM align_rounded
), align_totals AS (
  SELECT lead_id, c0, c1, c2, c3, c4, c5, c6, c7, fit, engagement, ((CASE WHEN ceil(((fit + engagement) * CAST(1000000 AS DOUBLE))) - CAST('0.5' AS DOUBLE) > ((fit + engagement) * CAST(1000000 AS DOUBLE)) THEN ceil(((fit + engagement) * CAST(1000000 AS DOUBLE))) - CAST(1 AS DOUBLE) ELSE ceil(((fit + engagement) * CAST(1000000 AS DOUBLE))) END) / CAST(1000000 AS DOUBLE)) AS score
  FROM align_capped
)
SELECT
  lead_id AS id, fit, engagement, score,
  CASE WHEN c7 THEN 'disqualified' WHEN score >= CAST('70.5' AS DOUBLE) AND fit >= CAST(30 AS DOUBLE) AND engagement >= CAST(10 AS DOUBLE) THEN 'sql' WHEN score >= CAST(40 AS DOUBLE) THEN 'mql' ELSE 'unqualified' END AS stage,
  flatten([CASE WHEN c0 THEN ['company-size'] ELSE [] END, CASE WHEN c1 THEN ['decision-maker'] ELSE [] END, CASE WHEN c2 THEN ['demo-request'] ELSE [] END, CASE WHEN c3 THEN ['signals'] ELSE [] END, CASE WHEN c4 THEN ['not-a-student'] ELSE [] END, CASE WHEN c5 THEN ['text-tests'] ELSE [] END, CASE WHEN c6 THEN ['dates'] ELSE [] END, CASE WHEN c7 THEN ['competitor'] ELSE [] END]) AS fired
FROM align_totals;
