-- Copyright 2026 The federation plugin team. Licensed under the Apache License, Version 2.0 (see LICENSE).
-- Federation plugin 1.2.0: email domains are served only once approved (domains that were served keep
-- being served), and the remote domains seen, so that a partner domain is never claimed as an email domain;
-- the federation event log (oracle)
ALTER TABLE ofFedEmailDomain ADD status VARCHAR2(16) DEFAULT 'APPROVED' NOT NULL;

CREATE TABLE ofFedRemoteDomain (
  remoteDomain VARCHAR2(255)  NOT NULL,
  lastSeen     NUMBER(19)       NOT NULL,
  CONSTRAINT ofFedRemoteDomain_pk PRIMARY KEY (remoteDomain)
);

CREATE TABLE ofFedEvent (
  eventId      NUMBER(19)       NOT NULL,
  eventTime    NUMBER(19)       NOT NULL,
  nodeName     VARCHAR2(255)  NOT NULL,
  eventKind    VARCHAR2(32)   NOT NULL,
  remoteDomain VARCHAR2(255),
  summary      VARCHAR2(1000) NOT NULL,
  details      VARCHAR2(2000),
  adminUser    VARCHAR2(255),
  repeatCount  NUMBER(10)       NOT NULL
);

CREATE INDEX ofFedEvent_time_idx ON ofFedEvent (eventTime);

UPDATE ofVersion SET version = 3 WHERE name = 'federation';
