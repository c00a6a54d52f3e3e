-- The evaluation of a county's figures of a period and specialty by the city (评估，下管一级): passed, or returned to
-- the county with reasons; reopened when a figure of the county changed after it was evaluated. checks holds, as
-- JSON, what the evaluator saw when deciding (rates, open errors, records, growth, ledgers), so that it can be shown
-- later as it was.
CREATE TABLE rev_evaluation (
    period VARCHAR(7) NOT NULL,
    specialty VARCHAR(40) NOT NULL,
    county VARCHAR(12) NOT NULL,
    result VARCHAR(10) NOT NULL,
    note VARCHAR(2000),
    checks VARCHAR(20000),
    evaluator VARCHAR(200),
    evaluated_at TIMESTAMP NOT NULL,
    PRIMARY KEY (period, specialty, county)
);
