-- Copyright 2026 The federation plugin team. Licensed under the Apache License, Version 2.0 (see LICENSE).
-- Federation plugin 1.2.0: email domains are served only once approved (domains that were served keep
-- being served), and the remote domains seen, so that a partner domain is never claimed as an email domain;
-- the federation event log (sqlserver)
ALTER TABLE ofFedEmailDomain ADD status NVARCHAR(16) NOT NULL DEFAULT 'APPROVED';

CREATE TABLE ofFedRemoteDomain (
  remoteDomain NVARCHAR(255)  NOT NULL,
  lastSeen     BIGINT       NOT NULL,
  CONSTRAINT ofFedRemoteDomain_pk PRIMARY KEY (remoteDomain)
);

CREATE TABLE ofFedEvent (
  eventId      BIGINT       NOT NULL,
  eventTime    BIGINT       NOT NULL,
  nodeName     NVARCHAR(255)  NOT NULL,
  eventKind    NVARCHAR(32)   NOT NULL,
  remoteDomain NVARCHAR(255),
  summary      NVARCHAR(1000) NOT NULL,
  details      NVARCHAR(2000),
  adminUser    NVARCHAR(255),
  repeatCount  INT       NOT NULL
);

CREATE INDEX ofFedEvent_time_idx ON ofFedEvent (eventTime);

UPDATE ofVersion SET version = 3 WHERE name = 'federation';
