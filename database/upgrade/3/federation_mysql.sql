-- Copyright 2026 The federation plugin team. Licensed under the Apache License, Version 2.0 (see LICENSE).
-- Federation plugin 1.2.0: email domains are served only once approved (domains that were served keep
-- being served), and the remote domains seen, so that a partner domain is never claimed as an email domain;
-- the federation event log (mysql)
ALTER TABLE ofFedEmailDomain ADD COLUMN status VARCHAR(16) NOT NULL DEFAULT 'APPROVED';

CREATE TABLE ofFedRemoteDomain (
  remoteDomain VARCHAR(255)  NOT NULL,
  lastSeen     BIGINT       NOT NULL,
  CONSTRAINT ofFedRemoteDomain_pk PRIMARY KEY (remoteDomain)
);

CREATE TABLE ofFedEvent (
  eventId      BIGINT       NOT NULL,
  eventTime    BIGINT       NOT NULL,
  nodeName     VARCHAR(255)  NOT NULL,
  eventKind    VARCHAR(32)   NOT NULL,
  remoteDomain VARCHAR(255),
  summary      VARCHAR(1000) NOT NULL,
  details      VARCHAR(2000),
  adminUser    VARCHAR(255),
  repeatCount  INTEGER       NOT NULL
);

CREATE INDEX ofFedEvent_time_idx ON ofFedEvent (eventTime);

UPDATE ofVersion SET version = 3 WHERE name = 'federation';
