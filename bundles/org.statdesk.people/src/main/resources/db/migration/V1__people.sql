-- The bureau's users (人员). Passwords only as a slow salted hash (PBKDF2-HMAC-SHA256); the failure count and lock
-- are operational state, the rest is journaled and verified.
CREATE TABLE ppl_user (
    login VARCHAR(64) NOT NULL PRIMARY KEY,
    display VARCHAR(100),
    role VARCHAR(20) NOT NULL,
    county VARCHAR(6),
    specialty VARCHAR(40),
    password_hash VARCHAR(200) NOT NULL,
    enabled BOOLEAN NOT NULL,
    failed INTEGER NOT NULL,
    locked_until TIMESTAMP,
    created_at TIMESTAMP NOT NULL
);
