SELECT date,
       CASE WHEN date_precision = 'day' THEN CAST(CAST(substr(date, 9, 2) AS INTEGER) AS TEXT) || ' ' ELSE '' END
       || CASE substr(date, 6, 2)
            WHEN '01' THEN 'Jan' WHEN '02' THEN 'Feb' WHEN '03' THEN 'Mar' WHEN '04' THEN 'Apr'
            WHEN '05' THEN 'May' WHEN '06' THEN 'Jun' WHEN '07' THEN 'Jul' WHEN '08' THEN 'Aug'
            WHEN '09' THEN 'Sep' WHEN '10' THEN 'Oct' WHEN '11' THEN 'Nov' WHEN '12' THEN 'Dec' END
       || ' ' || substr(date, 1, 4) AS shown_date,
       event, target_raise_usd_b, valuation_usd_b, valuation_basis, share_price_usd, source_id
FROM ipo_timeline
ORDER BY date
