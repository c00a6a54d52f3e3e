-- 应统尽统: how the census section resolved a candidate of registry:candidates, one row per unit and kind
-- (missing: to bring in; exit: to take out). result is applied, exited or explained; the evidence as it stood.
CREATE TABLE reg_candidate (
  credit_code VARCHAR(18) NOT NULL,
  kind VARCHAR(10) NOT NULL,
  result VARCHAR(12) NOT NULL,
  reason VARCHAR(2000),
  evidence VARCHAR(2000) NOT NULL,
  resolved_on VARCHAR(10) NOT NULL,
  PRIMARY KEY (credit_code, kind)
);
