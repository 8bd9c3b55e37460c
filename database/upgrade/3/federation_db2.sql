-- Copyright 2026 The federation plugin team. Licensed under the Apache License, Version 2.0 (see LICENSE).
-- Federation plugin 1.2.0: email domains are served only once approved (domains that were served keep
-- being served), and the remote domains seen, so that a partner domain is never claimed as an email domain (db2)
ALTER TABLE ofFedEmailDomain ADD COLUMN status VARCHAR(16) NOT NULL DEFAULT 'APPROVED';

CREATE TABLE ofFedRemoteDomain (
  remoteDomain VARCHAR(255)  NOT NULL,
  lastSeen     BIGINT       NOT NULL,
  CONSTRAINT ofFedRemoteDomain_pk PRIMARY KEY (remoteDomain)
);

UPDATE ofVersion SET version = 3 WHERE name = 'federation';
