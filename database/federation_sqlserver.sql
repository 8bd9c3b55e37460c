-- Copyright 2026 The federation plugin team. Licensed under the Apache License, Version 2.0 (see LICENSE).
-- Federation plugin tables (sqlserver)
CREATE TABLE ofFedPolicyException (
  pattern     NVARCHAR(255)  NOT NULL,
  direction   NVARCHAR(16)   NOT NULL,
  createdAt   BIGINT       NOT NULL,
  changedAt   BIGINT       NOT NULL,
  CONSTRAINT ofFedPolicyException_pk PRIMARY KEY (pattern)
);

CREATE TABLE ofFedEmailDomain (
  emailDomain NVARCHAR(255)  NOT NULL,
  createdAt   BIGINT       NOT NULL,
  status      NVARCHAR(16)   NOT NULL,
  CONSTRAINT ofFedEmailDomain_pk PRIMARY KEY (emailDomain)
);

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

CREATE TABLE ofFedStaticRoute (
  routeDomain  VARCHAR(255)  NOT NULL,
  targetHost   VARCHAR(255)  NOT NULL,
  targetPort   INT       NOT NULL,
  createdAt    BIGINT       NOT NULL,
  CONSTRAINT ofFedStaticRoute_pk PRIMARY KEY (routeDomain, targetHost, targetPort)
);

-- Chat node aliases (1.3.0): an extra domain under which a local group chat service is reached by federated partners
CREATE TABLE ofFedChatAlias (
  aliasDomain   NVARCHAR(255)  NOT NULL,
  serviceDomain NVARCHAR(255)  NOT NULL,
  createdAt     BIGINT       NOT NULL,
  CONSTRAINT ofFedChatAlias_pk PRIMARY KEY (aliasDomain)
);

-- Peer clusters (1.3.0)
CREATE TABLE ofFedPeer (
  peerId       BIGINT       NOT NULL,
  peerName     NVARCHAR(100)  NOT NULL,
  baseUrl      NVARCHAR(1000) NOT NULL,
  secret       NVARCHAR(1000) NOT NULL,
  createdAt    BIGINT       NOT NULL,
  changedAt    BIGINT       NOT NULL,
  acceptPushes INT DEFAULT 0 NOT NULL,
  CONSTRAINT ofFedPeer_pk PRIMARY KEY (peerId),
  CONSTRAINT ofFedPeer_name UNIQUE (peerName)
);

INSERT INTO ofVersion (name, version) VALUES ('federation', 4);
