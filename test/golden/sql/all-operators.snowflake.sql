-- Golden rubric (every operator) (all-operators.rubric.yaml), compiled by align for snowflake
-- scoring date (--as-of): 2026-11-27; locale: en; columns are read as text, as align rubric score reads a CSV
WITH align_leads AS (
  SELECT "lead id" AS lead_id,
    TO_VARCHAR("employees") AS f0_raw,
    TO_VARCHAR("Job Title") AS f1_raw,
    TO_VARCHAR("country") AS f2_raw,
    TO_VARCHAR("demo_requested") AS f3_raw,
    TO_VARCHAR("pricing_page_views") AS f4_raw,
    TO_VARCHAR("webinar attended?") AS f5_raw,
    TO_VARCHAR("last_activity") AS f6_raw,
    TO_VARCHAR("email") AS f7_raw,
    TO_VARCHAR("it's ""quoted""") AS f8_raw,
    TO_VARCHAR("notes") AS f9_raw,
    TO_VARCHAR("created") AS f10_raw
  FROM "CRM"."PUBLIC"."LEADS"
), align_cells AS (
  SELECT lead_id,
    f0_raw,
    replace(TRIM(f0_raw, ' \t\n\r\u00a0\f\u000b'), ',', '') AS f0_strip,
    (REGEXP_REPLACE(f0_raw, '[^0-9+.-]', '') || CASE WHEN (REGEXP_INSTR(f0_raw, '[0-9][kK]', 1, 1, 0, 'c') > 0) THEN 'e3' WHEN (REGEXP_INSTR(f0_raw, '[0-9][mM]', 1, 1, 0, 'c') > 0) THEN 'e6' WHEN (REGEXP_INSTR(f0_raw, '[0-9][bB]', 1, 1, 0, 'c') > 0) THEN 'e9' ELSE '' END) AS f0_canon,
    f1_raw,
    TRIM(f1_raw, '\t\n\u000b\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff') AS f1_trim,
    f2_raw,
    TRIM(f2_raw, '\t\n\u000b\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff') AS f2_trim,
    replace(TRIM(f2_raw, ' \t\n\r\u00a0\f\u000b'), ',', '') AS f2_strip,
    (REGEXP_REPLACE(f2_raw, '[^0-9+.-]', '') || CASE WHEN (REGEXP_INSTR(f2_raw, '[0-9][kK]', 1, 1, 0, 'c') > 0) THEN 'e3' WHEN (REGEXP_INSTR(f2_raw, '[0-9][mM]', 1, 1, 0, 'c') > 0) THEN 'e6' WHEN (REGEXP_INSTR(f2_raw, '[0-9][bB]', 1, 1, 0, 'c') > 0) THEN 'e9' ELSE '' END) AS f2_canon,
    LTRIM(f2_raw, ' \t\n\r\u00a0\f\u000b') AS f2_lstrip,
    f3_raw,
    TRIM(f3_raw, '\t\n\u000b\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff') AS f3_trim,
    f4_raw,
    replace(TRIM(f4_raw, ' \t\n\r\u00a0\f\u000b'), ',', '') AS f4_strip,
    (REGEXP_REPLACE(f4_raw, '[^0-9+.-]', '') || CASE WHEN (REGEXP_INSTR(f4_raw, '[0-9][kK]', 1, 1, 0, 'c') > 0) THEN 'e3' WHEN (REGEXP_INSTR(f4_raw, '[0-9][mM]', 1, 1, 0, 'c') > 0) THEN 'e6' WHEN (REGEXP_INSTR(f4_raw, '[0-9][bB]', 1, 1, 0, 'c') > 0) THEN 'e9' ELSE '' END) AS f4_canon,
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
    CASE WHEN (REGEXP_INSTR(f0_raw, '^[ \t\n\r\u00a0\f\u000b]*[+-]?([0-9]+(,[0-9]{3})*(\\.[0-9]*)?|\\.[0-9]+)([eE][+-]?[0-9]+)?[ \t\n\r\u00a0\f\u000b]*$', 1, 1, 0, 'c') > 0) THEN (CASE WHEN ABS(TRY_TO_DOUBLE(f0_strip)) = CAST('inf' AS DOUBLE) THEN NULL ELSE TRY_TO_DOUBLE(f0_strip) END) WHEN (REGEXP_INSTR(f0_raw, '^[ \t\n\r\u00a0\f\u000b]*(([+-]?([$€£¥]|USD|EUR|GBP|CHF|CAD|AUD|JPY)[ \t\n\r\u00a0\f\u000b]?|([$€£¥]|USD|EUR|GBP|CHF|CAD|AUD|JPY)[ \t\n\r\u00a0\f\u000b]?[+-])([0-9]+([,][0-9]{3})*(\\.[0-9]+)?|\\.[0-9]+)[kKmMbB]?|[+-]?([0-9]+([,][0-9]{3})*(\\.[0-9]+)?|\\.[0-9]+)[kKmMbB]?([ \t\n\r\u00a0\f\u000b]?([$€£¥]|USD|EUR|GBP|CHF|CAD|AUD|JPY))?|[+-]?([0-9]+([,][0-9]{3})*(\\.[0-9]+)?|\\.[0-9]+)[ \t\n\r\u00a0\f\u000b]?%)[ \t\n\r\u00a0\f\u000b]*$', 1, 1, 0, 'c') > 0) THEN (CASE WHEN ABS(TRY_TO_DOUBLE(f0_canon)) = CAST('inf' AS DOUBLE) THEN NULL ELSE TRY_TO_DOUBLE(f0_canon) END) END AS f0_num,
    NULLIF(lower(f1_trim), '') AS f1_text,
    CASE WHEN (REGEXP_INSTR(f2_lstrip, '^[0-9]{4}-[0-9]{2}-[0-9]{2}([T ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]+)?)?(Z|[+-][0-9]{2}:?[0-9]{2})?)?[ \t\n\r\u00a0\f\u000b]*$', 1, 1, 0, 'c') > 0) THEN (CASE WHEN TRY_TO_NUMBER(substr(f2_lstrip, 6, 2)) BETWEEN 1 AND 12 AND TRY_TO_NUMBER(substr(f2_lstrip, 9, 2)) BETWEEN 1 AND CASE WHEN TRY_TO_NUMBER(substr(f2_lstrip, 6, 2)) = 2 THEN (CASE WHEN ((MOD(TRY_TO_NUMBER(substr(f2_lstrip, 1, 4)), 4) = 0 AND MOD(TRY_TO_NUMBER(substr(f2_lstrip, 1, 4)), 100) <> 0) OR MOD(TRY_TO_NUMBER(substr(f2_lstrip, 1, 4)), 400) = 0) THEN 29 ELSE 28 END) WHEN TRY_TO_NUMBER(substr(f2_lstrip, 6, 2)) IN (4, 6, 9, 11) THEN 30 ELSE 31 END THEN TRY_TO_NUMBER(substr(f2_lstrip, 1, 4)) * 10000 + TRY_TO_NUMBER(substr(f2_lstrip, 6, 2)) * 100 + TRY_TO_NUMBER(substr(f2_lstrip, 9, 2)) END) WHEN (REGEXP_INSTR(f2_lstrip, '^[0-9]{1,2}/[0-9]{1,2}/[0-9]{4}( [0-9]{1,2}:[0-9]{2}(:[0-9]{2})?( ?[AaPp][Mm])?)?[ \t\n\r\u00a0\f\u000b]*$', 1, 1, 0, 'c') > 0) THEN (CASE WHEN TRY_TO_NUMBER(SPLIT_PART(f2_lstrip, '/', 1)) BETWEEN 1 AND 12 AND TRY_TO_NUMBER(SPLIT_PART(f2_lstrip, '/', 2)) BETWEEN 1 AND CASE WHEN TRY_TO_NUMBER(SPLIT_PART(f2_lstrip, '/', 1)) = 2 THEN (CASE WHEN ((MOD(TRY_TO_NUMBER(substr(SPLIT_PART(f2_lstrip, '/', 3), 1, 4)), 4) = 0 AND MOD(TRY_TO_NUMBER(substr(SPLIT_PART(f2_lstrip, '/', 3), 1, 4)), 100) <> 0) OR MOD(TRY_TO_NUMBER(substr(SPLIT_PART(f2_lstrip, '/', 3), 1, 4)), 400) = 0) THEN 29 ELSE 28 END) WHEN TRY_TO_NUMBER(SPLIT_PART(f2_lstrip, '/', 1)) IN (4, 6, 9, 11) THEN 30 ELSE 31 END THEN TRY_TO_NUMBER(substr(SPLIT_PART(f2_lstrip, '/', 3), 1, 4)) * 10000 + TRY_TO_NUMBER(SPLIT_PART(f2_lstrip, '/', 1)) * 100 + TRY_TO_NUMBER(SPLIT_PART(f2_lstrip, '/', 2)) END) END AS f2_day,
    CASE WHEN (REGEXP_INSTR(f2_raw, '^[ \t\n\r\u00a0\f\u000b]*[+-]?([0-9]+(,[0-9]{3})*(\\.[0-9]*)?|\\.[0-9]+)([eE][+-]?[0-9]+)?[ \t\n\r\u00a0\f\u000b]*$', 1, 1, 0, 'c') > 0) THEN (CASE WHEN ABS(TRY_TO_DOUBLE(f2_strip)) = CAST('inf' AS DOUBLE) THEN NULL ELSE TRY_TO_DOUBLE(f2_strip) END) WHEN (REGEXP_INSTR(f2_raw, '^[ \t\n\r\u00a0\f\u000b]*(([+-]?([$€£¥]|USD|EUR|GBP|CHF|CAD|AUD|JPY)[ \t\n\r\u00a0\f\u000b]?|([$€£¥]|USD|EUR|GBP|CHF|CAD|AUD|JPY)[ \t\n\r\u00a0\f\u000b]?[+-])([0-9]+([,][0-9]{3})*(\\.[0-9]+)?|\\.[0-9]+)[kKmMbB]?|[+-]?([0-9]+([,][0-9]{3})*(\\.[0-9]+)?|\\.[0-9]+)[kKmMbB]?([ \t\n\r\u00a0\f\u000b]?([$€£¥]|USD|EUR|GBP|CHF|CAD|AUD|JPY))?|[+-]?([0-9]+([,][0-9]{3})*(\\.[0-9]+)?|\\.[0-9]+)[ \t\n\r\u00a0\f\u000b]?%)[ \t\n\r\u00a0\f\u000b]*$', 1, 1, 0, 'c') > 0) THEN (CASE WHEN ABS(TRY_TO_DOUBLE(f2_canon)) = CAST('inf' AS DOUBLE) THEN NULL ELSE TRY_TO_DOUBLE(f2_canon) END) END AS f2_num,
    NULLIF(lower(f2_trim), '') AS f2_text,
    CASE WHEN lower(f3_trim) IN ('true', 'yes', '1') THEN TRUE WHEN lower(f3_trim) IN ('false', 'no', '0') THEN FALSE END AS f3_bool,
    CASE WHEN (REGEXP_INSTR(f4_raw, '^[ \t\n\r\u00a0\f\u000b]*[+-]?([0-9]+(,[0-9]{3})*(\\.[0-9]*)?|\\.[0-9]+)([eE][+-]?[0-9]+)?[ \t\n\r\u00a0\f\u000b]*$', 1, 1, 0, 'c') > 0) THEN (CASE WHEN ABS(TRY_TO_DOUBLE(f4_strip)) = CAST('inf' AS DOUBLE) THEN NULL ELSE TRY_TO_DOUBLE(f4_strip) END) WHEN (REGEXP_INSTR(f4_raw, '^[ \t\n\r\u00a0\f\u000b]*(([+-]?([$€£¥]|USD|EUR|GBP|CHF|CAD|AUD|JPY)[ \t\n\r\u00a0\f\u000b]?|([$€£¥]|USD|EUR|GBP|CHF|CAD|AUD|JPY)[ \t\n\r\u00a0\f\u000b]?[+-])([0-9]+([,][0-9]{3})*(\\.[0-9]+)?|\\.[0-9]+)[kKmMbB]?|[+-]?([0-9]+([,][0-9]{3})*(\\.[0-9]+)?|\\.[0-9]+)[kKmMbB]?([ \t\n\r\u00a0\f\u000b]?([$€£¥]|USD|EUR|GBP|CHF|CAD|AUD|JPY))?|[+-]?([0-9]+([,][0-9]{3})*(\\.[0-9]+)?|\\.[0-9]+)[ \t\n\r\u00a0\f\u000b]?%)[ \t\n\r\u00a0\f\u000b]*$', 1, 1, 0, 'c') > 0) THEN (CASE WHEN ABS(TRY_TO_DOUBLE(f4_canon)) = CAST('inf' AS DOUBLE) THEN NULL ELSE TRY_TO_DOUBLE(f4_canon) END) END AS f4_num,
    CASE WHEN lower(f5_trim) IN ('true', 'yes', '1') THEN TRUE WHEN lower(f5_trim) IN ('false', 'no', '0') THEN FALSE END AS f5_bool,
    CASE WHEN (REGEXP_INSTR(f6_lstrip, '^[0-9]{4}-[0-9]{2}-[0-9]{2}([T ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]+)?)?(Z|[+-][0-9]{2}:?[0-9]{2})?)?[ \t\n\r\u00a0\f\u000b]*$', 1, 1, 0, 'c') > 0) THEN (CASE WHEN TRY_TO_NUMBER(substr(f6_lstrip, 6, 2)) BETWEEN 1 AND 12 AND TRY_TO_NUMBER(substr(f6_lstrip, 9, 2)) BETWEEN 1 AND CASE WHEN TRY_TO_NUMBER(substr(f6_lstrip, 6, 2)) = 2 THEN (CASE WHEN ((MOD(TRY_TO_NUMBER(substr(f6_lstrip, 1, 4)), 4) = 0 AND MOD(TRY_TO_NUMBER(substr(f6_lstrip, 1, 4)), 100) <> 0) OR MOD(TRY_TO_NUMBER(substr(f6_lstrip, 1, 4)), 400) = 0) THEN 29 ELSE 28 END) WHEN TRY_TO_NUMBER(substr(f6_lstrip, 6, 2)) IN (4, 6, 9, 11) THEN 30 ELSE 31 END THEN TRY_TO_NUMBER(substr(f6_lstrip, 1, 4)) * 10000 + TRY_TO_NUMBER(substr(f6_lstrip, 6, 2)) * 100 + TRY_TO_NUMBER(substr(f6_lstrip, 9, 2)) END) WHEN (REGEXP_INSTR(f6_lstrip, '^[0-9]{1,2}/[0-9]{1,2}/[0-9]{4}( [0-9]{1,2}:[0-9]{2}(:[0-9]{2})?( ?[AaPp][Mm])?)?[ \t\n\r\u00a0\f\u000b]*$', 1, 1, 0, 'c') > 0) THEN (CASE WHEN TRY_TO_NUMBER(SPLIT_PART(f6_lstrip, '/', 1)) BETWEEN 1 AND 12 AND TRY_TO_NUMBER(SPLIT_PART(f6_lstrip, '/', 2)) BETWEEN 1 AND CASE WHEN TRY_TO_NUMBER(SPLIT_PART(f6_lstrip, '/', 1)) = 2 THEN (CASE WHEN ((MOD(TRY_TO_NUMBER(substr(SPLIT_PART(f6_lstrip, '/', 3), 1, 4)), 4) = 0 AND MOD(TRY_TO_NUMBER(substr(SPLIT_PART(f6_lstrip, '/', 3), 1, 4)), 100) <> 0) OR MOD(TRY_TO_NUMBER(substr(SPLIT_PART(f6_lstrip, '/', 3), 1, 4)), 400) = 0) THEN 29 ELSE 28 END) WHEN TRY_TO_NUMBER(SPLIT_PART(f6_lstrip, '/', 1)) IN (4, 6, 9, 11) THEN 30 ELSE 31 END THEN TRY_TO_NUMBER(substr(SPLIT_PART(f6_lstrip, '/', 3), 1, 4)) * 10000 + TRY_TO_NUMBER(SPLIT_PART(f6_lstrip, '/', 1)) * 100 + TRY_TO_NUMBER(SPLIT_PART(f6_lstrip, '/', 2)) END) END AS f6_day,
    NULLIF(lower(f7_trim), '') AS f7_text,
    NULLIF(lower(f8_trim), '') AS f8_text,
    (f9_raw IS NULL OR f9_raw = '' OR (f9_trim = '' AND f9_lstrip <> f9_raw)) AS f9_blank,
    CASE WHEN (REGEXP_INSTR(f10_lstrip, '^[0-9]{4}-[0-9]{2}-[0-9]{2}([T ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]+)?)?(Z|[+-][0-9]{2}:?[0-9]{2})?)?[ \t\n\r\u00a0\f\u000b]*$', 1, 1, 0, 'c') > 0) THEN (CASE WHEN TRY_TO_NUMBER(substr(f10_lstrip, 6, 2)) BETWEEN 1 AND 12 AND TRY_TO_NUMBER(substr(f10_lstrip, 9, 2)) BETWEEN 1 AND CASE WHEN TRY_TO_NUMBER(substr(f10_lstrip, 6, 2)) = 2 THEN (CASE WHEN ((MOD(TRY_TO_NUMBER(substr(f10_lstrip, 1, 4)), 4) = 0 AND MOD(TRY_TO_NUMBER(substr(f10_lstrip, 1, 4)), 100) <> 0) OR MOD(TRY_TO_NUMBER(substr(f10_lstrip, 1, 4)), 400) = 0) THEN 29 ELSE 28 END) WHEN TRY_TO_NUMBER(substr(f10_lstrip, 6, 2)) IN (4, 6, 9, 11) THEN 30 ELSE 31 END THEN TRY_TO_NUMBER(substr(f10_lstrip, 1, 4)) * 10000 + TRY_TO_NUMBER(substr(f10_lstrip, 6, 2)) * 100 + TRY_TO_NUMBER(substr(f10_lstrip, 9, 2)) END) WHEN (REGEXP_INSTR(f10_lstrip, '^[0-9]{1,2}/[0-9]{1,2}/[0-9]{4}( [0-9]{1,2}:[0-9]{2}(:[0-9]{2})?( ?[AaPp][Mm])?)?[ \t\n\r\u00a0\f\u000b]*$', 1, 1, 0, 'c') > 0) THEN (CASE WHEN TRY_TO_NUMBER(SPLIT_PART(f10_lstrip, '/', 1)) BETWEEN 1 AND 12 AND TRY_TO_NUMBER(SPLIT_PART(f10_lstrip, '/', 2)) BETWEEN 1 AND CASE WHEN TRY_TO_NUMBER(SPLIT_PART(f10_lstrip, '/', 1)) = 2 THEN (CASE WHEN ((MOD(TRY_TO_NUMBER(substr(SPLIT_PART(f10_lstrip, '/', 3), 1, 4)), 4) = 0 AND MOD(TRY_TO_NUMBER(substr(SPLIT_PART(f10_lstrip, '/', 3), 1, 4)), 100) <> 0) OR MOD(TRY_TO_NUMBER(substr(SPLIT_PART(f10_lstrip, '/', 3), 1, 4)), 400) = 0) THEN 29 ELSE 28 END) WHEN TRY_TO_NUMBER(SPLIT_PART(f10_lstrip, '/', 1)) IN (4, 6, 9, 11) THEN 30 ELSE 31 END THEN TRY_TO_NUMBER(substr(SPLIT_PART(f10_lstrip, '/', 3), 1, 4)) * 10000 + TRY_TO_NUMBER(SPLIT_PART(f10_lstrip, '/', 1)) * 100 + TRY_TO_NUMBER(SPLIT_PART(f10_lstrip, '/', 2)) END) END AS f10_day
  FROM align_cells
), align_hits AS (
  SELECT lead_id,
    COALESCE(f0_num >= CAST(200 AS DOUBLE), FALSE) AS c0,
    (COALESCE((REGEXP_INSTR(f1_text, '\\b(vp|director|head)\\b', 1, 1, 0, 'i') > 0), FALSE) AND COALESCE(f2_text IN ('us', 'ca', 'gb'), FALSE)) AS c1,
    COALESCE(f3_bool = TRUE, FALSE) AS c2,
    ((CASE WHEN COALESCE(f4_num BETWEEN CAST(2 AS DOUBLE) AND CAST(50 AS DOUBLE), FALSE) THEN 1 ELSE 0 END + CASE WHEN COALESCE(f5_bool <> FALSE, FALSE) THEN 1 ELSE 0 END + CASE WHEN COALESCE(f6_day BETWEEN 20260827 AND 20261127, FALSE) THEN 1 ELSE 0 END) >= 2) AS c3,
    (NOT (COALESCE(CONTAINS(f1_text, 'student'), FALSE) OR COALESCE(ENDSWITH(f7_text, '.edu'), FALSE))) AS c4,
    (COALESCE(STARTSWITH(f8_text, 'o\'brien; --'), FALSE) OR COALESCE(NOT CONTAINS(f8_text, 'back\\slash'), FALSE) OR (((f2_num IS NOT NULL) OR (f2_day IS NOT NULL) OR (f2_text IS NOT NULL)) AND NOT (COALESCE(f2_num IN (CAST(5 AS DOUBLE)), FALSE) OR COALESCE(f2_day IN (20260101), FALSE) OR COALESCE(f2_text IN ('kp'), FALSE))) OR f9_blank OR (NOT f9_blank)) AS c5,
    (COALESCE(f10_day < 20260101, FALSE) OR COALESCE(f10_day > 20260630, FALSE) OR COALESCE(f10_day = 20261127, FALSE) OR FALSE OR COALESCE(f0_num <= CAST(10 AS DOUBLE), FALSE) OR COALESCE(f0_num > CAST(1000000 AS DOUBLE), FALSE)) AS c6,
    COALESCE((REGEXP_INSTR(f7_text, '@(rival|competitor)\\.com$', 1, 1, 0, 'i') > 0), FALSE) AS c7
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
  ARRAY_CONSTRUCT_COMPACT(CASE WHEN c0 THEN 'company-size' END, CASE WHEN c1 THEN 'decision-maker' END, CASE WHEN c2 THEN 'demo-request' END, CASE WHEN c3 THEN 'signals' END, CASE WHEN c4 THEN 'not-a-student' END, CASE WHEN c5 THEN 'text-tests' END, CASE WHEN c6 THEN 'dates' END, CASE WHEN c7 THEN 'competitor' END) AS fired
FROM align_totals;
