-- Token keys encrypted at rest. With Identity:Keys:AtRestKey set, private_key holds the PKCS#8 key sealed with
-- AES-256-GCM under that secret (nonce, tag and cipher text, base64) and encrypted is true; rows stored before it was
-- set (false) are encrypted on the next start.
ALTER TABLE signing_keys ADD COLUMN encrypted boolean NOT NULL DEFAULT false;
