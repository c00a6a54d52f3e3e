-- Signed checkpoints (签名检查点): the journal's head after each writing transaction, signed with the installation's
-- Ed25519 key (kept outside the database, in DATA/keys/). Whoever can only write the database cannot forge one, so
-- rewriting entries and recomputing the chain leaves the last checkpoint's signature or hash wrong.
CREATE TABLE aud_checkpoint (
  seq BIGINT NOT NULL PRIMARY KEY,
  hash VARCHAR(64) NOT NULL,
  cp_time VARCHAR(40) NOT NULL,
  key_id VARCHAR(64) NOT NULL,
  signature VARCHAR(200) NOT NULL
);
