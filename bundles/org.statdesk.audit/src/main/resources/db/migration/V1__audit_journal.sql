-- The journal (审计日志): append-only, hash-chained. Times are stored as the text that was hashed, so that a
-- round trip through a TIMESTAMP type can never change what the hash covers.
CREATE TABLE aud_journal (
  seq BIGINT NOT NULL PRIMARY KEY,
  entry_time VARCHAR(40) NOT NULL,
  user_name VARCHAR(200) NOT NULL,
  bundle VARCHAR(200),
  entity VARCHAR(200),
  entity_key VARCHAR(400),
  field VARCHAR(200),
  old_value VARCHAR(4000),
  new_value VARCHAR(4000),
  reason VARCHAR(4000),
  row_digest VARCHAR(64),
  hash VARCHAR(64) NOT NULL
);
CREATE INDEX aud_journal_key ON aud_journal (entity_key);
-- The head of the chain: the last seq and hash. Appenders lock this row (SELECT ... FOR UPDATE), which
-- serialises writers across connections and processes, and lets verify notice entries cut off the end.
CREATE TABLE aud_head (
  id INTEGER NOT NULL PRIMARY KEY,
  last_seq BIGINT NOT NULL,
  last_hash VARCHAR(64) NOT NULL
);
INSERT INTO aud_head (id, last_seq, last_hash) VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
