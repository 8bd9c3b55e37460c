-- Copyright 2026 The federation plugin team. Licensed under the Apache License, Version 2.0 (see LICENSE).
-- Federation plugin tables (oracle)
CREATE TABLE ofFedPolicyException (
  pattern     VARCHAR2(255)  NOT NULL,
  direction   VARCHAR2(16)   NOT NULL,
  createdAt   NUMBER(19)       NOT NULL,
  changedAt   NUMBER(19)       NOT NULL,
  CONSTRAINT ofFedPolicyException_pk PRIMARY KEY (pattern)
);

CREATE TABLE ofFedEmailDomain (
  emailDomain VARCHAR2(255)  NOT NULL,
  createdAt   NUMBER(19)       NOT NULL,
  status      VARCHAR2(16)   NOT NULL,
  CONSTRAINT ofFedEmailDomain_pk PRIMARY KEY (emailDomain)
);

CREATE TABLE ofFedRemoteDomain (
  remoteDomain VARCHAR2(255)  NOT NULL,
  lastSeen     NUMBER(19)       NOT NULL,
  CONSTRAINT ofFedRemoteDomain_pk PRIMARY KEY (remoteDomain)
);

INSERT INTO ofVersion (name, version) VALUES ('federation', 3);
