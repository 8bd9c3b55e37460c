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

CREATE TABLE ofFedStaticRoute (
  routeDomain  VARCHAR2(255)  NOT NULL,
  targetHost   VARCHAR2(255)  NOT NULL,
  targetPort   NUMBER(10)       NOT NULL,
  createdAt    NUMBER(19)       NOT NULL,
  CONSTRAINT ofFedStaticRoute_pk PRIMARY KEY (routeDomain, targetHost, targetPort)
);

-- Chat node aliases (1.3.0): an extra domain under which a local group chat service is reached by federated partners
CREATE TABLE ofFedChatAlias (
  aliasDomain   VARCHAR2(255)  NOT NULL,
  serviceDomain VARCHAR2(255)  NOT NULL,
  createdAt     NUMBER(19)       NOT NULL,
  CONSTRAINT ofFedChatAlias_pk PRIMARY KEY (aliasDomain)
);

-- Peer clusters (1.3.0)
CREATE TABLE ofFedPeer (
  peerId       NUMBER(19)       NOT NULL,
  peerName     VARCHAR2(100)  NOT NULL,
  baseUrl      VARCHAR2(1000) NOT NULL,
  secret       VARCHAR2(1000) NOT NULL,
  createdAt    NUMBER(19)       NOT NULL,
  changedAt    NUMBER(19)       NOT NULL,
  acceptPushes NUMBER(10) DEFAULT 0 NOT NULL,
  CONSTRAINT ofFedPeer_pk PRIMARY KEY (peerId),
  CONSTRAINT ofFedPeer_name UNIQUE (peerName)
);

INSERT INTO ofVersion (name, version) VALUES ('federation', 4);
