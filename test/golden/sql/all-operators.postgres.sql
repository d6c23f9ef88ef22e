-- Golden rubric (every operator) (all-operators.rubric.yaml), compiled by align for postgres
-- scoring date (--as-of): 2026-11-27; columns are read as text, as align rubric score reads a CSV
WITH align_constants AS (
  SELECT CAST('179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330286416692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904174497792' AS NUMERIC) AS js_overflow, CAST('0.0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000024703282292062327208828439643411068618252990130716238221279284125033775363510437593264991818081799618989828234772285886546332835517796989819938739800539093906315035659515570226392290858392449105184435931802849936536152500319370457678249219365623669863658480757001585769269903706311928279558551332927834338409351978015531246597263579574622766465272827220056374006485499977096599470454020828166226237857393450736339007967761930577506740176324673600968951340535537458516661134223766678604162159680461914467291840300530057530849048765391711386591646239524912623653881879636239373280423891018672348497668235089863388587925628302755995657524455507255189313690836254779186948667994968324049705821028513185451396213837722826145437693412532098591327667236328125' AS NUMERIC) AS js_underflow
), align_leads AS (
  SELECT "lead id" AS lead_id,
    CAST("employees" AS TEXT) AS f0_raw,
    CAST("Job Title" AS TEXT) AS f1_raw,
    CAST("country" AS TEXT) AS f2_raw,
    CAST("demo_requested" AS TEXT) AS f3_raw,
    CAST("pricing_page_views" AS TEXT) AS f4_raw,
    CAST("webinar attended?" AS TEXT) AS f5_raw,
    CAST("last_activity" AS TEXT) AS f6_raw,
    CAST("email" AS TEXT) AS f7_raw,
    CAST("it's ""quoted""" AS TEXT) AS f8_raw,
    CAST("notes" AS TEXT) AS f9_raw,
    CAST("created" AS TEXT) AS f10_raw
  FROM "crm"."leads"
), align_cells AS (
  SELECT lead_id,
    f0_raw,
    replace(btrim(f0_raw, E' \t\n\r\u00a0\f\u000b'), ',', '') AS f0_strip,
    f1_raw,
    btrim(f1_raw, E'\t\n\u000b\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff') AS f1_trim,
    f2_raw,
    btrim(f2_raw, E'\t\n\u000b\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff') AS f2_trim,
    replace(btrim(f2_raw, E' \t\n\r\u00a0\f\u000b'), ',', '') AS f2_strip,
    ltrim(f2_raw, E' \t\n\r\u00a0\f\u000b') AS f2_lstrip,
    f3_raw,
    btrim(f3_raw, E'\t\n\u000b\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff') AS f3_trim,
    f4_raw,
    replace(btrim(f4_raw, E' \t\n\r\u00a0\f\u000b'), ',', '') AS f4_strip,
    f5_raw,
    btrim(f5_raw, E'\t\n\u000b\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff') AS f5_trim,
    f6_raw,
    ltrim(f6_raw, E' \t\n\r\u00a0\f\u000b') AS f6_lstrip,
    f7_raw,
    btrim(f7_raw, E'\t\n\u000b\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff') AS f7_trim,
    f8_raw,
    btrim(f8_raw, E'\t\n\u000b\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff') AS f8_trim,
    f9_raw,
    btrim(f9_raw, E'\t\n\u000b\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff') AS f9_trim,
    ltrim(f9_raw, E' \t\n\r\u00a0\f\u000b') AS f9_lstrip,
    f10_raw,
    ltrim(f10_raw, E' \t\n\r\u00a0\f\u000b') AS f10_lstrip
  FROM align_leads
), align_readings AS (
  SELECT lead_id,
    CASE WHEN (f0_raw ~ E'^[ \\u0009\\u000A\\u000D\\u00A0\\u000C\\u000B]*[+\\-]?([0-9]+(,[0-9]{3})*(\\.[0-9]*)?|\\.[0-9]+)([eE][+\\-]?[0-9]+)?[ \\u0009\\u000A\\u000D\\u00A0\\u000C\\u000B]*$') THEN CASE WHEN f0_strip !~ '[eE]' OR f0_strip ~ '[eE][+-]?0*[0-9]{1,3}$' THEN (CASE WHEN abs(CAST(f0_strip AS NUMERIC)) >= js_overflow THEN NULL WHEN abs(CAST(f0_strip AS NUMERIC)) <= js_underflow THEN CAST(0 AS DOUBLE PRECISION) ELSE CAST(CAST(f0_strip AS NUMERIC) AS DOUBLE PRECISION) END) WHEN f0_strip ~ '^[+-]?[0.]*[eE]' OR f0_strip ~ '[eE]-' THEN CAST(0 AS DOUBLE PRECISION) END END AS f0_num,
    NULLIF(lower(f1_trim), '') AS f1_text,
    CASE WHEN (f2_lstrip ~ E'^[0-9]{4}-[0-9]{2}-[0-9]{2}([T ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]+)?)?(Z|[+\\-][0-9]{2}:?[0-9]{2})?)?[ \\u0009\\u000A\\u000D\\u00A0\\u000C\\u000B]*$') THEN (CASE WHEN CAST(substr(f2_lstrip, 6, 2) AS INTEGER) BETWEEN 1 AND 12 AND CAST(substr(f2_lstrip, 9, 2) AS INTEGER) BETWEEN 1 AND CASE WHEN CAST(substr(f2_lstrip, 6, 2) AS INTEGER) = 2 THEN (CASE WHEN ((mod(CAST(substr(f2_lstrip, 1, 4) AS INTEGER), 4) = 0 AND mod(CAST(substr(f2_lstrip, 1, 4) AS INTEGER), 100) <> 0) OR mod(CAST(substr(f2_lstrip, 1, 4) AS INTEGER), 400) = 0) THEN 29 ELSE 28 END) WHEN CAST(substr(f2_lstrip, 6, 2) AS INTEGER) IN (4, 6, 9, 11) THEN 30 ELSE 31 END THEN CAST(substr(f2_lstrip, 1, 4) AS INTEGER) * 10000 + CAST(substr(f2_lstrip, 6, 2) AS INTEGER) * 100 + CAST(substr(f2_lstrip, 9, 2) AS INTEGER) END) END AS f2_day,
    CASE WHEN (f2_raw ~ E'^[ \\u0009\\u000A\\u000D\\u00A0\\u000C\\u000B]*[+\\-]?([0-9]+(,[0-9]{3})*(\\.[0-9]*)?|\\.[0-9]+)([eE][+\\-]?[0-9]+)?[ \\u0009\\u000A\\u000D\\u00A0\\u000C\\u000B]*$') THEN CASE WHEN f2_strip !~ '[eE]' OR f2_strip ~ '[eE][+-]?0*[0-9]{1,3}$' THEN (CASE WHEN abs(CAST(f2_strip AS NUMERIC)) >= js_overflow THEN NULL WHEN abs(CAST(f2_strip AS NUMERIC)) <= js_underflow THEN CAST(0 AS DOUBLE PRECISION) ELSE CAST(CAST(f2_strip AS NUMERIC) AS DOUBLE PRECISION) END) WHEN f2_strip ~ '^[+-]?[0.]*[eE]' OR f2_strip ~ '[eE]-' THEN CAST(0 AS DOUBLE PRECISION) END END AS f2_num,
    NULLIF(lower(f2_trim), '') AS f2_text,
    CASE WHEN lower(f3_trim) IN ('true', 'yes', '1') THEN TRUE WHEN lower(f3_trim) IN ('false', 'no', '0') THEN FALSE END AS f3_bool,
    CASE WHEN (f4_raw ~ E'^[ \\u0009\\u000A\\u000D\\u00A0\\u000C\\u000B]*[+\\-]?([0-9]+(,[0-9]{3})*(\\.[0-9]*)?|\\.[0-9]+)([eE][+\\-]?[0-9]+)?[ \\u0009\\u000A\\u000D\\u00A0\\u000C\\u000B]*$') THEN CASE WHEN f4_strip !~ '[eE]' OR f4_strip ~ '[eE][+-]?0*[0-9]{1,3}$' THEN (CASE WHEN abs(CAST(f4_strip AS NUMERIC)) >= js_overflow THEN NULL WHEN abs(CAST(f4_strip AS NUMERIC)) <= js_underflow THEN CAST(0 AS DOUBLE PRECISION) ELSE CAST(CAST(f4_strip AS NUMERIC) AS DOUBLE PRECISION) END) WHEN f4_strip ~ '^[+-]?[0.]*[eE]' OR f4_strip ~ '[eE]-' THEN CAST(0 AS DOUBLE PRECISION) END END AS f4_num,
    CASE WHEN lower(f5_trim) IN ('true', 'yes', '1') THEN TRUE WHEN lower(f5_trim) IN ('false', 'no', '0') THEN FALSE END AS f5_bool,
    CASE WHEN (f6_lstrip ~ E'^[0-9]{4}-[0-9]{2}-[0-9]{2}([T ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]+)?)?(Z|[+\\-][0-9]{2}:?[0-9]{2})?)?[ \\u0009\\u000A\\u000D\\u00A0\\u000C\\u000B]*$') THEN (CASE WHEN CAST(substr(f6_lstrip, 6, 2) AS INTEGER) BETWEEN 1 AND 12 AND CAST(substr(f6_lstrip, 9, 2) AS INTEGER) BETWEEN 1 AND CASE WHEN CAST(substr(f6_lstrip, 6, 2) AS INTEGER) = 2 THEN (CASE WHEN ((mod(CAST(substr(f6_lstrip, 1, 4) AS INTEGER), 4) = 0 AND mod(CAST(substr(f6_lstrip, 1, 4) AS INTEGER), 100) <> 0) OR mod(CAST(substr(f6_lstrip, 1, 4) AS INTEGER), 400) = 0) THEN 29 ELSE 28 END) WHEN CAST(substr(f6_lstrip, 6, 2) AS INTEGER) IN (4, 6, 9, 11) THEN 30 ELSE 31 END THEN CAST(substr(f6_lstrip, 1, 4) AS INTEGER) * 10000 + CAST(substr(f6_lstrip, 6, 2) AS INTEGER) * 100 + CAST(substr(f6_lstrip, 9, 2) AS INTEGER) END) END AS f6_day,
    NULLIF(lower(f7_trim), '') AS f7_text,
    NULLIF(lower(f8_trim), '') AS f8_text,
    (f9_raw IS NULL OR f9_raw = '' OR (f9_trim = '' AND f9_lstrip <> f9_raw)) AS f9_blank,
    CASE WHEN (f10_lstrip ~ E'^[0-9]{4}-[0-9]{2}-[0-9]{2}([T ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]+)?)?(Z|[+\\-][0-9]{2}:?[0-9]{2})?)?[ \\u0009\\u000A\\u000D\\u00A0\\u000C\\u000B]*$') THEN (CASE WHEN CAST(substr(f10_lstrip, 6, 2) AS INTEGER) BETWEEN 1 AND 12 AND CAST(substr(f10_lstrip, 9, 2) AS INTEGER) BETWEEN 1 AND CASE WHEN CAST(substr(f10_lstrip, 6, 2) AS INTEGER) = 2 THEN (CASE WHEN ((mod(CAST(substr(f10_lstrip, 1, 4) AS INTEGER), 4) = 0 AND mod(CAST(substr(f10_lstrip, 1, 4) AS INTEGER), 100) <> 0) OR mod(CAST(substr(f10_lstrip, 1, 4) AS INTEGER), 400) = 0) THEN 29 ELSE 28 END) WHEN CAST(substr(f10_lstrip, 6, 2) AS INTEGER) IN (4, 6, 9, 11) THEN 30 ELSE 31 END THEN CAST(substr(f10_lstrip, 1, 4) AS INTEGER) * 10000 + CAST(substr(f10_lstrip, 6, 2) AS INTEGER) * 100 + CAST(substr(f10_lstrip, 9, 2) AS INTEGER) END) END AS f10_day
  FROM align_cells CROSS JOIN align_constants
), align_hits AS (
  SELECT lead_id,
    COALESCE(f0_num >= CAST(200 AS DOUBLE PRECISION), FALSE) AS c0,
    (COALESCE((f1_text ~* '(?:(?<=[0-9A-Za-z_])(?![0-9A-Za-z_])|(?<![0-9A-Za-z_])(?=[0-9A-Za-z_]))(vp|director|head)(?:(?<=[0-9A-Za-z_])(?![0-9A-Za-z_])|(?<![0-9A-Za-z_])(?=[0-9A-Za-z_]))'), FALSE) AND COALESCE(f2_text IN ('us', 'ca', 'gb'), FALSE)) AS c1,
    COALESCE(f3_bool = TRUE, FALSE) AS c2,
    ((CASE WHEN COALESCE(f4_num BETWEEN CAST(2 AS DOUBLE PRECISION) AND CAST(50 AS DOUBLE PRECISION), FALSE) THEN 1 ELSE 0 END + CASE WHEN COALESCE(f5_bool <> FALSE, FALSE) THEN 1 ELSE 0 END + CASE WHEN COALESCE(f6_day BETWEEN 20260827 AND 20261127, FALSE) THEN 1 ELSE 0 END) >= 2) AS c3,
    (NOT (COALESCE((strpos(f1_text, 'student') > 0), FALSE) OR COALESCE((right(f7_text, length('.edu')) = '.edu'), FALSE))) AS c4,
    (COALESCE(starts_with(f8_text, 'o''brien; --'), FALSE) OR COALESCE(NOT (strpos(f8_text, E'back\\slash') > 0), FALSE) OR (((f2_num IS NOT NULL) OR (f2_day IS NOT NULL) OR (f2_text IS NOT NULL)) AND NOT (COALESCE(f2_num IN (CAST(5 AS DOUBLE PRECISION)), FALSE) OR COALESCE(f2_day IN (20260101), FALSE) OR COALESCE(f2_text IN ('kp'), FALSE))) OR f9_blank OR (NOT f9_blank)) AS c5,
    (COALESCE(f10_day < 20260101, FALSE) OR COALESCE(f10_day > 20260630, FALSE) OR COALESCE(f10_day = 20261127, FALSE) OR FALSE OR COALESCE(f0_num <= CAST(10 AS DOUBLE PRECISION), FALSE) OR COALESCE(f0_num > CAST(1000000 AS DOUBLE PRECISION), FALSE)) AS c6,
    COALESCE((f7_text ~* E'@(rival|competitor)\\.com$'), FALSE) AS c7
  FROM align_readings
), align_sums AS (
  SELECT lead_id, c0, c1, c2, c3, c4, c5, c6, c7,
    CAST(0 AS DOUBLE PRECISION) + CASE WHEN c0 THEN CAST(15 AS DOUBLE PRECISION) ELSE 0 END + CASE WHEN c1 THEN CAST('20.5' AS DOUBLE PRECISION) ELSE 0 END + CASE WHEN c4 THEN CAST(-5 AS DOUBLE PRECISION) ELSE 0 END + CASE WHEN c6 THEN CAST(2 AS DOUBLE PRECISION) ELSE 0 END AS fit_sum,
    CAST(0 AS DOUBLE PRECISION) + CASE WHEN c2 THEN CAST(40 AS DOUBLE PRECISION) ELSE 0 END + CASE WHEN c3 THEN CAST('10.25' AS DOUBLE PRECISION) ELSE 0 END + CASE WHEN c5 THEN CAST(1 AS DOUBLE PRECISION) ELSE 0 END AS engagement_sum
  FROM align_hits
), align_rounded AS (
  SELECT lead_id, c0, c1, c2, c3, c4, c5, c6, c7, ((CASE WHEN ceil(((fit_sum) * CAST(1000000 AS DOUBLE PRECISION))) - CAST('0.5' AS DOUBLE PRECISION) > ((fit_sum) * CAST(1000000 AS DOUBLE PRECISION)) THEN ceil(((fit_sum) * CAST(1000000 AS DOUBLE PRECISION))) - CAST(1 AS DOUBLE PRECISION) ELSE ceil(((fit_sum) * CAST(1000000 AS DOUBLE PRECISION))) END) / CAST(1000000 AS DOUBLE PRECISION)) AS fit_points, ((CASE WHEN ceil(((engagement_sum) * CAST(1000000 AS DOUBLE PRECISION))) - CAST('0.5' AS DOUBLE PRECISION) > ((engagement_sum) * CAST(1000000 AS DOUBLE PRECISION)) THEN ceil(((engagement_sum) * CAST(1000000 AS DOUBLE PRECISION))) - CAST(1 AS DOUBLE PRECISION) ELSE ceil(((engagement_sum) * CAST(1000000 AS DOUBLE PRECISION))) END) / CAST(1000000 AS DOUBLE PRECISION)) AS engagement_points
  FROM align_sums
), align_capped AS (
  SELECT lead_id, c0, c1, c2, c3, c4, c5, c6, c7,
    CASE WHEN fit_points > CAST(60 AS DOUBLE PRECISION) THEN CAST(60 AS DOUBLE PRECISION) ELSE fit_points END AS fit,
    CASE WHEN engagement_points > CAST('80.5' AS DOUBLE PRECISION) THEN CAST('80.5' AS DOUBLE PRECISION) ELSE engagement_points END AS engagement
  FROM align_rounded
), align_totals AS (
  SELECT lead_id, c0, c1, c2, c3, c4, c5, c6, c7, fit, engagement, ((CASE WHEN ceil(((fit + engagement) * CAST(1000000 AS DOUBLE PRECISION))) - CAST('0.5' AS DOUBLE PRECISION) > ((fit + engagement) * CAST(1000000 AS DOUBLE PRECISION)) THEN ceil(((fit + engagement) * CAST(1000000 AS DOUBLE PRECISION))) - CAST(1 AS DOUBLE PRECISION) ELSE ceil(((fit + engagement) * CAST(1000000 AS DOUBLE PRECISION))) END) / CAST(1000000 AS DOUBLE PRECISION)) AS score
  FROM align_capped
)
SELECT
  lead_id AS id, fit, engagement, score,
  CASE WHEN c7 THEN 'disqualified' WHEN score >= CAST('70.5' AS DOUBLE PRECISION) AND fit >= CAST(30 AS DOUBLE PRECISION) AND engagement >= CAST(10 AS DOUBLE PRECISION) THEN 'sql' WHEN score >= CAST(40 AS DOUBLE PRECISION) THEN 'mql' ELSE 'unqualified' END AS stage,
  array_remove(ARRAY[CASE WHEN c0 THEN 'company-size' END, CASE WHEN c1 THEN 'decision-maker' END, CASE WHEN c2 THEN 'demo-request' END, CASE WHEN c3 THEN 'signals' END, CASE WHEN c4 THEN 'not-a-student' END, CASE WHEN c5 THEN 'text-tests' END, CASE WHEN c6 THEN 'dates' END, CASE WHEN c7 THEN 'competitor' END]::TEXT[], NULL) AS fired
FROM align_totals;
