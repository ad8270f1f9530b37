-- What the build refused, where and why.
SELECT source_file, stage, reason
FROM rejects
ORDER BY source_file, stage, reason;
