-- Copyright 2026 The federation plugin team. Licensed under the Apache License, Version 2.0 (see LICENSE).
-- Federation plugin 1.1.0: email domains for email-address federation (db2)
CREATE TABLE ofFedEmailDomain (
  emailDomain VARCHAR(255)  NOT NULL,
  createdAt   BIGINT       NOT NULL,
  CONSTRAINT ofFedEmailDomain_pk PRIMARY KEY (emailDomain)
);

UPDATE ofVersion SET version = 2 WHERE name = 'federation';
