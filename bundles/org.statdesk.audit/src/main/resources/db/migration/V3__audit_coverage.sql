-- What each guarded table's row digests cover (审计覆盖范围), as last adopted: when an update guards more columns or
-- a new table, the journal checks the rows against their digests under the former coverage, then records them under
-- the new one, so that an upgrade is neither mistaken for tampering nor a way to bless it.
CREATE TABLE aud_coverage (
  table_name VARCHAR(200) NOT NULL PRIMARY KEY,
  key_expression VARCHAR(1000) NOT NULL,
  columns VARCHAR(4000) NOT NULL,
  adopted_seq BIGINT NOT NULL
);
