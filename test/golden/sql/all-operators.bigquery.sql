-- Golden rubric (every operator) (all-operators.rubric.yaml), compiled by align for bigquery
-- scoring date (--as-of): 2026-11-27; locale: en; columns are read as text, as align rubric score reads a CSV
CREATE OR REPLACE VIEW `my-project`.`crm`.`lead_scores` AS
WITH align_leads AS (
  SELECT `lead id` AS lead_id,
    CAST(`employees` AS STRING) AS f0_raw,
    CAST(`Job Title` AS STRING) AS f1_raw,
    CAST(`country` AS STRING) AS f2_raw,
    CAST(`demo_requested` AS STRING) AS f3_raw,
    CAST(`pricing_page_views` AS STRING) AS f4_raw,
    CAST(`webinar attended?` AS STRING) AS f5_raw,
    CAST(`last_activity` AS STRING) AS f6_raw,
    CAST(`email` AS STRING) AS f7_raw,
    CAST(`it's "quoted"` AS STRING) AS f8_raw,
    CAST(`notes` AS STRING) AS f9_raw,
    CAST(`created` AS STRING) AS f10_raw
  FROM `my-project`.`crm`.`leads`
), align_cells AS (
  SELECT lead_id,
    f0_raw,
    replace(TRIM(f0_raw, ' \t\n\r\u00a0\f\u000b'), ',', '') AS f0_strip,
    (REGEXP_REPLACE(f0_raw, '[^0-9+.\\-]', '') || CASE WHEN REGEXP_CONTAINS(f0_raw, '[0-9][kK]') THEN 'e3' WHEN REGEXP_CONTAINS(f0_raw, '[0-9][mM]') THEN 'e6' WHEN REGEXP_CONTAINS(f0_raw, '[0-9][bB]') THEN 'e9' ELSE '' END) AS f0_canon,
    f1_raw,
    TRIM(f1_raw, '\t\n\u000b\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff') AS f1_trim,
    f2_raw,
    TRIM(f2_raw, '\t\n\u000b\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff') AS f2_trim,
    replace(TRIM(f2_raw, ' \t\n\r\u00a0\f\u000b'), ',', '') AS f2_strip,
    (REGEXP_REPLACE(f2_raw, '[^0-9+.\\-]', '') || CASE WHEN REGEXP_CONTAINS(f2_raw, '[0-9][kK]') THEN 'e3' WHEN REGEXP_CONTAINS(f2_raw, '[0-9][mM]') THEN 'e6' WHEN REGEXP_CONTAINS(f2_raw, '[0-9][bB]') THEN 'e9' ELSE '' END) AS f2_canon,
    LTRIM(f2_raw, ' \t\n\r\u00a0\f\u000b') AS f2_lstrip,
    f3_raw,
    TRIM(f3_raw, '\t\n\u000b\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff') AS f3_trim,
    f4_raw,
    replace(TRIM(f4_raw, ' \t\n\r\u00a0\f\u000b'), ',', '') AS f4_strip,
    (REGEXP_REPLACE(f4_raw, '[^0-9+.\\-]', '') || CASE WHEN REGEXP_CONTAINS(f4_raw, '[0-9][kK]') THEN 'e3' WHEN REGEXP_CONTAINS(f4_raw, '[0-9][mM]') THEN 'e6' WHEN REGEXP_CONTAINS(f4_raw, '[0-9][bB]') THEN 'e9' ELSE '' END) AS f4_canon,
    f5_raw,
    TRIM(f5_raw, '\t\n\u000b\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff') AS f5_trim,
    f6_raw,
    LTRIM(f6_raw, ' \t\n\r\u00a0\f\u000b') AS f6_lstrip,
    f7_raw,
    TRIM(f7_raw, '\t\n\u000b\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff') AS f7_trim,
    f8_raw,
    TRIM(f8_raw, '\t\n\u000b\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff') AS f8_trim,
    f9_raw,
    TRIM(f9_raw, '\t\n\u000b\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff') AS f9_trim,
    LTRIM(f9_raw, ' \t\n\r\u00a0\f\u000b') AS f9_lstrip,
    f10_raw,
    LTRIM(f10_raw, ' \t\n\r\u00a0\f\u000b') AS f10_lstrip
  FROM align_leads
), align_readings AS (
  SELECT lead_id,
    CASE WHEN REGEXP_CONTAINS(f0_raw, '^[ \\x{9}\\x{A}\\x{D}\\x{A0}\\x{C}\\x{B}]*[+\\-]?([0-9]+(,[0-9]{3})*(\\.[0-9]*)?|\\.[0-9]+)([eE][+\\-]?[0-9]+)?[ \\x{9}\\x{A}\\x{D}\\x{A0}\\x{C}\\x{B}]*$') THEN (CASE WHEN IS_INF(SAFE_CAST(f0_strip AS FLOAT64)) THEN NULL ELSE SAFE_CAST(f0_strip AS FLOAT64) END) WHEN REGEXP_CONTAINS(f0_raw, '^[ \\x{9}\\x{A}\\x{D}\\x{A0}\\x{C}\\x{B}]*(([+\\-]?([$\\x{20AC}\\x{A3}\\x{A5}]|USD|EUR|GBP|CHF|CAD|AUD|JPY)[ \\x{9}\\x{A}\\x{D}\\x{A0}\\x{C}\\x{B}]?|([$\\x{20AC}\\x{A3}\\x{A5}]|USD|EUR|GBP|CHF|CAD|AUD|JPY)[ \\x{9}\\x{A}\\x{D}\\x{A0}\\x{C}\\x{B}]?[+\\-])([0-9]+([,][0-9]{3})*(\\.[0-9]+)?|\\.[0-9]+)[kKmMbB]?|[+\\-]?([0-9]+([,][0-9]{3})*(\\.[0-9]+)?|\\.[0-9]+)[kKmMbB]?([ \\x{9}\\x{A}\\x{D}\\x{A0}\\x{C}\\x{B}]?([$\\x{20AC}\\x{A3}\\x{A5}]|USD|EUR|GBP|CHF|CAD|AUD|JPY))?|[+\\-]?([0-9]+([,][0-9]{3})*(\\.[0-9]+)?|\\.[0-9]+)[ \\x{9}\\x{A}\\x{D}\\x{A0}\\x{C}\\x{B}]?%)[ \\x{9}\\x{A}\\x{D}\\x{A0}\\x{C}\\x{B}]*$') THEN (CASE WHEN IS_INF(SAFE_CAST(f0_canon AS FLOAT64)) THEN NULL ELSE SAFE_CAST(f0_canon AS FLOAT64) END) END AS f0_num,
    NULLIF(lower(f1_trim), '') AS f1_text,
    CASE WHEN REGEXP_CONTAINS(f2_lstrip, '^[0-9]{4}-[0-9]{2}-[0-9]{2}([T ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]+)?)?(Z|[+\\-][0-9]{2}:?[0-9]{2})?)?[ \\x{9}\\x{A}\\x{D}\\x{A0}\\x{C}\\x{B}]*$') THEN (CASE WHEN SAFE_CAST(substr(f2_lstrip, 6, 2) AS INT64) BETWEEN 1 AND 12 AND SAFE_CAST(substr(f2_lstrip, 9, 2) AS INT64) BETWEEN 1 AND CASE WHEN SAFE_CAST(substr(f2_lstrip, 6, 2) AS INT64) = 2 THEN (CASE WHEN ((MOD(SAFE_CAST(substr(f2_lstrip, 1, 4) AS INT64), 4) = 0 AND MOD(SAFE_CAST(substr(f2_lstrip, 1, 4) AS INT64), 100) <> 0) OR MOD(SAFE_CAST(substr(f2_lstrip, 1, 4) AS INT64), 400) = 0) THEN 29 ELSE 28 END) WHEN SAFE_CAST(substr(f2_lstrip, 6, 2) AS INT64) IN (4, 6, 9, 11) THEN 30 ELSE 31 END THEN SAFE_CAST(substr(f2_lstrip, 1, 4) AS INT64) * 10000 + SAFE_CAST(substr(f2_lstrip, 6, 2) AS INT64) * 100 + SAFE_CAST(substr(f2_lstrip, 9, 2) AS INT64) END) WHEN REGEXP_CONTAINS(f2_lstrip, '^[0-9]{1,2}/[0-9]{1,2}/[0-9]{4}( [0-9]{1,2}:[0-9]{2}(:[0-9]{2})?( ?[AaPp][Mm])?)?[ \\x{9}\\x{A}\\x{D}\\x{A0}\\x{C}\\x{B}]*$') THEN (CASE WHEN SAFE_CAST(COALESCE(SPLIT(f2_lstrip, '/')[SAFE_OFFSET(0)], '') AS INT64) BETWEEN 1 AND 12 AND SAFE_CAST(COALESCE(SPLIT(f2_lstrip, '/')[SAFE_OFFSET(1)], '') AS INT64) BETWEEN 1 AND CASE WHEN SAFE_CAST(COALESCE(SPLIT(f2_lstrip, '/')[SAFE_OFFSET(0)], '') AS INT64) = 2 THEN (CASE WHEN ((MOD(SAFE_CAST(substr(COALESCE(SPLIT(f2_lstrip, '/')[SAFE_OFFSET(2)], ''), 1, 4) AS INT64), 4) = 0 AND MOD(SAFE_CAST(substr(COALESCE(SPLIT(f2_lstrip, '/')[SAFE_OFFSET(2)], ''), 1, 4) AS INT64), 100) <> 0) OR MOD(SAFE_CAST(substr(COALESCE(SPLIT(f2_lstrip, '/')[SAFE_OFFSET(2)], ''), 1, 4) AS INT64), 400) = 0) THEN 29 ELSE 28 END) WHEN SAFE_CAST(COALESCE(SPLIT(f2_lstrip, '/')[SAFE_OFFSET(0)], '') AS INT64) IN (4, 6, 9, 11) THEN 30 ELSE 31 END THEN SAFE_CAST(substr(COALESCE(SPLIT(f2_lstrip, '/')[SAFE_OFFSET(2)], ''), 1, 4) AS INT64) * 10000 + SAFE_CAST(COALESCE(SPLIT(f2_lstrip, '/')[SAFE_OFFSET(0)], '') AS INT64) * 100 + SAFE_CAST(COALESCE(SPLIT(f2_lstrip, '/')[SAFE_OFFSET(1)], '') AS INT64) END) END AS f2_day,
    CASE WHEN REGEXP_CONTAINS(f2_raw, '^[ \\x{9}\\x{A}\\x{D}\\x{A0}\\x{C}\\x{B}]*[+\\-]?([0-9]+(,[0-9]{3})*(\\.[0-9]*)?|\\.[0-9]+)([eE][+\\-]?[0-9]+)?[ \\x{9}\\x{A}\\x{D}\\x{A0}\\x{C}\\x{B}]*$') THEN (CASE WHEN IS_INF(SAFE_CAST(f2_strip AS FLOAT64)) THEN NULL ELSE SAFE_CAST(f2_strip AS FLOAT64) END) WHEN REGEXP_CONTAINS(f2_raw, '^[ \\x{9}\\x{A}\\x{D}\\x{A0}\\x{C}\\x{B}]*(([+\\-]?([$\\x{20AC}\\x{A3}\\x{A5}]|USD|EUR|GBP|CHF|CAD|AUD|JPY)[ \\x{9}\\x{A}\\x{D}\\x{A0}\\x{C}\\x{B}]?|([$\\x{20AC}\\x{A3}\\x{A5}]|USD|EUR|GBP|CHF|CAD|AUD|JPY)[ \\x{9}\\x{A}\\x{D}\\x{A0}\\x{C}\\x{B}]?[+\\-])([0-9]+([,][0-9]{3})*(\\.[0-9]+)?|\\.[0-9]+)[kKmMbB]?|[+\\-]?([0-9]+([,][0-9]{3})*(\\.[0-9]+)?|\\.[0-9]+)[kKmMbB]?([ \\x{9}\\x{A}\\x{D}\\x{A0}\\x{C}\\x{B}]?([$\\x{20AC}\\x{A3}\\x{A5}]|USD|EUR|GBP|CHF|CAD|AUD|JPY))?|[+\\-]?([0-9]+([,][0-9]{3})*(\\.[0-9]+)?|\\.[0-9]+)[ \\x{9}\\x{A}\\x{D}\\x{A0}\\x{C}\\x{B}]?%)[ \\x{9}\\x{A}\\x{D}\\x{A0}\\x{C}\\x{B}]*$') THEN (CASE WHEN IS_INF(SAFE_CAST(f2_canon AS FLOAT64)) THEN NULL ELSE SAFE_CAST(f2_canon AS FLOAT64) END) END AS f2_num,
    NULLIF(lower(f2_trim), '') AS f2_text,
    CASE WHEN lower(f3_trim) IN ('true', 'yes', '1') THEN TRUE WHEN lower(f3_trim) IN ('false', 'no', '0') THEN FALSE END AS f3_bool,
    CASE WHEN REGEXP_CONTAINS(f4_raw, '^[ \\x{9}\\x{A}\\x{D}\\x{A0}\\x{C}\\x{B}]*[+\\-]?([0-9]+(,[0-9]{3})*(\\.[0-9]*)?|\\.[0-9]+)([eE][+\\-]?[0-9]+)?[ \\x{9}\\x{A}\\x{D}\\x{A0}\\x{C}\\x{B}]*$') THEN (CASE WHEN IS_INF(SAFE_CAST(f4_strip AS FLOAT64)) THEN NULL ELSE SAFE_CAST(f4_strip AS FLOAT64) END) WHEN REGEXP_CONTAINS(f4_raw, '^[ \\x{9}\\x{A}\\x{D}\\x{A0}\\x{C}\\x{B}]*(([+\\-]?([$\\x{20AC}\\x{A3}\\x{A5}]|USD|EUR|GBP|CHF|CAD|AUD|JPY)[ \\x{9}\\x{A}\\x{D}\\x{A0}\\x{C}\\x{B}]?|([$\\x{20AC}\\x{A3}\\x{A5}]|USD|EUR|GBP|CHF|CAD|AUD|JPY)[ \\x{9}\\x{A}\\x{D}\\x{A0}\\x{C}\\x{B}]?[+\\-])([0-9]+([,][0-9]{3})*(\\.[0-9]+)?|\\.[0-9]+)[kKmMbB]?|[+\\-]?([0-9]+([,][0-9]{3})*(\\.[0-9]+)?|\\.[0-9]+)[kKmMbB]?([ \\x{9}\\x{A}\\x{D}\\x{A0}\\x{C}\\x{B}]?([$\\x{20AC}\\x{A3}\\x{A5}]|USD|EUR|GBP|CHF|CAD|AUD|JPY))?|[+\\-]?([0-9]+([,][0-9]{3})*(\\.[0-9]+)?|\\.[0-9]+)[ \\x{9}\\x{A}\\x{D}\\x{A0}\\x{C}\\x{B}]?%)[ \\x{9}\\x{A}\\x{D}\\x{A0}\\x{C}\\x{B}]*$') THEN (CASE WHEN IS_INF(SAFE_CAST(f4_canon AS FLOAT64)) THEN NULL ELSE SAFE_CAST(f4_canon AS FLOAT64) END) END AS f4_num,
    CASE WHEN lower(f5_trim) IN ('true', 'yes', '1') THEN TRUE WHEN lower(f5_trim) IN ('false', 'no', '0') THEN FALSE END AS f5_bool,
    CASE WHEN REGEXP_CONTAINS(f6_lstrip, '^[0-9]{4}-[0-9]{2}-[0-9]{2}([T ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]+)?)?(Z|[+\\-][0-9]{2}:?[0-9]{2})?)?[ \\x{9}\\x{A}\\x{D}\\x{A0}\\x{C}\\x{B}]*$') THEN (CASE WHEN SAFE_CAST(substr(f6_lstrip, 6, 2) AS INT64) BETWEEN 1 AND 12 AND SAFE_CAST(substr(f6_lstrip, 9, 2) AS INT64) BETWEEN 1 AND CASE WHEN SAFE_CAST(substr(f6_lstrip, 6, 2) AS INT64) = 2 THEN (CASE WHEN ((MOD(SAFE_CAST(substr(f6_lstrip, 1, 4) AS INT64), 4) = 0 AND MOD(SAFE_CAST(substr(f6_lstrip, 1, 4) AS INT64), 100) <> 0) OR MOD(SAFE_CAST(substr(f6_lstrip, 1, 4) AS INT64), 400) = 0) THEN 29 ELSE 28 END) WHEN SAFE_CAST(substr(f6_lstrip, 6, 2) AS INT64) IN (4, 6, 9, 11) THEN 30 ELSE 31 END THEN SAFE_CAST(substr(f6_lstrip, 1, 4) AS INT64) * 10000 + SAFE_CAST(substr(f6_lstrip, 6, 2) AS INT64) * 100 + SAFE_CAST(substr(f6_lstrip, 9, 2) AS INT64) END) WHEN REGEXP_CONTAINS(f6_lstrip, '^[0-9]{1,2}/[0-9]{1,2}/[0-9]{4}( [0-9]{1,2}:[0-9]{2}(:[0-9]{2})?( ?[AaPp][Mm])?)?[ \\x{9}\\x{A}\\x{D}\\x{A0}\\x{C}\\x{B}]*$') THEN (CASE WHEN SAFE_CAST(COALESCE(SPLIT(f6_lstrip, '/')[SAFE_OFFSET(0)], '') AS INT64) BETWEEN 1 AND 12 AND SAFE_CAST(COALESCE(SPLIT(f6_lstrip, '/')[SAFE_OFFSET(1)], '') AS INT64) BETWEEN 1 AND CASE WHEN SAFE_CAST(COALESCE(SPLIT(f6_lstrip, '/')[SAFE_OFFSET(0)], '') AS INT64) = 2 THEN (CASE WHEN ((MOD(SAFE_CAST(substr(COALESCE(SPLIT(f6_lstrip, '/')[SAFE_OFFSET(2)], ''), 1, 4) AS INT64), 4) = 0 AND MOD(SAFE_CAST(substr(COALESCE(SPLIT(f6_lstrip, '/')[SAFE_OFFSET(2)], ''), 1, 4) AS INT64), 100) <> 0) OR MOD(SAFE_CAST(substr(COALESCE(SPLIT(f6_lstrip, '/')[SAFE_OFFSET(2)], ''), 1, 4) AS INT64), 400) = 0) THEN 29 ELSE 28 END) WHEN SAFE_CAST(COALESCE(SPLIT(f6_lstrip, '/')[SAFE_OFFSET(0)], '') AS INT64) IN (4, 6, 9, 11) THEN 30 ELSE 31 END THEN SAFE_CAST(substr(COALESCE(SPLIT(f6_lstrip, '/')[SAFE_OFFSET(2)], ''), 1, 4) AS INT64) * 10000 + SAFE_CAST(COALESCE(SPLIT(f6_lstrip, '/')[SAFE_OFFSET(0)], '') AS INT64) * 100 + SAFE_CAST(COALESCE(SPLIT(f6_lstrip, '/')[SAFE_OFFSET(1)], '') AS INT64) END) END AS f6_day,
    NULLIF(lower(f7_trim), '') AS f7_text,
    NULLIF(lower(f8_trim), '') AS f8_text,
    (f9_raw IS NULL OR f9_raw = '' OR (f9_trim = '' AND f9_lstrip <> f9_raw)) AS f9_blank,
    CASE WHEN REGEXP_CONTAINS(f10_lstrip, '^[0-9]{4}-[0-9]{2}-[0-9]{2}([T ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]+)?)?(Z|[+\\-][0-9]{2}:?[0-9]{2})?)?[ \\x{9}\\x{A}\\x{D}\\x{A0}\\x{C}\\x{B}]*$') THEN (CASE WHEN SAFE_CAST(substr(f10_lstrip, 6, 2) AS INT64) BETWEEN 1 AND 12 AND SAFE_CAST(substr(f10_lstrip, 9, 2) AS INT64) BETWEEN 1 AND CASE WHEN SAFE_CAST(substr(f10_lstrip, 6, 2) AS INT64) = 2 THEN (CASE WHEN ((MOD(SAFE_CAST(substr(f10_lstrip, 1, 4) AS INT64), 4) = 0 AND MOD(SAFE_CAST(substr(f10_lstrip, 1, 4) AS INT64), 100) <> 0) OR MOD(SAFE_CAST(substr(f10_lstrip, 1, 4) AS INT64), 400) = 0) THEN 29 ELSE 28 END) WHEN SAFE_CAST(substr(f10_lstrip, 6, 2) AS INT64) IN (4, 6, 9, 11) THEN 30 ELSE 31 END THEN SAFE_CAST(substr(f10_lstrip, 1, 4) AS INT64) * 10000 + SAFE_CAST(substr(f10_lstrip, 6, 2) AS INT64) * 100 + SAFE_CAST(substr(f10_lstrip, 9, 2) AS INT64) END) WHEN REGEXP_CONTAINS(f10_lstrip, '^[0-9]{1,2}/[0-9]{1,2}/[0-9]{4}( [0-9]{1,2}:[0-9]{2}(:[0-9]{2})?( ?[AaPp][Mm])?)?[ \\x{9}\\x{A}\\x{D}\\x{A0}\\x{C}\\x{B}]*$') THEN (CASE WHEN SAFE_CAST(COALESCE(SPLIT(f10_lstrip, '/')[SAFE_OFFSET(0)], '') AS INT64) BETWEEN 1 AND 12 AND SAFE_CAST(COALESCE(SPLIT(f10_lstrip, '/')[SAFE_OFFSET(1)], '') AS INT64) BETWEEN 1 AND CASE WHEN SAFE_CAST(COALESCE(SPLIT(f10_lstrip, '/')[SAFE_OFFSET(0)], '') AS INT64) = 2 THEN (CASE WHEN ((MOD(SAFE_CAST(substr(COALESCE(SPLIT(f10_lstrip, '/')[SAFE_OFFSET(2)], ''), 1, 4) AS INT64), 4) = 0 AND MOD(SAFE_CAST(substr(COALESCE(SPLIT(f10_lstrip, '/')[SAFE_OFFSET(2)], ''), 1, 4) AS INT64), 100) <> 0) OR MOD(SAFE_CAST(substr(COALESCE(SPLIT(f10_lstrip, '/')[SAFE_OFFSET(2)], ''), 1, 4) AS INT64), 400) = 0) THEN 29 ELSE 28 END) WHEN SAFE_CAST(COALESCE(SPLIT(f10_lstrip, '/')[SAFE_OFFSET(0)], '') AS INT64) IN (4, 6, 9, 11) THEN 30 ELSE 31 END THEN SAFE_CAST(substr(COALESCE(SPLIT(f10_lstrip, '/')[SAFE_OFFSET(2)], ''), 1, 4) AS INT64) * 10000 + SAFE_CAST(COALESCE(SPLIT(f10_lstrip, '/')[SAFE_OFFSET(0)], '') AS INT64) * 100 + SAFE_CAST(COALESCE(SPLIT(f10_lstrip, '/')[SAFE_OFFSET(1)], '') AS INT64) END) END AS f10_day
  FROM align_cells
), align_hits AS (
  SELECT lead_id,
    COALESCE(f0_num >= CAST(200 AS FLOAT64), FALSE) AS c0,
    (COALESCE(REGEXP_CONTAINS(f1_text, '(?i)\\b(vp|director|head)\\b'), FALSE) AND COALESCE(f2_text IN ('us', 'ca', 'gb'), FALSE)) AS c1,
    COALESCE(f3_bool = TRUE, FALSE) AS c2,
    ((CASE WHEN COALESCE(f4_num BETWEEN CAST(2 AS FLOAT64) AND CAST(50 AS FLOAT64), FALSE) THEN 1 ELSE 0 END + CASE WHEN COALESCE(f5_bool <> FALSE, FALSE) THEN 1 ELSE 0 END + CASE WHEN COALESCE(f6_day BETWEEN 20260827 AND 20261127, FALSE) THEN 1 ELSE 0 END) >= 2) AS c3,
    (NOT (COALESCE((STRPOS(f1_text, 'student') > 0), FALSE) OR COALESCE(ENDS_WITH(f7_text, '.edu'), FALSE))) AS c4,
    (COALESCE(STARTS_WITH(f8_text, 'o\'brien; --'), FALSE) OR COALESCE(NOT (STRPOS(f8_text, 'back\\slash') > 0), FALSE) OR (((f2_num IS NOT NULL) OR (f2_day IS NOT NULL) OR (f2_text IS NOT NULL)) AND NOT (COALESCE(f2_num IN (CAST(5 AS FLOAT64)), FALSE) OR COALESCE(f2_day IN (20260101), FALSE) OR COALESCE(f2_text IN ('kp'), FALSE))) OR f9_blank OR (NOT f9_blank)) AS c5,
    (COALESCE(f10_day < 20260101, FALSE) OR COALESCE(f10_day > 20260630, FALSE) OR COALESCE(f10_day = 20261127, FALSE) OR FALSE OR COALESCE(f0_num <= CAST(10 AS FLOAT64), FALSE) OR COALESCE(f0_num > CAST(1000000 AS FLOAT64), FALSE)) AS c6,
    COALESCE(REGEXP_CONTAINS(f7_text, '(?i)@(rival|competitor)\\.com$'), FALSE) AS c7
  FROM align_readings
), align_sums AS (
  SELECT lead_id, c0, c1, c2, c3, c4, c5, c6, c7,
    CAST(0 AS FLOAT64) + CASE WHEN c0 THEN CAST(15 AS FLOAT64) ELSE 0 END + CASE WHEN c1 THEN CAST('20.5' AS FLOAT64) ELSE 0 END + CASE WHEN c4 THEN CAST(-5 AS FLOAT64) ELSE 0 END + CASE WHEN c6 THEN CAST(2 AS FLOAT64) ELSE 0 END AS fit_sum,
    CAST(0 AS FLOAT64) + CASE WHEN c2 THEN CAST(40 AS FLOAT64) ELSE 0 END + CASE WHEN c3 THEN CAST('10.25' AS FLOAT64) ELSE 0 END + CASE WHEN c5 THEN CAST(1 AS FLOAT64) ELSE 0 END AS engagement_sum
  FROM align_hits
), align_rounded AS (
  SELECT lead_id, c0, c1, c2, c3, c4, c5, c6, c7, ((CASE WHEN ceil(((fit_sum) * CAST(1000000 AS FLOAT64))) - CAST('0.5' AS FLOAT64) > ((fit_sum) * CAST(1000000 AS FLOAT64)) THEN ceil(((fit_sum) * CAST(1000000 AS FLOAT64))) - CAST(1 AS FLOAT64) ELSE ceil(((fit_sum) * CAST(1000000 AS FLOAT64))) END) / CAST(1000000 AS FLOAT64)) AS fit_points, ((CASE WHEN ceil(((engagement_sum) * CAST(1000000 AS FLOAT64))) - CAST('0.5' AS FLOAT64) > ((engagement_sum) * CAST(1000000 AS FLOAT64)) THEN ceil(((engagement_sum) * CAST(1000000 AS FLOAT64))) - CAST(1 AS FLOAT64) ELSE ceil(((engagement_sum) * CAST(1000000 AS FLOAT64))) END) / CAST(1000000 AS FLOAT64)) AS engagement_points
  FROM align_sums
), align_capped AS (
  SELECT lead_id, c0, c1, c2, c3, c4, c5, c6, c7,
    CASE WHEN fit_points > CAST(60 AS FLOAT64) THEN CAST(60 AS FLOAT64) ELSE fit_points END AS fit,
    CASE WHEN engagement_points > CAST('80.5' AS FLOAT64) THEN CAST('80.5' AS FLOAT64) ELSE engagement_points END AS engagement
  FROM align_rounded
), align_totals AS (
  SELECT lead_id, c0, c1, c2, c3, c4, c5, c6, c7, fit, engagement, ((CASE WHEN ceil(((fit + engagement) * CAST(1000000 AS FLOAT64))) - CAST('0.5' AS FLOAT64) > ((fit + engagement) * CAST(1000000 AS FLOAT64)) THEN ceil(((fit + engagement) * CAST(1000000 AS FLOAT64))) - CAST(1 AS FLOAT64) ELSE ceil(((fit + engagement) * CAST(1000000 AS FLOAT64))) END) / CAST(1000000 AS FLOAT64)) AS score
  FROM align_capped
)
SELECT
  lead_id AS id, fit, engagement, score,
  CASE WHEN c7 THEN 'disqualified' WHEN score >= CAST('70.5' AS FLOAT64) AND fit >= CAST(30 AS FLOAT64) AND engagement >= CAST(10 AS FLOAT64) THEN 'sql' WHEN score >= CAST(40 AS FLOAT64) THEN 'mql' ELSE 'unqualified' END AS stage,
  ARRAY_CONCAT(IF(c0, ['company-size'], ARRAY<STRING>[]), IF(c1, ['decision-maker'], ARRAY<STRING>[]), IF(c2, ['demo-request'], ARRAY<STRING>[]), IF(c3, ['signals'], ARRAY<STRING>[]), IF(c4, ['not-a-student'], ARRAY<STRING>[]), IF(c5, ['text-tests'], ARRAY<STRING>[]), IF(c6, ['dates'], ARRAY<STRING>[]), IF(c7, ['competitor'], ARRAY<STRING>[])) AS fired
FROM align_totals;
