-- Administrative records and ledgers (行政记录与统计台账), as imported by records:import. Portable SQL (H2 and
-- PostgreSQL). Records are kept for units that are not in the register too: that is how missing units are found.

-- Monthly figures of a source: tax (增值税开票销售额, 千元) and power (用电量, 万千瓦时). A re-import of a source
-- replaces its months and the confrontation reads a range of months, so the key leads with source and period; one
-- index more for the reads of a unit. Two trees only: a province file is 300,000 rows.
CREATE TABLE rec_monthly (
  source VARCHAR(10) NOT NULL,
  period VARCHAR(7) NOT NULL,
  credit_code VARCHAR(18) NOT NULL,
  amount DOUBLE PRECISION NOT NULL,
  PRIMARY KEY (source, period, credit_code)
);
CREATE INDEX rec_monthly_code ON rec_monthly (credit_code, source);

-- The units' own ledger totals (统计台账), indicator by indicator, in the report's long form.
CREATE TABLE rec_ledger (
  credit_code VARCHAR(18) NOT NULL,
  period VARCHAR(7) NOT NULL,
  indicator VARCHAR(60) NOT NULL,
  amount DOUBLE PRECISION NOT NULL,
  PRIMARY KEY (period, credit_code, indicator)
);
CREATE INDEX rec_ledger_code ON rec_ledger (credit_code);

-- Market registrations (市场主体登记): one per credit code, replaced by a re-import naming the code.
CREATE TABLE rec_market (
  credit_code VARCHAR(18) NOT NULL PRIMARY KEY,
  name VARCHAR(500) NOT NULL,
  status VARCHAR(10) NOT NULL,
  status_date VARCHAR(10),
  industry_code VARCHAR(10),
  division_code VARCHAR(12),
  registered_capital DOUBLE PRECISION
);
CREATE INDEX rec_market_status ON rec_market (status);
