-- Copyright 2026 The federation plugin team. Licensed under the Apache License, Version 2.0 (see LICENSE).
-- Federation plugin tables (postgresql)
CREATE TABLE ofFedPolicyException (
  pattern     VARCHAR(255)  NOT NULL,
  direction   VARCHAR(16)   NOT NULL,
  createdAt   BIGINT       NOT NULL,
  changedAt   BIGINT       NOT NULL,
  CONSTRAINT ofFedPolicyException_pk PRIMARY KEY (pattern)
);

CREATE TABLE ofFedEmailDomain (
  emailDomain VARCHAR(255)  NOT NULL,
  createdAt   BIGINT       NOT NULL,
  status      VARCHAR(16)   NOT NULL,
  CONSTRAINT ofFedEmailDomain_pk PRIMARY KEY (emailDomain)
);

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

CREATE TABLE ofFedStaticRoute (
  routeDomain  VARCHAR(255)  NOT NULL,
  targetHost   VARCHAR(255)  NOT NULL,
  targetPort   INTEGER       NOT NULL,
  createdAt    BIGINT       NOT NULL,
  CONSTRAINT ofFedStaticRoute_pk PRIMARY KEY (routeDomain, targetHost, targetPort)
);

-- Chat node aliases (1.3.0): an extra domain under which a local group chat service is reached by federated partners
CREATE TABLE ofFedChatAlias (
  aliasDomain   VARCHAR(255)  NOT NULL,
  serviceDomain VARCHAR(255)  NOT NULL,
  createdAt     BIGINT       NOT NULL,
  CONSTRAINT ofFedChatAlias_pk PRIMARY KEY (aliasDomain)
);

-- Peer clusters (1.3.0)
CREATE TABLE ofFedPeer (
  peerId       BIGINT       NOT NULL,
  peerName     VARCHAR(100)  NOT NULL,
  baseUrl      VARCHAR(1000) NOT NULL,
  secret       VARCHAR(1000) NOT NULL,
  createdAt    BIGINT       NOT NULL,
  changedAt    BIGINT       NOT NULL,
  acceptPushes INTEGER DEFAULT 0 NOT NULL,
  CONSTRAINT ofFedPeer_pk PRIMARY KEY (peerId),
  CONSTRAINT ofFedPeer_name UNIQUE (peerName)
);

INSERT INTO ofVersion (name, version) VALUES ('federation', 4);
