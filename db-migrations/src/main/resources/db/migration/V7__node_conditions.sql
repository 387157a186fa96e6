-- The conditions an edge reports in node-status (DiskPressure, MemoryPressure, ...), as the JSON array the
-- REST API shows under status.conditions. Observed values like the other status columns: written only when
-- a condition's status or reason changes, so it needs no table of its own. Same dialect rules as V1.
ALTER TABLE node ADD COLUMN conditions_json VARCHAR(4096) NOT NULL DEFAULT '[]';
