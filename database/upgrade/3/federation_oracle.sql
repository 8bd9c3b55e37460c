-- Copyright 2026 The federation plugin team. Licensed under the Apache License, Version 2.0 (see LICENSE).
-- Federation plugin 1.2.0: email domains are served only once approved (domains that were served keep
-- being served), and the remote domains seen, so that a partner domain is never claimed as an email domain (oracle)
ALTER TABLE ofFedEmailDomain ADD status VARCHAR2(16) DEFAULT 'APPROVED' NOT NULL;

CREATE TABLE ofFedRemoteDomain (
  remoteDomain VARCHAR2(255)  NOT NULL,
  lastSeen     NUMBER(19)       NOT NULL,
  CONSTRAINT ofFedRemoteDomain_pk PRIMARY KEY (remoteDomain)
);

UPDATE ofVersion SET version = 3 WHERE name = 'federation';
